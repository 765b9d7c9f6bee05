// The RELAX NG datatype libraries: focused cases, then jing-trang's conformance files
// xsdtest.xml (XML Schema datatypes) and regextest.xml (XML Schema regular expressions) from
// ../shared/reference/relaxng-tests, or from $TEIKIT_REFERENCE_DIR (the reference folder, or
// its relaxng-tests folder). Every case must pass, or be listed in `known_exceptions` with
// the reason; a listed case that passes fails the test, so that the list stays honest.

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "core/xml_handles.hpp"
#include "test_support.hpp"
#include "validate/relaxng/datatypes.hpp"

namespace teikit::validate::relaxng {
namespace {

namespace fs = std::filesystem;

const std::string xsd = "http://www.w3.org/2001/XMLSchema-datatypes";

// Cases of the conformance files that fail on purpose, by case id, with the reason.
const std::map<std::string, std::string> known_exceptions = {};

using Bindings = std::map<std::string, std::string>;

// A context from a table of prefixes and a set of unparsed entities.
class MapContext final : public NamespaceContext {
 public:
  explicit MapContext(Bindings bindings = {}, std::set<std::string> entities = {})
      : bindings_(std::move(bindings)), entities_(std::move(entities)) {}
  std::optional<std::string> lookup(std::string_view prefix) const override {
    auto it = bindings_.find(std::string(prefix));
    if (it == bindings_.end()) return std::nullopt;
    return it->second;
  }
  bool is_unparsed_entity(std::string_view name) const override {
    return entities_.count(std::string(name)) != 0;
  }

