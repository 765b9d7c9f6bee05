#pragma once

#include <libxml/xpath.h>

#include <string>
#include <string_view>
#include <vector>

namespace teikit::validate::schematron {

/// Why an expression cannot run on XPath 1.0 (+ EXSLT), or empty when it can: syntax that
/// libxml2 does not compile, or a function it does not know.
std::string xpath1_problem(xmlXPathContext* context, const std::string& expression);

/// The variables an expression refers to ($name), outside string literals.
std::vector<std::string> variable_references(std::string_view expression);

/// Registers the EXSLT function libraries whose namespaces the schema binds to a prefix,
/// and XSLT's current().
void register_functions(xmlXPathContext* context);

/// Sets the node current() returns on this thread.
void set_current_node(xmlNode* node);

/// A rule context (an XSLT pattern) as an XPath that selects every node it matches.
std::string pattern_to_xpath(std::string_view pattern);

}  // namespace teikit::validate::schematron
