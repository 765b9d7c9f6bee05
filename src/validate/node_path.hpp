#pragma once

#include <libxml/tree.h>

#include <string>

namespace teikit::validate {

/// A readable path to a node: local names, with [n] where siblings share a name
/// (/TEI/text/body/div/p[3]); attributes end in /@name.
std::string node_path(const xmlNode* node);

}  // namespace teikit::validate