 private:
  Bindings bindings_;
  std::set<std::string> entities_;
};

std::shared_ptr<const Datatype> make(const std::string& library, const std::string& type,
                                     std::vector<DatatypeParam> params = {}) {
  DatatypeError error;
  auto datatype = make_datatype(library, type, params, error);
  EXPECT_TRUE(datatype) << type << ": " << error.message;
  return datatype;
}

// The error that making the datatype gives ("" if it is made).
std::string error_of(const std::string& library, const std::string& type,
                     std::vector<DatatypeParam> params) {
  DatatypeError error;
  auto datatype = make_datatype(library, type, params, error);
  return datatype ? "" : error.message;
}

// ---------------------------------------------------------------------------------------
// Focused cases

TEST(RelaxNgDatatypes, BuiltinStringAndToken) {
  MapContext none;
  auto string = make("", "string");
  auto token = make("", "token");
  EXPECT_TRUE(string->allows(" any\tthing ", none));
  EXPECT_TRUE(string->equal("a b", none, "a b", none));
  EXPECT_FALSE(string->equal("a b", none, "a  b", none));
  EXPECT_TRUE(token->equal("  a \n\t b ", none, "a b", none));
  EXPECT_TRUE(token->equal("", none, " \r\n", none));
  EXPECT_FALSE(token->equal("ab", none, "a b", none));
  EXPECT_EQ(token->name(), "token");
  EXPECT_EQ(token->id_type(), IdType::none);
}

TEST(RelaxNgDatatypes, UnknownLibrariesTypesAndBuiltinParams) {
  EXPECT_TRUE(is_known_library(""));
  EXPECT_TRUE(is_known_library(xsd));
  EXPECT_FALSE(is_known_library("http://example.com/datatypes"));
  EXPECT_NE(error_of("http://example.com/datatypes", "string", {}), "");
  EXPECT_NE(error_of("", "integer", {}), "");
  EXPECT_NE(error_of("", "string", {{"length", "1"}}), "");
  EXPECT_NE(error_of(xsd, "strin", {}), "");
  EXPECT_NE(error_of(xsd, "anyType", {}), "");
}

TEST(RelaxNgDatatypes, QNameResolvesThroughItsContext) {
  MapContext first(Bindings{{"x", "http://example.com/a"}, {"", "http://example.com/default"}});
  MapContext second(Bindings{{"y", "http://example.com/a"}});
  auto qname = make(xsd, "QName");
  EXPECT_TRUE(qname->allows("x:foo", first));
  EXPECT_TRUE(qname->allows(" foo ", second));
  std::string why;
  EXPECT_FALSE(qname->allows("y:foo", first, &why));
  EXPECT_NE(why.find("\"y\""), std::string::npos) << why;
  EXPECT_FALSE(qname->allows("x::foo", first, &why));
  EXPECT_EQ(why, "must be a qualified name (prefix:name)");
  EXPECT_FALSE(qname->allows("1x", first));
  EXPECT_TRUE(qname->equal("x:foo", first, " y:foo", second));
  EXPECT_FALSE(qname->equal("x:foo", first, "y:bar", second));
  // Unprefixed: the default namespace, or none.
  EXPECT_TRUE(qname->equal("bar", first, "bar", first));
  EXPECT_FALSE(qname->equal("bar", first, "bar", second));
  auto notation = make(xsd, "NOTATION");
  EXPECT_TRUE(notation->equal("x:n", first, "y:n", second));
}

TEST(RelaxNgDatatypes, IdTypes) {
  EXPECT_EQ(make(xsd, "ID")->id_type(), IdType::id);
  EXPECT_EQ(make(xsd, "IDREF")->id_type(), IdType::idref);
  EXPECT_EQ(make(xsd, "IDREFS")->id_type(), IdType::idrefs);
  EXPECT_EQ(make(xsd, "NCName")->id_type(), IdType::none);
  EXPECT_EQ(make("", "string")->id_type(), IdType::none);
  MapContext none;
  auto idrefs = make(xsd, "IDREFS");
  EXPECT_TRUE(idrefs->allows(" a  b c ", none));
  EXPECT_FALSE(idrefs->allows("a b:c", none));
  EXPECT_FALSE(idrefs->allows("  ", none));
  EXPECT_TRUE(idrefs->equal(" a  b", none, "a b ", none));
}

TEST(RelaxNgDatatypes, ParamErrors) {
  EXPECT_NE(error_of(xsd, "string", {{"enumeration", "a"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"whiteSpace", "collapse"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"totalDigits", "3"}}), "");
  EXPECT_NE(error_of(xsd, "int", {{"length", "3"}}), "");
  EXPECT_NE(error_of(xsd, "boolean", {{"minInclusive", "0"}}), "");
  EXPECT_NE(error_of(xsd, "QName", {{"length", "3"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"colour", "red"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"length", "-1"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"length", "x"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"maxLength", "2"}, {"maxLength", "3"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"minLength", "3"}, {"maxLength", "2"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"length", "3"}, {"maxLength", "4"}}), "");
  EXPECT_NE(error_of(xsd, "decimal", {{"totalDigits", "0"}}), "");
  EXPECT_NE(error_of(xsd, "decimal", {{"totalDigits", "2"}, {"fractionDigits", "3"}}), "");
  EXPECT_NE(error_of(xsd, "integer", {{"fractionDigits", "1"}}), "");
  EXPECT_NE(error_of(xsd, "byte", {{"maxInclusive", "300"}}), "");
  EXPECT_NE(error_of(xsd, "date", {{"minInclusive", "tomorrow"}}), "");
  EXPECT_NE(error_of(xsd, "int", {{"minInclusive", "1"}, {"minExclusive", "0"}}), "");
  EXPECT_NE(error_of(xsd, "int", {{"minInclusive", "5"}, {"maxInclusive", "4"}}), "");
  EXPECT_NE(error_of(xsd, "int", {{"minInclusive", "5"}, {"maxExclusive", "5"}}), "");
  EXPECT_NE(error_of(xsd, "double", {{"minExclusive", "2"}, {"maxInclusive", "1.5"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"pattern", "[a-z"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"pattern", "x{2,1}"}}), "");
  EXPECT_EQ(error_of(xsd, "int", {{"minInclusive", "5"}, {"maxInclusive", "5"}}), "");
  EXPECT_EQ(error_of(xsd, "integer", {{"fractionDigits", "0"}}), "");
  EXPECT_EQ(error_of(xsd, "string", {{"pattern", "a"}, {"pattern", "b"}}), "");
}

TEST(RelaxNgDatatypes, FacetsAndMessages) {
  MapContext none;
  std::string why;
  auto integer = make(xsd, "integer");
  EXPECT_FALSE(integer->allows("1.5", none, &why));
  EXPECT_EQ(why, "must be an integer");
  auto lower = make(xsd, "string", {{"pattern", "[a-z]+"}});
  EXPECT_TRUE(lower->allows("abc", none));
  EXPECT_FALSE(lower->allows("abc1", none, &why));
  EXPECT_EQ(why, "must match the pattern \"[a-z]+\"");
  auto at_least = make(xsd, "string", {{"minLength", "3"}});
  EXPECT_TRUE(at_least->allows("\xC3\xA9t\xC3\xA9", none));  // three characters, five bytes
  EXPECT_FALSE(at_least->allows("ab", none, &why));
  EXPECT_EQ(why, "must have at least 3 characters");
  auto both = make(xsd, "token", {{"pattern", "[a-z ]+"}, {"pattern", ".*b.*"}});
  EXPECT_TRUE(both->allows(" a  b ", none));  // patterns see the collapsed value
  EXPECT_FALSE(both->allows("a c", none));
  auto range = make(xsd, "integer",
                    {{"minExclusive", "-5"}, {"maxInclusive", "100000000000000000000000000000"}});
  EXPECT_TRUE(range->allows("-4", none));
  EXPECT_FALSE(range->allows("-5", none, &why));
  EXPECT_EQ(why, "must be greater than -5");
  EXPECT_TRUE(range->allows("100000000000000000000000000000", none));
  EXPECT_FALSE(range->allows("100000000000000000000000000001", none));
  auto money = make(xsd, "decimal", {{"totalDigits", "5"}, {"fractionDigits", "2"}});
  EXPECT_TRUE(money->allows("123.40", none));
  EXPECT_TRUE(money->allows("-0012.3", none));
  EXPECT_FALSE(money->allows("1.234", none));
  EXPECT_FALSE(money->allows("1234.56", none, &why));
  EXPECT_EQ(why, "must have at most 5 digits");
  auto tokens = make(xsd, "NMTOKENS", {{"maxLength", "2"}});
  EXPECT_TRUE(tokens->allows(" a  b ", none));
  EXPECT_FALSE(tokens->allows("a b c", none, &why));
  EXPECT_EQ(why, "must have at most 2 items");
  auto hex = make(xsd, "hexBinary", {{"length", "2"}});
  EXPECT_TRUE(hex->allows("0aFF", none));
  EXPECT_FALSE(hex->allows("0a", none, &why));
  EXPECT_EQ(why, "must have exactly 2 bytes");
  auto dates = make(xsd, "date", {{"minInclusive", "2000-01-01"}});
  EXPECT_TRUE(dates->allows("2000-01-01", none));
  EXPECT_FALSE(dates->allows("1999-12-31", none, &why));
  EXPECT_EQ(why, "must be at least 2000-01-01");
  auto positive = make(xsd, "double", {{"minExclusive", "0"}});
  EXPECT_TRUE(positive->allows("INF", none));
  EXPECT_FALSE(positive->allows("NaN", none));
  EXPECT_FALSE(make(xsd, "ENTITY")->allows("pic", none, &why));
  EXPECT_TRUE(make(xsd, "ENTITY")->allows("pic", MapContext(Bindings{}, {"pic"})));
}

TEST(RelaxNgDatatypes, RegexBlocksAreXsdBlocks) {
  MapContext none;
  auto greek = make(xsd, "string", {{"pattern", "\\p{IsGreek}+"}});
  EXPECT_TRUE(greek->allows("\u03B1\u03B2", none));
  EXPECT_FALSE(greek->allows("a", none));
  auto not_latin = make(xsd, "string", {{"pattern", "\\P{IsBasicLatin}"}});
  EXPECT_TRUE(not_latin->allows("\u00E9", none));
  EXPECT_FALSE(not_latin->allows("e", none));
  auto in_class = make(xsd, "string", {{"pattern", "[\\p{IsBasicLatin}-[a-z]]*"}});
  EXPECT_TRUE(in_class->allows("AB-[]^\\", none));
  EXPECT_FALSE(in_class->allows("Ab", none));
  auto double_negation = make(xsd, "string", {{"pattern", "[^\\P{IsGreek}]"}});
  EXPECT_TRUE(double_negation->allows("\u03C9", none));
  EXPECT_FALSE(double_negation->allows("w", none));
  auto private_use = make(xsd, "string", {{"pattern", "\\p{IsPrivateUse}+"}});
  EXPECT_TRUE(private_use->allows("\uE000\U000F0000\U0010FFFD", none));
  EXPECT_NE(error_of(xsd, "string", {{"pattern", "\\p{IsKlingon}"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"pattern", "\\p{Cs}"}}), "");
  EXPECT_NE(error_of(xsd, "string", {{"pattern", "[a-b-c]"}}), "");
  EXPECT_EQ(error_of(xsd, "string", {{"pattern", "[\\p{Lu}\\d_-]"}}), "");
}

TEST(RelaxNgDatatypes, SharedAcrossThreads) {
  auto words = make(xsd, "token", {{"pattern", "(\\p{L}+ )*\\p{L}+"}, {"maxLength", "40"}});
  auto dates = make(xsd, "dateTime", {{"maxExclusive", "2000-01-01T00:00:00Z"}});
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      MapContext none;
      for (int i = 0; i < 2000; ++i) {
        if (!words->allows("lorem ipsum dolor", none) || words->allows("lorem 1", none)) ++wrong[t];
        if (!dates->allows("1999-12-31T23:00:00-00:30", none) ||
            dates->allows("1999-12-31T23:00:00-01:00", none))
          ++wrong[t];
        if (!dates->equal("1999-12-31T23:00:00Z", none, "2000-01-01T00:00:00+01:00", none))
          ++wrong[t];
      }
    });
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

// ---------------------------------------------------------------------------------------
// Conformance files

std::optional<fs::path> suite_file(const std::string& name) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("TEIKIT_REFERENCE_DIR")) {
    candidates.push_back(fs::path(env) / "relaxng-tests" / name);
    candidates.push_back(fs::path(env) / name);
  } else {
    candidates.push_back(testing::source_dir() / ".." / "shared" / "reference" / "relaxng-tests" /
                         name);
  }
  for (const auto& path : candidates)
    if (fs::exists(path)) return path;
  return std::nullopt;
}

