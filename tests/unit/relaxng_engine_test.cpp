// The native RELAX NG engine on focused cases: each message of the catalogue, recovery (one
// message per mistake), DTD-compatibility IDs, includes from files, the compact syntax, the
// tree walk agreeing with the streaming parse, and one schema shared by several threads.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "core/xml_handles.hpp"
#include "validate/relaxng/engine.hpp"

namespace teikit {
namespace {

namespace fs = std::filesystem;

const char* const schema_text = R"(<grammar xmlns="http://relaxng.org/ns/structure/1.0"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="doc"/></start>
  <define name="doc">
    <element name="doc">
      <attribute name="version"><data type="integer"/></attribute>
      <optional><attribute name="status"><choice><value>draft</value><value>final</value></choice></attribute></optional>
      <element name="head"><text/></element>
      <optional><element name="note"><text/></element></optional>
      <element name="body">
        <oneOrMore>
          <element name="p">
            <optional><attribute name="id"><data type="ID"/></attribute></optional>
            <optional><attribute name="ref"><data type="IDREF"/></attribute></optional>
            <text/>
          </element>
        </oneOrMore>
      </element>
      <optional><element name="count"><data type="integer"/></element></optional>
    </element>
  </define>
</grammar>)";

std::shared_ptr<const validate::Schema> schema() {
  static auto compiled = validate::load_native_relaxng(schema_text, "test.rng");
  return compiled;
}

std::vector<std::string> messages(const std::string& document, bool* valid = nullptr) {
  auto validator = schema()->make_validator();
  std::vector<Diagnostic> out;
  auto result = validator->validate_stream(document, "d.xml", out, false);
  if (valid != nullptr) *valid = result.valid;
  std::vector<std::string> texts;
  for (const auto& d : out)
    texts.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
  return texts;
}

TEST(RelaxNgEngine, ValidDocumentHasNoMessages) {
  bool valid = false;
  EXPECT_TRUE(
      messages("<doc version='1'><head>h</head><body><p>x</p></body></doc>", &valid).empty());
  EXPECT_TRUE(valid);
}

TEST(RelaxNgEngine, EachMessageOfTheCatalogue) {
  EXPECT_EQ(messages("<doc version='1'><head/><body><p/><blink/></body></doc>"),
            std::vector<std::string>{"1:43 element \"blink\" not allowed anywhere; expected the "
                                     "element end-tag or element \"p\""});
  EXPECT_EQ(messages("<doc version='1'><head/><body><p/></body><note/></doc>"),
            std::vector<std::string>{"1:49 element \"note\" not allowed here; expected the "
                                     "element end-tag or element \"count\""});
  EXPECT_EQ(messages("<doc version='1'><body><p/></body></doc>"),
            std::vector<std::string>{
                "1:24 element \"body\" not allowed yet; missing required element \"head\""});
  EXPECT_EQ(
      messages("<doc version='1'><head/><body></body></doc>"),
      std::vector<std::string>{"1:38 element \"body\" incomplete; missing required element \"p\""});
  EXPECT_EQ(messages("<doc version='1' colour='red'><head/><body><p/></body></doc>"),
            std::vector<std::string>{"1:31 attribute \"colour\" not allowed here; expected "
                                     "attribute \"status\""});
  EXPECT_EQ(messages("<doc version='x1'><head/><body><p/></body></doc>"),
            std::vector<std::string>{
                "1:19 value of attribute \"version\" is invalid; must be an integer"});
  EXPECT_EQ(messages("<doc version='1' status='done'><head/><body><p/></body></doc>"),
            std::vector<std::string>{"1:32 value of attribute \"status\" is invalid; must be "
                                     "equal to \"draft\" or \"final\""});
  EXPECT_EQ(messages("<doc><head/><body><p/></body></doc>"),
            std::vector<std::string>{"1:6 element \"doc\" missing required attribute \"version\""});
  EXPECT_EQ(messages("<doc version='1'><head/><body>loose<p/></body></doc>"),
            std::vector<std::string>{"1:36 text not allowed here; expected element \"p\""});
  EXPECT_EQ(messages("<doc version='1'><head/><body><p/></body><count>many</count></doc>"),
            std::vector<std::string>{"1:53 character content of element \"count\" invalid; "
                                     "must be an integer"});
}

TEST(RelaxNgEngine, RecoversSoThatEachMistakeIsReportedOnce) {
  auto found = messages(
      "<doc version='x'>\n<head/>\n<bogus><deep/></bogus>\n<body>\n<p/>\n<p colour='1'/>\n"
      "</body>\n</doc>");
  ASSERT_EQ(found.size(), 3u) << ::testing::PrintToString(found);
  EXPECT_NE(found[0].find("\"version\""), std::string::npos);
  EXPECT_NE(found[1].find("\"bogus\" not allowed anywhere"), std::string::npos);
  EXPECT_NE(found[2].find("\"colour\""), std::string::npos);
}

TEST(RelaxNgEngine, IdsMustBeUniqueAndReferencesMustResolve) {
  auto found = messages(
      "<doc version='1'><head/><body><p id='a'/><p id='a'/><p ref='b'/><p ref='a'/></body>"
      "</doc>");
  EXPECT_EQ(found, (std::vector<std::string>{
                       "1:53 ID \"a\" has already been defined (first occurrence at 1:42)",
                       "1:65 IDREF \"b\" without matching ID"}));
}

// The first schema error of `text`, with its line; empty if it compiles.
std::string schema_error(const std::string& text) {
  try {
    validate::load_native_relaxng(text, "s.rng");
  } catch (const validate::SchemaError& e) {
    const Diagnostic& d = e.diagnostics().front();
    return std::to_string(d.line) + " " + d.message;
  }
  return {};
}

TEST(RelaxNgEngine, SchemasMustBeIdTypeCompatible) {
  const std::string head =
      "<grammar xmlns='http://relaxng.org/ns/structure/1.0' "
      "datatypeLibrary='http://www.w3.org/2001/XMLSchema-datatypes'>\n";
  EXPECT_EQ(schema_error(head +
                         "<start><element name='doc'><zeroOrMore><choice>\n"
                         "<element name='p'><attribute name='id'><data type='ID'/></attribute>"
                         "</element>\n"
                         "<element name='p'><attribute name='id'/><attribute name='n'/></element>\n"
                         "</choice></zeroOrMore></element></start></grammar>"),
            "4 conflicting ID-types for attribute \"id\" of element \"p\" (ID and none)");
  EXPECT_EQ(schema_error(head + "<start><element><anyName/><attribute name='id'><data type='ID'/>"
                                "</attribute></element></start></grammar>")
                .substr(0, 36),
            "2 an attribute of type ID must have ");
  EXPECT_EQ(schema_error(head + "<start><element name='doc'><attribute name='a'><data type='ID'/>"
                                "</attribute><attribute name='b'><data type='IDREFS'/></attribute>"
                                "</element></start></grammar>"),
            "");
}

TEST(RelaxNgEngine, TreeWalkAgreesWithTheStreamingParse) {
  std::string document = "<doc version='1'>\n<body><p/></body>\n<count>x</count>\n</doc>";
  std::vector<Diagnostic> streamed, walked, ignored;
  auto validator = schema()->make_validator();
  auto kept = validator->validate_stream(document, "d.xml", streamed, true);
  EXPECT_TRUE(kept.tree);
  auto doc = xml::parse_untrusted(document, "d.xml", ignored);
  ASSERT_TRUE(doc);
  validator->validate(doc.get(), "d.xml", walked);
  ASSERT_EQ(streamed.size(), walked.size());
  ASSERT_FALSE(streamed.empty());
  for (std::size_t i = 0; i < streamed.size(); ++i) {
    EXPECT_EQ(streamed[i].message, walked[i].message);
    EXPECT_EQ(streamed[i].line, walked[i].line);
    EXPECT_EQ(streamed[i].path, walked[i].path);
  }
}

TEST(RelaxNgEngine, OneSchemaSharedByThreads) {
  std::vector<std::string> documents = {
      "<doc version='1'><head/><body><p/></body></doc>",
      "<doc version='z'><head/><body><p id='a'/><p id='a'/></body></doc>",
      "<doc version='1'><body><p/><q/></body></doc>",
  };
  std::vector<std::vector<std::string>> expected;
  for (const auto& d : documents) expected.push_back(messages(d));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto validator = schema()->make_validator();
      for (int round = 0; round < 200; ++round) {
        std::size_t i = static_cast<std::size_t>(round + t) % documents.size();
        std::vector<Diagnostic> out;
        validator->validate_stream(documents[i], "d.xml", out, false);
        std::vector<std::string> texts;
        for (const auto& d : out)
          texts.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
                          d.message);
        if (texts != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

class RelaxNgFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("teikit-rng-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "lib");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string load(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  fs::path dir_;
};

TEST_F(RelaxNgFiles, IncludeWithOverridesAndExternalRef) {
  write("lib/base.rng",
        R"(<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element name="a"><ref name="content"/></element></start>
  <define name="content"><element name="b"><empty/></element></define>
</grammar>)");
  write("lib/c.rng",
        R"(<element name="c" xmlns="http://relaxng.org/ns/structure/1.0"><text/></element>)");
  write("main.rng", R"(<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <include href="lib/base.rng">
    <define name="content"><externalRef href="lib/c.rng"/></define>
  </include>
</grammar>)");
  auto compiled = validate::load_native_relaxng(load("main.rng"), (dir_ / "main.rng").string());
  auto validator = compiled->make_validator();
  std::vector<Diagnostic> out;
  EXPECT_TRUE(validator->validate_stream("<a><c>x</c></a>", "d.xml", out, false).valid);
  EXPECT_FALSE(validator->validate_stream("<a><b/></a>", "d.xml", out, false).valid);
}

TEST_F(RelaxNgFiles, IncludeLoopsAndUrlsAreSchemaErrors) {
  write("loop.rng", R"(<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <include href="loop.rng"/><start><element name="a"><empty/></element></start></grammar>)");
  try {
    validate::load_native_relaxng(load("loop.rng"), (dir_ / "loop.rng").string());
    FAIL() << "an include loop compiled";
  } catch (const validate::SchemaError& e) {
    EXPECT_NE(e.diagnostics().front().message.find("includes itself"), std::string::npos)
        << e.diagnostics().front().message;
  }
  write("url.rng", R"(<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <include href="http://example.com/x.rng"/></grammar>)");
  try {
    validate::load_native_relaxng(load("url.rng"), (dir_ / "url.rng").string());
    FAIL() << "a URL was accepted";
  } catch (const validate::SchemaError& e) {
    EXPECT_NE(e.diagnostics().front().message.find("only local files"), std::string::npos)
        << e.diagnostics().front().message;
  }
}

TEST_F(RelaxNgFiles, CompactSyntaxIncludesCompactFiles) {
  write("lib/common.rnc", "p = element p { text }\n");
  write("main.rnc", "include \"lib/common.rnc\"\nstart = element doc { p+ }\n");
  auto compiled = validate::load_native_relaxng(load("main.rnc"), (dir_ / "main.rnc").string());
  auto validator = compiled->make_validator();
  std::vector<Diagnostic> out;
  EXPECT_TRUE(validator->validate_stream("<doc><p>x</p></doc>", "d.xml", out, false).valid);
  EXPECT_FALSE(validator->validate_stream("<doc/>", "d.xml", out, false).valid);
}

}  // namespace
}  // namespace teikit
