// James Clark's RELAX NG test suite (spectest.xml) through the native engine: every
// incorrect schema rejected, every correct one accepted, every instance given its verdict.
// Runs where the reference material is: ../shared/reference/relaxng-tests or
// $TEIKIT_REFERENCE_DIR/relaxng-tests; skipped otherwise.

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <unistd.h>

#include "core/xml_handles.hpp"
#include "test_support.hpp"
#include "validate/relaxng/engine.hpp"

namespace teikit {
namespace {

namespace fs = std::filesystem;

fs::path reference_dir() {
  if (const char* env = std::getenv("TEIKIT_REFERENCE_DIR")) return env;
  return testing::source_dir() / ".." / "shared" / "reference";
}

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && std::strcmp(xml::chars(node->name), name) == 0;
}

const xmlNode* first_element(const xmlNode* node) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return c;
  return nullptr;
}

// The element as a document of its own, with every namespace in scope declared.
std::string standalone(const xmlNode* node) {
  xml::DocPtr doc(xmlNewDoc(xml::xml_chars("1.0")));
  xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(node), doc.get(), 1);
  xmlDocSetRootElement(doc.get(), copy);
  if (xmlNs** list = xmlGetNsList(node->doc, node)) {
    for (xmlNs** ns = list; *ns != nullptr; ++ns) {
      bool declared = false;
      for (xmlNs* d = copy->nsDef; d != nullptr; d = d->next)
        declared = declared || xmlStrEqual(d->prefix, (*ns)->prefix);
      if (!declared) xmlNewNs(copy, (*ns)->href, (*ns)->prefix);
    }
    xmlFree(list);
  }
  xmlChar* text = nullptr;
  int size = 0;
  xmlDocDumpMemoryEnc(doc.get(), &text, &size, "UTF-8");
  std::string out(xml::chars(text), static_cast<std::size_t>(size));
  xmlFree(text);
  return out;
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Resources and dirs of a test case, written under `dir`.
void materialise(const xmlNode* parent, const fs::path& dir) {
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (named(c, "resource")) {
      xml::CharPtr name(xmlGetProp(c, xml::xml_chars("name")));
      const xmlNode* element = first_element(c);
      write(dir / xml::chars(name.get()),
            element != nullptr ? standalone(element) : xml::text_content(c));
    } else if (named(c, "dir")) {
      xml::CharPtr name(xmlGetProp(c, xml::xml_chars("name")));
      fs::create_directories(dir / xml::chars(name.get()));
      materialise(c, dir / xml::chars(name.get()));
    }
  }
}

struct Tally {
  int cases = 0;
  int verdicts = 0;
  std::vector<std::string> failures;
};

void run_case(const xmlNode* test_case, const fs::path& work, Tally& tally) {
  ++tally.cases;
  fs::path dir = work / ("case" + std::to_string(tally.cases));
  fs::create_directories(dir);
  materialise(test_case, dir);
  std::string where = "case " + std::to_string(tally.cases) + " (line " +
                      std::to_string(xmlGetLineNo(test_case)) + ")";
  std::shared_ptr<const validate::Schema> schema;
  for (const xmlNode* c = test_case->children; c != nullptr; c = c->next) {
    bool correct = named(c, "correct");
    if (!correct && !named(c, "incorrect")) continue;
    const xmlNode* root = first_element(c);
    std::string text = root != nullptr ? standalone(root) : xml::text_content(c);
    fs::path file = dir / "schema.rng";
    write(file, text);
    ++tally.verdicts;
    try {
      schema = validate::load_native_relaxng(text, file.string());
      if (!correct) tally.failures.push_back(where + ": incorrect schema accepted");
    } catch (const validate::SchemaError& e) {
      if (correct)
        tally.failures.push_back(
            where + ": correct schema rejected: " +
            (e.diagnostics().empty() ? std::string(e.what()) : e.diagnostics().front().message));
    }
  }
  if (!schema) return;
  auto validator = schema->make_validator();
  int instance = 0;
  for (const xmlNode* c = test_case->children; c != nullptr; c = c->next) {
    bool valid = named(c, "valid");
    if (!valid && !named(c, "invalid")) continue;
    ++instance;
    ++tally.verdicts;
    const xmlNode* root = first_element(c);
    std::string text = root != nullptr ? standalone(root) : xml::text_content(c);
    std::vector<Diagnostic> out;
    auto result = validator->validate_stream(text, "instance.xml", out, false);
    bool verdict = result.well_formed && result.valid;
    if (verdict != valid)
      tally.failures.push_back(where + ": instance " + std::to_string(instance) + " should be " +
                               (valid ? "valid" : "invalid") +
                               (out.empty() ? std::string() : ": " + out.front().message));
  }
}

void walk_suite(const xmlNode* suite, const fs::path& work, Tally& tally) {
  for (const xmlNode* c = suite->children; c != nullptr; c = c->next) {
    if (named(c, "testSuite")) walk_suite(c, work, tally);
    if (named(c, "testCase")) run_case(c, work, tally);
  }
}

TEST(RelaxNgSpecTest, EveryVerdictRight) {
  fs::path suite = reference_dir() / "relaxng-tests" / "spectest.xml";
  if (!fs::exists(suite))
    GTEST_SKIP() << "spectest.xml not found (set TEIKIT_REFERENCE_DIR): " << suite;
  // The suite is trusted test data with one internal-subset entity: substituted here.
  xml::DocPtr doc(xmlReadFile(suite.c_str(), nullptr, XML_PARSE_NOENT | XML_PARSE_NONET));
  ASSERT_TRUE(doc);
  fs::path work = fs::temp_directory_path() / ("teikit-spectest-" + std::to_string(::getpid()));
  fs::remove_all(work);
  Tally tally;
  walk_suite(xmlDocGetRootElement(doc.get()), work, tally);
  fs::remove_all(work);
  std::cout << "spectest: " << tally.cases << " cases, " << tally.verdicts << " verdicts, "
            << tally.failures.size() << " wrong\n";
  for (const auto& f : tally.failures) ADD_FAILURE() << f;
  EXPECT_EQ(tally.cases, 385);
}

}  // namespace
}  // namespace teikit