std::vector<const xmlNode*> elements(const xmlNode* parent, const char* name = nullptr) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE &&
        (name == nullptr || xmlStrEqual(c->name, xml::xml_chars(name))))
      out.push_back(c);
  return out;
}

std::string attr(const xmlNode* node, const char* name) {
  xml::CharPtr value(xmlGetNoNsProp(node, xml::xml_chars(name)));
  return value ? xml::chars(value.get()) : "";
}

bool is(const xmlNode* node, const char* name) {
  return xmlStrEqual(node->name, xml::xml_chars(name));
}

// A value as shown in a case id: quoted, control characters escaped.
std::string shown(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out + "\"";
}

// The namespaces in scope at a node of the suite, and the unparsed entities that its
// internalSubset attribute declares.
class NodeContext final : public NamespaceContext {
 public:
  explicit NodeContext(const xmlNode* node) : node_(node) {
    std::string subset = attr(node, "internalSubset");
    if (subset.empty()) return;
    std::string text = "<!DOCTYPE d [" + subset + "]><d/>";
    subset_.reset(xmlReadMemory(text.data(), static_cast<int>(text.size()), "subset.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  }
  std::optional<std::string> lookup(std::string_view prefix) const override {
    std::string p(prefix);
    xmlNs* ns = xmlSearchNs(node_->doc, const_cast<xmlNode*>(node_),
                            p.empty() ? nullptr : xml::xml_chars(p.c_str()));
    if (ns == nullptr || ns->href == nullptr) return std::nullopt;
    return std::string(xml::chars(ns->href));
  }
  bool is_unparsed_entity(std::string_view name) const override {
    if (!subset_) return false;
    std::string n(name);
    xmlEntity* entity = xmlGetDocEntity(subset_.get(), xml::xml_chars(n.c_str()));
    return entity != nullptr && entity->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY;
  }

 private:
  const xmlNode* node_;
  xml::DocPtr subset_;
};

// Counts the cases of a suite and collects the failures that are not listed exceptions.
class Tally {
 public:
  void record(const std::string& id, bool ok, const std::string& detail = "") {
    auto listed = known_exceptions.find(id);
    if (listed != known_exceptions.end()) {
      ++excepted_;
      if (ok) unexpected_.push_back(id + ": passes now; remove it from known_exceptions");
    } else if (ok) {
      ++passed_;
    } else {
      unexpected_.push_back(id + (detail.empty() ? "" : ": " + detail));
    }
  }
  void report(const std::string& suite) const {
    for (const auto& failure : unexpected_) ADD_FAILURE() << failure;
    std::cout << "[ SUITE    ] " << suite << ": " << passed_ << " cases passed, " << excepted_
              << " listed exceptions\n";
  }

 private:
  int passed_ = 0;
  int excepted_ = 0;
  std::vector<std::string> unexpected_;
};

xml::DocPtr load(const fs::path& path) {
  std::vector<Diagnostic> problems;
  return xml::parse_untrusted(testing::slurp(path), path.string(), problems);
}

// A datatype of the suite with one parameter, or null.
std::shared_ptr<const Datatype> with_param(const std::string& type, const std::string& name,
                                           const std::string& value) {
  DatatypeError error;
  return make_datatype(xsd, type, {{name, value}}, error);
}

void check_less_than(Tally& tally, const std::string& type, const xmlNode* a_node,
                     const xmlNode* b_node, const Datatype& plain) {
  NodeContext ca(a_node), cb(b_node);
  std::string a = xml::text_content(a_node), b = xml::text_content(b_node);
  std::string problems;
  auto expect = [&](const char* param, const std::string& bound, const std::string& value,
                    const NamespaceContext& context, bool allowed) {
    auto datatype = with_param(type, param, bound);
    if (!datatype)
      problems += std::string(" ") + param + "=" + bound + " not made;";
    else if (datatype->allows(value, context) != allowed)
      problems += std::string(" ") + param + "=" + bound + (allowed ? " rejects " : " allows ") +
                  value + ";";
  };
  if (is(a_node->parent, "lessThan")) {
    expect("maxExclusive", b, a, ca, true);
    expect("minExclusive", a, b, cb, true);
    expect("maxInclusive", a, b, cb, false);
    expect("minInclusive", b, a, ca, false);
    if (plain.equal(a, ca, b, cb)) problems += " equal;";
    tally.record(type + " " + shown(a) + " < " + shown(b), problems.empty(), problems);
  } else {  // incomparable: neither is less than the other
    expect("maxExclusive", b, a, ca, false);
    expect("maxExclusive", a, b, cb, false);
    expect("minExclusive", a, b, cb, false);
    expect("minExclusive", b, a, ca, false);
    tally.record(type + " " + shown(a) + " <> " + shown(b), problems.empty(), problems);
  }
}

void check_datatype(Tally& tally, const xmlNode* node) {
  std::string type = attr(node, "name");
  DatatypeError error;
  auto datatype = make_datatype(xsd, type, {}, error);
  tally.record(type + " is known", datatype != nullptr, error.message);
  if (!datatype) return;
  std::set<std::string> seen;
  auto check_valid = [&](const xmlNode* value_node, bool expected) {
    std::string value = xml::text_content(value_node);
    std::string id = type + (expected ? " valid " : " invalid ") + shown(value);
    if (!seen.insert(id + attr(value_node, "internalSubset")).second) return;
    std::string why;
    bool allowed = datatype->allows(value, NodeContext(value_node), &why);
    tally.record(id, allowed == expected, allowed ? "allowed" : "rejected: " + why);
  };
  for (const xmlNode* child : elements(node)) {
    if (is(child, "valid") || is(child, "invalid")) {
      check_valid(child, is(child, "valid"));
    } else if (is(child, "equiv")) {
      std::vector<std::pair<int, const xmlNode*>> values;
      int klass = 0;
      for (const xmlNode* c : elements(child, "class")) {
        for (const xmlNode* v : elements(c, "value")) {
          values.emplace_back(klass, v);
          check_valid(v, true);
        }
        ++klass;
      }
      for (std::size_t i = 0; i < values.size(); ++i)
        for (std::size_t j = i + 1; j < values.size(); ++j) {
          auto [ki, vi] = values[i];
          auto [kj, vj] = values[j];
          std::string a = xml::text_content(vi), b = xml::text_content(vj);
          bool same = datatype->equal(a, NodeContext(vi), b, NodeContext(vj));
          bool expected = ki == kj;
          tally.record(type + " " + shown(a) + (expected ? " = " : " != ") + shown(b),
                       same == expected);
        }
    } else if (is(child, "lessThan") || is(child, "incomparable")) {
      auto values = elements(child, "value");
      ASSERT_EQ(values.size(), 2u);
      check_less_than(tally, type, values[0], values[1], *datatype);
    } else if (is(child, "length")) {
      std::string value = xml::text_content(child);
      std::string length = attr(child, "value");
      auto exact = with_param(type, "length", length);
      auto more = with_param(type, "length", std::to_string(std::stoul(length) + 1));
      NodeContext context(child);
      bool ok = exact && more && exact->allows(value, context) && !more->allows(value, context);
      tally.record(type + " length " + length + " " + shown(value), ok);
    } else {
      ADD_FAILURE() << "unknown element in xsdtest.xml: " << xml::chars(child->name);
    }
  }
}

TEST(RelaxNgDatatypesConformance, Xsdtest) {
  std::optional<fs::path> path = suite_file("xsdtest.xml");
  if (!path)
    GTEST_SKIP() << "xsdtest.xml not found in $TEIKIT_REFERENCE_DIR (or its relaxng-tests "
                    "folder) if set, else in ../shared/reference/relaxng-tests";
  auto doc = load(*path);
  ASSERT_TRUE(doc) << *path;
  Tally tally;
  for (const xmlNode* datatype : elements(xmlDocGetRootElement(doc.get()), "datatype"))
    check_datatype(tally, datatype);
  tally.report("xsdtest.xml");
}

TEST(RelaxNgDatatypesConformance, Regextest) {
  std::optional<fs::path> path = suite_file("regextest.xml");
  if (!path)
    GTEST_SKIP() << "regextest.xml not found in $TEIKIT_REFERENCE_DIR (or its relaxng-tests "
                    "folder) if set, else in ../shared/reference/relaxng-tests";
  auto doc = load(*path);
  ASSERT_TRUE(doc) << *path;
  Tally tally;
  for (const xmlNode* test_case : elements(xmlDocGetRootElement(doc.get()), "testCase")) {
    std::shared_ptr<const Datatype> datatype;
    std::string regex;
    for (const xmlNode* child : elements(test_case)) {
      std::string text = xml::text_content(child);
      if (is(child, "correct") || is(child, "incorrect")) {
        regex = text;
        DatatypeError error;
        datatype = make_datatype(xsd, "string", {{"pattern", regex}}, error);
        bool correct = is(child, "correct");
        tally.record("/" + regex + (correct ? "/ compiles" : "/ is rejected"),
                     (datatype != nullptr) == correct,
                     datatype ? "compiled" : "rejected: " + error.message);
      } else {
        bool valid = is(child, "valid");
        bool allowed = datatype && datatype->allows(text, MapContext());
        tally.record("/" + regex + (valid ? "/ matches " : "/ does not match ") + shown(text),
                     allowed == valid, datatype ? "" : "the expression did not compile");
      }
    }
  }
  tally.report("regextest.xml");
}

}  // namespace
}  // namespace teikit::validate::relaxng
