// The RELAX NG compact syntax reader: each construct against the XML that the
// specification's translation gives, errors with their positions, and two round trips
// through trang (rng -> rnc with trang, rnc -> rng with the reader) compared structurally
// with the original: the TEI schema tei_all and the correct schemas of James Clark's RELAX
// NG test suite. The round trips need ../shared/reference (or $TEIKIT_REFERENCE_DIR; $TEI_ALL
// names tei_all.rng itself) and trang; without them they report themselves skipped.

#include <gtest/gtest.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>

#include "core/xml_handles.hpp"
#include "test_support.hpp"
#include "validate/relaxng/compact_reader.hpp"

namespace teikit::validate::relaxng {
namespace {

namespace fs = std::filesystem;

constexpr const char* rng_ns = "http://relaxng.org/ns/structure/1.0";

// The translation of `rnc` as one line of XML, without the RELAX NG namespace declaration
// of the document element; or "ERROR: " and the first diagnostic.
std::string translate(std::string_view rnc) {
  std::vector<Diagnostic> diagnostics;
  xml::DocPtr doc = read_compact_syntax(rnc, "test.rnc", diagnostics);
  if (!doc) return "ERROR: " + (diagnostics.empty() ? "" : format_diagnostic(diagnostics[0]));
  xml::BufferPtr buffer(xmlBufferCreate());
  xmlNodeDump(buffer.get(), doc.get(), xmlDocGetRootElement(doc.get()), 0, 0);
  std::string out(xml::chars(xmlBufferContent(buffer.get())),
                  static_cast<std::size_t>(xmlBufferLength(buffer.get())));
  const std::string declaration = std::string(" xmlns=\"") + rng_ns + "\"";
  std::size_t at = out.find(declaration);
  if (at != std::string::npos) out.erase(at, declaration.size());
  return out;
}

// Every diagnostic for `rnc`, formatted.
std::vector<std::string> errors(std::string_view rnc) {
  std::vector<Diagnostic> diagnostics;
  EXPECT_FALSE(read_compact_syntax(rnc, "test.rnc", diagnostics));
  std::vector<std::string> out;
  for (const auto& diagnostic : diagnostics) {
    EXPECT_EQ(diagnostic.source, "schema");
    out.push_back(format_diagnostic(diagnostic));
  }
  return out;
}

std::string first_error(std::string_view rnc) {
  auto all = errors(rnc);
  return all.empty() ? "" : all.front();
}

const std::string xsd = "http://www.w3.org/2001/XMLSchema-datatypes";

// ---- Declarations ----

TEST(RelaxNgCompact, ElementWithoutDefaultNamespaceInheritsIt) {
  EXPECT_EQ(translate("element foo { empty }"), "<element><name>foo</name><empty/></element>");
}

TEST(RelaxNgCompact, DefaultNamespaceIsForElementsOnly) {
  EXPECT_EQ(translate("default namespace = \"http://example.com\"\n"
                      "element foo { attribute bar { string } }"),
            "<element><name ns=\"http://example.com\">foo</name><attribute><name ns=\"\">bar"
            "</name><data datatypeLibrary=\"\" type=\"string\"/></attribute></element>");
}

TEST(RelaxNgCompact, PrefixesAndThePredeclaredXmlPrefix) {
  EXPECT_EQ(translate("namespace ex = \"http://example.com/ex\"\n"
                      "default namespace d = \"http://example.com/d\"\n"
                      "element ex:foo { element d:bar { empty }, attribute xml:lang { text } }"),
            "<element xmlns:d=\"http://example.com/d\" xmlns:ex=\"http://example.com/ex\">"
            "<name ns=\"http://example.com/ex\">foo</name><group><element>"
            "<name ns=\"http://example.com/d\">bar</name><empty/></element><attribute>"
            "<name ns=\"http://www.w3.org/XML/1998/namespace\">lang</name><text/></attribute>"
            "</group></element>");
}

TEST(RelaxNgCompact, InheritedNamespaceHasNoNsAttribute) {  // the specification's example
  EXPECT_EQ(translate("default namespace this = inherit\n"
                      "element foo { element * - this:* { string }* }"),
            "<element><name>foo</name><zeroOrMore><element><anyName><except><nsName/>"
            "</except></anyName><data datatypeLibrary=\"\" type=\"string\"/></element>"
            "</zeroOrMore></element>");
}

TEST(RelaxNgCompact, PrefixForTheAbsentNamespace) {  // the specification's example
  EXPECT_EQ(translate("namespace local = \"\"\ndefault namespace = \"http://example.com\"\n"
                      "element foo { attribute * - local:* { string }* }"),
            "<element><name ns=\"http://example.com\">foo</name><zeroOrMore><attribute>"
            "<anyName><except><nsName ns=\"\"/></except></anyName>"
            "<data datatypeLibrary=\"\" type=\"string\"/></attribute></zeroOrMore></element>");
}

TEST(RelaxNgCompact, ExternalAndIncludeInheritTheDefaultOrAPrefix) {
  EXPECT_EQ(translate("namespace x = \"http://www.example.com\"\nexternal \"foo.rnc\" inherit = x"),
            "<externalRef xmlns:x=\"http://www.example.com\" href=\"foo.rnc\" "
            "ns=\"http://www.example.com\"/>");
  EXPECT_EQ(translate("default namespace = \"http://d\"\nexternal \"a.rnc\""),
            "<externalRef href=\"a.rnc\" ns=\"http://d\"/>");
  EXPECT_EQ(translate("external \"a.rnc\""), "<externalRef href=\"a.rnc\"/>");
  EXPECT_EQ(translate("namespace x = \"http://x\"\ndefault namespace = \"http://d\"\n"
                      "include \"a.rnc\"\ninclude \"b.rnc\" inherit = x"),
            "<grammar xmlns:x=\"http://x\"><include href=\"a.rnc\" ns=\"http://d\"/>"
            "<include href=\"b.rnc\" ns=\"http://x\"/></grammar>");
}

TEST(RelaxNgCompact, DatatypesDeclarationsAndThePredeclaredXsdPrefix) {
  EXPECT_EQ(translate("datatypes d = \"http://example.com/dt\"\nelement a { d:t { p = \"v\" } }"),
            "<element><name>a</name><data datatypeLibrary=\"http://example.com/dt\" type=\"t\">"
            "<param name=\"p\">v</param></data></element>");
  EXPECT_EQ(translate("element a { xsd:int { minInclusive = \"1\" maxInclusive = \"9\" } }"),
            "<element><name>a</name><data datatypeLibrary=\"" + xsd +
                "\" type=\"int\"><param name=\"minInclusive\">1</param>"
                "<param name=\"maxInclusive\">9</param></data></element>");
}

// ---- Patterns ----

TEST(RelaxNgCompact, ValuesWithAndWithoutADatatype) {
  EXPECT_EQ(translate("element a { \"x\" | string \"y\" | token \"z\" | xsd:NCName \"w\" | \"\" }"),
            "<element><name>a</name><choice><value>x</value>"
            "<value datatypeLibrary=\"\" type=\"string\">y</value>"
            "<value datatypeLibrary=\"\" type=\"token\">z</value>"
            "<value datatypeLibrary=\"" +
                xsd +
                "\" type=\"NCName\">w</value><value/>"
                "</choice></element>");
}

TEST(RelaxNgCompact, ValuesGetTheDeclaredDefaultNamespace) {  // for QName values, as jing
  EXPECT_EQ(translate("default namespace = \"http://d\"\nelement a { \"x\" | xsd:QName \"y\" }"),
            "<element><name ns=\"http://d\">a</name><choice><value ns=\"http://d\">x</value>"
            "<value datatypeLibrary=\"" +
                xsd +
                "\" type=\"QName\" ns=\"http://d\">y</value>"
                "</choice></element>");
}

TEST(RelaxNgCompact, QNameValueHasItsPrefixDeclared) {
  EXPECT_EQ(translate("namespace p = \"http://p\"\nelement a { xsd:QName \"p:q\" }"),
            "<element xmlns:p=\"http://p\"><name>a</name><value datatypeLibrary=\"" + xsd +
                "\" type=\"QName\">p:q</value></element>");
}

TEST(RelaxNgCompact, DataWithParamsAndExcept) {
  EXPECT_EQ(translate("element a { string - (\"a\" | \"b\") }"),
            "<element><name>a</name><data datatypeLibrary=\"\" type=\"string\"><except><choice>"
            "<value>a</value><value>b</value></choice></except></data></element>");
  EXPECT_EQ(translate("element a { xsd:string { length = \"2\" } - \"ab\" }"),
            "<element><name>a</name><data datatypeLibrary=\"" + xsd +
                "\" type=\"string\"><param name=\"length\">2</param><except><value>ab</value>"
                "</except></data></element>");
}

TEST(RelaxNgCompact, LiteralSegmentsConcatenateAndTripleQuotesSpanLines) {
  EXPECT_EQ(translate("element a { \"a\" ~ 'b\"' ~ \"\"\"c\"d\"\"\" ~ '''e'f''' }"),
            "<element><name>a</name><value>ab\"c\"de'f</value></element>");
  EXPECT_EQ(translate("element a { \"\"\"x\r\ny\ry\"\"\" }"),
            "<element><name>a</name><value>x\ny\ny</value></element>");
}

TEST(RelaxNgCompact, OperatorsAndParentheses) {
  EXPECT_EQ(translate("element a { (b, c?) | d* | e+ }"),
            "<element><name>a</name><choice><group><ref name=\"b\"/><optional><ref name=\"c\"/>"
            "</optional></group><zeroOrMore><ref name=\"d\"/></zeroOrMore><oneOrMore>"
            "<ref name=\"e\"/></oneOrMore></choice></element>");
  EXPECT_EQ(translate("element a { b & (c) & ((d)) }"),
            "<element><name>a</name><interleave><ref name=\"b\"/><ref name=\"c\"/>"
            "<ref name=\"d\"/></interleave></element>");
}

TEST(RelaxNgCompact, ListMixedTextNotAllowed) {
  EXPECT_EQ(translate("element a { list { xsd:int+ }, mixed { element b { text } }, notAllowed }"),
            "<element><name>a</name><group><list><oneOrMore><data datatypeLibrary=\"" + xsd +
                "\" type=\"int\"/></oneOrMore></list><mixed><element><name>b</name><text/>"
                "</element></mixed><notAllowed/></group></element>");
}

TEST(RelaxNgCompact, NestedGrammarAndParent) {
  EXPECT_EQ(translate("grammar {\n  start = element a { grammar { start = parent x } }\n"
                      "  x = empty\n}"),
            "<grammar><start><element><name>a</name><grammar><start><parentRef name=\"x\"/>"
            "</start></grammar></element></start><define name=\"x\"><empty/></define></grammar>");
}

// ---- Grammar content ----

TEST(RelaxNgCompact, GrammarContent) {
  EXPECT_EQ(translate("start = a\na = element a { empty }\na |= notAllowed\nb &= text\n"
                      "div { c = empty }\ninclude \"other.rnc\" { start = a div { d = text } }"),
            "<grammar><start><ref name=\"a\"/></start><define name=\"a\"><element><name>a</name>"
            "<empty/></element></define><define name=\"a\" combine=\"choice\"><notAllowed/>"
            "</define><define name=\"b\" combine=\"interleave\"><text/></define><div>"
            "<define name=\"c\"><empty/></define></div><include href=\"other.rnc\"><start>"
            "<ref name=\"a\"/></start><div><define name=\"d\"><text/></define></div></include>"
            "</grammar>");
}

TEST(RelaxNgCompact, EmptySchemaIsAnEmptyGrammar) {
  EXPECT_EQ(translate(""), "<grammar/>");
  EXPECT_EQ(translate("# only a comment\n#\n"), "<grammar/>");
}

TEST(RelaxNgCompact, QuotedKeywordsAreIdentifiers) {
  EXPECT_EQ(translate("start = \\element\n\\element = element element { attribute text { text } }"),
            "<grammar><start><ref name=\"element\"/></start><define name=\"element\"><element>"
            "<name>element</name><attribute><name ns=\"\">text</name><text/></attribute>"
            "</element></define></grammar>");
}

// ---- Name classes ----

TEST(RelaxNgCompact, NameClasses) {
  EXPECT_EQ(translate("element a|b|(c) { empty }"),
            "<element><choice><name>a</name><name>b</name><name>c</name></choice><empty/>"
            "</element>");
  EXPECT_EQ(
      translate("namespace n = \"http://n\"\nelement n:* - (n:a | n:b) { attribute * { text } }"),
      "<element xmlns:n=\"http://n\"><nsName ns=\"http://n\"><except><choice>"
      "<name ns=\"http://n\">a</name><name ns=\"http://n\">b</name></choice></except>"
      "</nsName><attribute><anyName/><text/></attribute></element>");
  EXPECT_EQ(translate("namespace n = \"http://n\"\nelement * - n:* { empty }"),
            "<element xmlns:n=\"http://n\"><anyName><except><nsName ns=\"http://n\"/></except>"
            "</anyName><empty/></element>");
}

// ---- Annotations ----

TEST(RelaxNgCompact, InitialAnnotationsGoOnThePattern) {
  EXPECT_EQ(
      translate("namespace x = \"http://x\"\nelement a { [ x:at = \"1\" x:el [ \"t\" ] ] empty }"),
      "<element xmlns:x=\"http://x\"><name>a</name><empty x:at=\"1\"><x:el>t</x:el></empty>"
      "</element>");
}

TEST(RelaxNgCompact, FollowingAnnotationsBecomeFollowingSiblings) {
  EXPECT_EQ(translate("namespace x = \"http://x\"\nelement a { empty >> x:f [ ] >> x:g [] }"),
            "<element xmlns:x=\"http://x\"><name>a</name><empty/><x:f/><x:g/></element>");
  EXPECT_EQ(translate("namespace x = \"http://x\"\nelement a { b* >> x:f [ ], c }"),
            "<element xmlns:x=\"http://x\"><name>a</name><group><zeroOrMore><ref name=\"b\"/>"
            "</zeroOrMore><x:f/><ref name=\"c\"/></group></element>");
}

TEST(RelaxNgCompact, AnnotationElementsOfTextOnlyElementsFollowThem) {
  EXPECT_EQ(translate("namespace x = \"http://x\"\n"
                      "element a { [ x:at = \"1\" x:el [] ] \"v\" }"),
            "<element xmlns:x=\"http://x\"><name>a</name><value x:at=\"1\">v</value><x:el/>"
            "</element>");
  EXPECT_EQ(translate("namespace x = \"http://x\"\n"
                      "element [ x:el [] ] a { xsd:string { [ x:at = \"1\" ] length = \"1\" } }"),
            "<element xmlns:x=\"http://x\"><name>a</name><x:el/><data datatypeLibrary=\"" + xsd +
                "\" type=\"string\"><param name=\"length\" x:at=\"1\">1</param></data></element>");
}

TEST(RelaxNgCompact, AnnotatedParenthesesGetAGroupOrTheirOperator) {
  const std::string prefix = "namespace x = \"http://x\"\nelement a { [ x:at = \"1\" ] ";
  const std::string head = "<element xmlns:x=\"http://x\"><name>a</name>";
  EXPECT_EQ(translate(prefix + "(b) }"),
            head + "<group x:at=\"1\"><ref name=\"b\"/></group></element>");
  EXPECT_EQ(translate(prefix + "(b | c) }"),
            head + "<choice x:at=\"1\"><ref name=\"b\"/><ref name=\"c\"/></choice></element>");
  EXPECT_EQ(translate(prefix + "(b*) }"),
            head + "<zeroOrMore x:at=\"1\"><ref name=\"b\"/></zeroOrMore></element>");
  EXPECT_EQ(translate(prefix + "b* }"),
            head + "<zeroOrMore><ref name=\"b\" x:at=\"1\"/></zeroOrMore></element>");
}

TEST(RelaxNgCompact, NameClassAnnotations) {
  EXPECT_EQ(translate("namespace x = \"http://x\"\n"
                      "element [ x:at = \"1\" ] (a | b) >> x:f [] { empty }"),
            "<element xmlns:x=\"http://x\"><choice x:at=\"1\"><name>a</name><name>b</name>"
            "</choice><x:f/><empty/></element>");
}

TEST(RelaxNgCompact, AnnotationsOnDefinitions) {
  EXPECT_EQ(translate("namespace x = \"http://x\"\n[ x:at = \"1\" ] a = empty"),
            "<grammar xmlns:x=\"http://x\"><define name=\"a\" x:at=\"1\"><empty/></define>"
            "</grammar>");
}

TEST(RelaxNgCompact, DocumentationComments) {  // the specification's example
  EXPECT_EQ(translate("## Represents a language\nelement lang {\n  ## English\n  \"en\" |\n"
                      "  ## Japanese\n  \"jp\"\n}"),
            "<element xmlns:a=\"http://relaxng.org/ns/compatibility/annotations/1.0\">"
            "<a:documentation>Represents a language</a:documentation><name>lang</name><choice>"
            "<value>en</value><a:documentation>English</a:documentation><value>jp</value>"
            "<a:documentation>Japanese</a:documentation></choice></element>");
}

TEST(RelaxNgCompact, AdjacentDocumentationLinesMerge) {
  EXPECT_EQ(translate("## a\n  ##b\n\n### c\n##  d\nstart = empty"),
            "<grammar xmlns:a=\"http://relaxng.org/ns/compatibility/annotations/1.0\"><start>"
            "<a:documentation>a\nb</a:documentation><a:documentation>c\n d</a:documentation>"
            "<empty/></start></grammar>");
}

TEST(RelaxNgCompact, DocumentationUsesTheDeclaredPrefixOrAFreeOne) {
  EXPECT_EQ(translate("namespace doc = \"http://relaxng.org/ns/compatibility/annotations/1.0\"\n"
                      "## hi\nstart = empty"),
            "<grammar xmlns:doc=\"http://relaxng.org/ns/compatibility/annotations/1.0\"><start>"
            "<doc:documentation>hi</doc:documentation><empty/></start></grammar>");
  EXPECT_EQ(translate("namespace a = \"http://other\"\n## hi\nstart = empty"),
            "<grammar xmlns:a=\"http://other\" "
            "xmlns:aa=\"http://relaxng.org/ns/compatibility/annotations/1.0\"><start>"
            "<aa:documentation>hi</aa:documentation><empty/></start></grammar>");
}

TEST(RelaxNgCompact, GrammarAnnotationElements) {  // the specification's example
  EXPECT_EQ(translate("namespace x = \"http://www.example.com\"\n\nstart = foo\n\n"
                      "x:entity [ name=\"picture\" systemId=\"picture.jpeg\" notation=\"jpeg\" ]\n"
                      "\nfoo = element foo { empty }"),
            "<grammar xmlns:x=\"http://www.example.com\"><start><ref name=\"foo\"/></start>"
            "<x:entity name=\"picture\" systemId=\"picture.jpeg\" notation=\"jpeg\"/>"
            "<define name=\"foo\"><element><name>foo</name><empty/></element></define>"
            "</grammar>");
}

TEST(RelaxNgCompact, NestedAnnotationContent) {
  EXPECT_EQ(translate("namespace rng = \"http://relaxng.org/ns/structure/1.0\"\n"
                      "namespace x = \"http://x\"\n"
                      "start = empty >> x:a [ rng:ref [ name = \"b\" ] plain [ \"t\" ~ \"u\" ] ]"),
            "<grammar xmlns:rng=\"http://relaxng.org/ns/structure/1.0\" xmlns:x=\"http://x\">"
            "<start><empty/><x:a><ref name=\"b\"/><plain xmlns=\"\">tu</plain></x:a></start>"
            "</grammar>");
}

TEST(RelaxNgCompact, SchematronAnnotationsSurviveAsForeignElements) {
  xml::DocPtr doc;
  std::vector<Diagnostic> diagnostics;
  doc = read_compact_syntax(
      "namespace sch = \"http://purl.oclc.org/dsdl/schematron\"\n"
      "start = element a { empty }\n"
      "  >> sch:pattern [ id = \"p\" sch:rule [ context = \"a\" sch:assert [ test = \"b\" \"!\" ] "
      "] ]",
      "s.rnc", diagnostics);
  ASSERT_TRUE(doc);
  xmlNode* start = xmlDocGetRootElement(doc.get())->children;
  xmlNode* pattern = start->children->next;
  ASSERT_NE(pattern, nullptr);
  ASSERT_NE(pattern->ns, nullptr);
  EXPECT_STREQ(xml::chars(pattern->ns->href), "http://purl.oclc.org/dsdl/schematron");
  EXPECT_STREQ(xml::chars(pattern->name), "pattern");
  EXPECT_EQ(xml::text_content(pattern), "!");
}

// ---- Lexical structure ----

TEST(RelaxNgCompact, EscapesAreReplacedBeforeTokenising) {
  EXPECT_EQ(translate("element \\x{66}\\x{6f}\\xx{6F} { empty }"),
            "<element><name>foo</name><empty/></element>");
  EXPECT_EQ(translate("element a { \"\\x{5C}x{5C}\" }"),
            "<element><name>a</name><value>\\x{5C}</value></element>");
  EXPECT_EQ(translate("element a { \"a\\x{A}b\" }"),
            "<element><name>a</name><value>a\nb</value></element>");
  EXPECT_EQ(translate("start = \\xfoo\nxfoo = empty"),
            "<grammar><start><ref name=\"xfoo\"/></start><define name=\"xfoo\"><empty/></define>"
            "</grammar>");
}

TEST(RelaxNgCompact, CommentsBomAndUtf16) {
  EXPECT_EQ(translate("\xEF\xBB\xBF# c\nelement a { # inside\n empty # after\n}"),
            "<element><name>a</name><empty/></element>");
  std::string utf16 = "\xFF\xFE";
  for (char16_t c : std::u16string(u"element \u00E9 { empty }")) {
    utf16 += static_cast<char>(c & 0xFF);
    utf16 += static_cast<char>(c >> 8);
  }
  EXPECT_EQ(translate(utf16), "<element><name>\xC3\xA9</name><empty/></element>");
}

TEST(RelaxNgCompact, ElementsCarryTheirSourceLineAndTheDocumentItsBase) {
  std::vector<Diagnostic> diagnostics;
  xml::DocPtr doc = read_compact_syntax("start =\r\n  element a {\r\n\r\n  empty }\r\n",
                                        "dir/schema.rnc", diagnostics);
  ASSERT_TRUE(doc);
  EXPECT_STREQ(xml::chars(doc->URL), "dir/schema.rnc");
  xmlNode* start = xmlDocGetRootElement(doc.get())->children;
  xmlNode* element = start->children;
  EXPECT_EQ(xmlGetLineNo(start), 1);
  EXPECT_EQ(xmlGetLineNo(element), 2);
  EXPECT_EQ(xmlGetLineNo(element->children), 2);  // <name>
  EXPECT_EQ(xmlGetLineNo(element->children->next), 4);
}

// ---- Errors ----

TEST(RelaxNgCompactErrors, SyntaxErrorsSayWhatWasExpectedWhere) {
  EXPECT_EQ(first_error("element a { empty"),
            "test.rnc:1:18: error: unexpected end of file; expected \"}\"");
  EXPECT_EQ(first_error("element a {\n  empty empty\n}"),
            "test.rnc:2:9: error: unexpected token \"empty\"; expected \"}\"");
  EXPECT_EQ(first_error("start = element a { empty }\nfoo"),
            "test.rnc:2:4: error: unexpected end of file; expected \"=\", \"|=\" or \"&=\"");
  EXPECT_EQ(first_error("element \xC3\xA9 { empty } x"),
            "test.rnc:1:21: error: unexpected token \"x\"; expected end of file");
  EXPECT_EQ(first_error("element a { }"),
            "test.rnc:1:13: error: unexpected token \"}\"; expected a pattern");
  EXPECT_EQ(first_error("start = element { empty }"),
            "test.rnc:1:17: error: unexpected token \"{\"; expected a name class");
}

TEST(RelaxNgCompactErrors, OperatorsNeedParentheses) {
  EXPECT_EQ(first_error("element a { b, c | d }"),
            "test.rnc:1:18: error: \",\" and \"|\" cannot be mixed without parentheses");
  EXPECT_EQ(first_error("element a { \"x\" | string - \"a\" }").substr(0, 27),
            "test.rnc:1:19: error: a pat");
  EXPECT_EQ(first_error("element * - a | b { empty }").substr(0, 26), "test.rnc:1:9: error: a pat");
}

TEST(RelaxNgCompactErrors, LexicalErrors) {
  EXPECT_EQ(first_error("element a {\n \"abc\n}"),
            "test.rnc:2:2: error: literal not terminated before the end of the line");
  EXPECT_EQ(first_error("element a { \"\\x{zz}\" }"),
            "test.rnc:1:14: error: bad escape sequence; expected \\x{hexadecimal digits}");
  EXPECT_EQ(first_error("element a { \"\\x{D800}\" }"),
            "test.rnc:1:14: error: escape sequence for U+D800, which is not an XML character");
  EXPECT_EQ(first_error("element a {\x01}"), "test.rnc:1:12: error: illegal character U+0001");
  EXPECT_EQ(first_error("element a { empty } $"),
            "test.rnc:1:21: error: unexpected character \"$\"");
  EXPECT_EQ(first_error("element a { \xFF }"),
            "test.rnc:1:13: error: the text is not well-formed UTF-8");
}

TEST(RelaxNgCompactErrors, UndefinedPrefixesAreAllReported) {
  EXPECT_EQ(errors("element p:a {\n  attribute q:b { text },\n  dt:x }"),
            (std::vector<std::string>{"test.rnc:1:9: error: undefined prefix \"p\"",
                                      "test.rnc:2:13: error: undefined prefix \"q\"",
                                      "test.rnc:3:3: error: undefined datatypes prefix \"dt\""}));
}

TEST(RelaxNgCompactErrors, DeclarationConstraints) {
  EXPECT_EQ(first_error("namespace a = \"x\"\nnamespace a = \"y\"\nstart = empty"),
            "test.rnc:2:11: error: duplicate declaration of namespace prefix \"a\"");
  EXPECT_EQ(first_error("default namespace = \"x\"\ndefault namespace = \"y\"\nstart = empty"),
            "test.rnc:2:1: error: duplicate default namespace declaration");
  EXPECT_EQ(first_error("datatypes d = \"http://d\"\ndatatypes d = \"http://d\"\nstart = empty"),
            "test.rnc:2:11: error: duplicate declaration of datatypes prefix \"d\"");
  EXPECT_EQ(first_error("namespace xmlns = \"x\"\nstart = empty"),
            "test.rnc:1:11: error: the prefix \"xmlns\" cannot be declared");
  EXPECT_EQ(first_error("namespace xml = \"x\"\nstart = empty"),
            "test.rnc:1:11: error: the prefix \"xml\" can only be bound to "
            "http://www.w3.org/XML/1998/namespace");
  EXPECT_EQ(first_error("datatypes xsd = \"http://d\"\nstart = empty"),
            "test.rnc:1:11: error: the datatypes prefix \"xsd\" can only be bound to " + xsd);
  EXPECT_EQ(first_error("datatypes d = \"relative\"\nstart = empty"),
            "test.rnc:1:15: error: \"relative\" is not a datatype library URI (absolute, with "
            "no fragment identifier)");
  EXPECT_EQ(first_error("external \"a.rnc#frag\""),
            "test.rnc:1:10: error: the URI reference \"a.rnc#frag\" must not have a fragment "
            "identifier");
}

TEST(RelaxNgCompactErrors, AnnotationConstraints) {
  EXPECT_EQ(first_error("namespace x = \"http://x\"\nstart = [ x:a = \"1\" x:a = \"2\" ] empty"),
            "test.rnc:2:21: error: duplicate attribute \"a\" in namespace http://x");
  EXPECT_EQ(first_error("start = [ a = \"1\" ] empty"),
            "test.rnc:1:11: error: an annotation attribute needs a namespace prefix");
  EXPECT_EQ(first_error("namespace r = \"http://relaxng.org/ns/structure/1.0\"\n"
                        "start = [ r:a [] ] empty"),
            "test.rnc:2:11: error: an annotation element cannot be in the RELAX NG namespace");
  EXPECT_EQ(first_error("namespace x = \"http://x\"\nelement a { empty } >> x:y []"),
            "test.rnc:2:1: error: the schema's pattern is followed by an annotation element; a "
            "top-level pattern must translate to a single element");
  EXPECT_EQ(first_error("element * - * { empty }"),
            "test.rnc:1:13: error: an anyName cannot be in the except of an anyName");
}

TEST(RelaxNgCompactErrors, DeepNestingIsRefused) {
  std::string deep = "start = " + std::string(5000, '(') + "empty" + std::string(5000, ')');
  EXPECT_NE(first_error(deep).find("nested more than 200 levels"), std::string::npos);
}

// ---- Round trips through trang ----
//
// Both schemas (the original .rng, and the reader's translation of trang's .rnc) are put
// into one canonical form that keeps what the compact syntax represents: per definition
// (and start), the pattern with every element and attribute name resolved to {uri}local
// (ns and QName prefixes applied, as simplification steps 4.8-4.10 do), every datatype as
// library#type (datatypeLibrary inherited, 4.3; value defaults, 4.4), values and params
// verbatim, and every foreign element and attribute (annotations, Schematron) with its
// text. Whitespace between RELAX NG elements, comments and xml:base are left out; divs
// are flattened; include and externalRef are compared by the documents they reference.

fs::path reference_dir() {
  if (const char* dir = std::getenv("TEIKIT_REFERENCE_DIR")) return dir;
  return testing::source_dir() / ".." / "shared" / "reference";
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "";
  while (!rest.empty()) {
    std::size_t colon = std::min(rest.find(':'), rest.size());
    fs::path dir(std::string(rest.substr(0, colon)));
    if (!dir.empty() && ::access((dir / program).c_str(), X_OK) == 0) return true;
    rest.remove_prefix(std::min(colon + 1, rest.size()));
  }
  return false;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A new temporary directory, removed with its content at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "teikit-rnc-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Converts `in` (XML syntax) to `out` (compact syntax) with trang.
bool run_trang(const fs::path& in, const fs::path& out) {
  fs::create_directories(out.parent_path());
  std::string command = "trang -I rng -O rnc " + shell_quote(in.string()) + " " +
                        shell_quote(out.string()) + " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

std::string attribute(const xmlNode* node, const char* name) {
  xml::CharPtr value(xmlGetNoNsProp(node, xml::xml_chars(name)));
  return value ? xml::chars(value.get()) : "";
}

bool has_attribute(const xmlNode* node, const char* name) {
  return xmlHasNsProp(node, xml::xml_chars(name), nullptr) != nullptr;
}

std::string trim(const std::string& text) {
  const char* space = " \t\r\n";
  std::size_t first = text.find_first_not_of(space);
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(space) - first + 1);
}

bool is_rng(const xmlNode* node) {
  return node->ns != nullptr && xmlStrEqual(node->ns->href, xml::xml_chars(rng_ns));
}

std::vector<const xmlNode*> element_children(const xmlNode* node) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next)
    if (child->type == XML_ELEMENT_NODE) out.push_back(child);
  return out;
}

using Items = std::vector<std::pair<std::string, std::string>>;

class Canonical {
 public:
  // The definitions of the schema in `file` (key: define name, "start", "annotation"), or
  // one item "pattern" when it is not a grammar. Sets `error` when a file cannot be read.
  Items items(const fs::path& file) {
    const xmlNode* root = load(file);
    if (root == nullptr) return {};
    Context cx;
    if (is_rng(root) && xmlStrEqual(root->name, xml::xml_chars("grammar"))) {
      update(cx, root);
      Items out;
      grammar_items(root, cx, out);
      std::sort(out.begin(), out.end());
      return out;
    }
    // A group or choice of one pattern at the top is that pattern (4.12).
    while (is_rng(root) && foreign_attributes(root).empty() && element_children(root).size() == 1 &&
           (xmlStrEqual(root->name, xml::xml_chars("group")) ||
            xmlStrEqual(root->name, xml::xml_chars("choice")))) {
      update(cx, root);
      root = element_children(root).front();
    }
    return {{"pattern", pattern(root, cx)}};
  }

  std::string error;

 private:
  struct Context {
    std::string ns;
    std::string library;
  };

  const xmlNode* load(const fs::path& file) {
    std::vector<Diagnostic> diagnostics;
    xml::DocPtr doc;
    if (file.extension() == ".rnc") {
      doc = read_compact_syntax(testing::slurp(file), file.string(), diagnostics);
    } else {
      doc.reset(xmlReadFile(file.c_str(), nullptr, XML_PARSE_NONET));
    }
    if (!doc) {
      error += file.string() + ": " +
               (diagnostics.empty() ? "unreadable" : format_diagnostic(diagnostics[0])) + "\n";
      return nullptr;
    }
    docs_.push_back(std::move(doc));
    return xmlDocGetRootElement(docs_.back().get());
  }

  // The whole document that `href` on `node` references.
  std::string referenced(const xmlNode* node, const Context& cx) {
    xml::CharPtr base(xmlNodeGetBase(node->doc, node));
    std::string file = xml::resolve_local(attribute(node, "href"), base.get());
    Items items = this->items(file);
    std::string out = "{" + cx.ns + "}";
    for (const auto& [key, value] : items) out += key + "=" + value + ";";
    return out;
  }

  static void update(Context& cx, const xmlNode* node) {
    if (has_attribute(node, "ns")) cx.ns = attribute(node, "ns");
    if (has_attribute(node, "datatypeLibrary")) cx.library = attribute(node, "datatypeLibrary");
  }

  static std::string foreign_attributes(const xmlNode* node) {
    std::vector<std::string> out;
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      if (a->ns == nullptr && is_rng(node)) continue;
      std::string uri = a->ns != nullptr ? xml::chars(a->ns->href) : "";
      if (uri == "http://www.w3.org/XML/1998/namespace" &&
          xmlStrEqual(a->name, xml::xml_chars("base")))
        continue;
      xml::CharPtr value(xmlNodeListGetString(node->doc, a->children, 1));
      out.push_back("@{" + uri + "}" + xml::chars(a->name) + "=" +
                    (value ? xml::chars(value.get()) : ""));
    }
    std::sort(out.begin(), out.end());
    std::string joined;
    for (const auto& item : out) joined += item;
    return joined;
  }

  static std::string foreign(const xmlNode* node) {
    std::string out = "{" + std::string(node->ns != nullptr ? xml::chars(node->ns->href) : "") +
                      "}" + xml::chars(node->name) + foreign_attributes(node) + "[";
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        out += xml::chars(child->content);
      else if (child->type == XML_ELEMENT_NODE)
        out += foreign(child);
    }
    return out + "]";
  }

  static std::string qname(const xmlNode* node, const std::string& text,
                           const std::string& default_ns) {
    std::size_t colon = text.find(':');
    if (colon == std::string::npos) return "{" + default_ns + "}" + text;
    std::string prefix = text.substr(0, colon);
    const xmlNs* ns =
        xmlSearchNs(node->doc, const_cast<xmlNode*>(node), xml::xml_chars(prefix.c_str()));
    return "{" + std::string(ns != nullptr ? xml::chars(ns->href) : "?" + prefix) + "}" +
           text.substr(colon + 1);
  }

  std::string name_class(const xmlNode* node, Context cx) {
    if (!is_rng(node)) return foreign(node);
    update(cx, node);
    std::string local = xml::chars(node->name);
    if (local == "name")
      return qname(node, trim(xml::text_content(node)), cx.ns) + foreign_attributes(node);
    std::string out =
        local + (local == "nsName" ? "{" + cx.ns + "}" : "") + foreign_attributes(node) + "(";
    auto list = element_children(node);
    bool several = local == "except" && std::count_if(list.begin(), list.end(), is_rng) > 1;
    if (several) out += "choice(";  // as if written <except><choice>...</choice></except>
    for (const xmlNode* child : list) out += name_class(child, cx) + " ";
    return out + (several ? ") )" : ")");
  }

  // The children from index `skip` on. Where several patterns stand for one (`implicit`:
  // "group" or "choice", simplification 4.12), they are compared as that group or choice;
  // so is a single explicit one there, whose children are taken in its place.
  std::string children(const xmlNode* node, const Context& cx, std::size_t skip = 0,
                       const char* implicit = nullptr) {
    auto all = element_children(node);
    std::vector<std::pair<const xmlNode*, Context>> list;
    for (std::size_t i = skip; i < all.size(); ++i) list.emplace_back(all[i], cx);
    // A group, choice or interleave with a single pattern is that pattern (4.12); its
    // annotations come along.
    auto single = [](const xmlNode* child) {
      if (!is_rng(child) || !foreign_attributes(child).empty()) return false;
      std::string local = xml::chars(child->name);
      if (local != "group" && local != "choice" && local != "interleave") return false;
      auto inner = element_children(child);
      return std::count_if(inner.begin(), inner.end(), is_rng) == 1;
    };
    for (std::size_t i = 0; i < list.size();) {
      if (!single(list[i].first)) {
        ++i;
        continue;
      }
      std::vector<std::pair<const xmlNode*, Context>> inner;
      Context context = list[i].second;
      update(context, list[i].first);
      for (const xmlNode* child : element_children(list[i].first))
        inner.emplace_back(child, context);
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
      list.insert(list.begin() + static_cast<std::ptrdiff_t>(i), inner.begin(), inner.end());
    }
    auto patterns = [&] {
      return std::count_if(list.begin(), list.end(), [](const auto& c) { return is_rng(c.first); });
    };
    if (implicit != nullptr && patterns() == 1) {
      auto only =
          std::find_if(list.begin(), list.end(), [](const auto& c) { return is_rng(c.first); });
      const xmlNode* group = only->first;
      if (xmlStrEqual(group->name, xml::xml_chars(implicit)) && foreign_attributes(group).empty()) {
        std::vector<std::pair<const xmlNode*, Context>> inner;
        Context context = only->second;
        update(context, group);
        for (const xmlNode* child : element_children(group)) inner.emplace_back(child, context);
        only = list.erase(only);
        list.insert(only, inner.begin(), inner.end());
      }
    }
    std::string leading;  // foreign elements before the first pattern stay outside the group
    std::string joined;
    for (const auto& [child, context] : list)
      (joined.empty() && !is_rng(child) ? leading : joined) += pattern(child, context) + " ";
    if (implicit != nullptr && patterns() > 1)
      return "(" + leading + std::string(implicit) + "(" + joined + ") )";
    return "(" + leading + joined + ")";
  }

  std::string pattern(const xmlNode* node, Context cx) {
    if (!is_rng(node)) return foreign(node);
    update(cx, node);
    const std::string local = xml::chars(node->name);
    const std::string attributes = foreign_attributes(node);
    if (local == "element" || local == "attribute") {
      std::string name;
      std::string before;  // foreign elements before the name class
      std::size_t skip = 0;
      auto list = element_children(node);
      if (has_attribute(node, "name")) {
        bool own_ns = local == "element" || has_attribute(node, "ns");
        name = qname(node, trim(attribute(node, "name")), own_ns ? cx.ns : "");
      } else {
        for (; skip < list.size() && !is_rng(list[skip]); ++skip)
          before += foreign(list[skip]) + " ";
        if (skip < list.size()) name = name_class(list[skip++], cx);
      }
      std::string content = children(node, cx, skip, "group");
      bool has_pattern =
          std::any_of(list.begin() + static_cast<std::ptrdiff_t>(skip), list.end(), is_rng);
      if (local == "attribute" && !has_pattern) content.insert(content.size() - 1, "text() ");
      return local + "<" + name + ">" + attributes + "(" + before + content.substr(1);
    }
    if (local == "value") {
      bool typed = has_attribute(node, "type");
      std::string type = typed ? trim(attribute(node, "type")) : "token";
      std::string out = "value{" + (typed ? cx.library : "") + "#" + type + "}" + attributes + "[" +
                        xml::text_content(node) + "]";
      if (type == "QName" || type == "NOTATION") out += "ns=" + cx.ns;
      return out;
    }
    if (local == "param")
      return "param[" + trim(attribute(node, "name")) + "=" + xml::text_content(node) + "]" +
             attributes;
    if (local == "data")
      return "data{" + cx.library + "#" + trim(attribute(node, "type")) + "}" + attributes +
             children(node, cx);
    if (local == "except") return local + attributes + children(node, cx, 0, "choice");
    if (local == "ref" || local == "parentRef")
      return local + "(" + trim(attribute(node, "name")) + ")" + attributes + children(node, cx);
    if (local == "externalRef")
      return "externalRef" + attributes + "<" + referenced(node, cx) + ">" + children(node, cx);
    if (local == "grammar") {
      Items items;
      grammar_items(node, cx, items);
      std::sort(items.begin(), items.end());
      std::string out = "grammar" + attributes + "{";
      for (const auto& [key, value] : items) out += key + "=" + value + ";";
      return out + "}";
    }
    static const std::set<std::string> implicit_group = {"oneOrMore", "zeroOrMore", "optional",
                                                         "list", "mixed"};
    return local + attributes +
           children(node, cx, 0, implicit_group.count(local) != 0 ? "group" : nullptr);
  }

  void grammar_items(const xmlNode* grammar, const Context& cx, Items& out) {
    for (const xmlNode* child : element_children(grammar)) {
      if (!is_rng(child)) {
        out.emplace_back("annotation", foreign(child));
        continue;
      }
      Context inner = cx;
      update(inner, child);
      std::string local = xml::chars(child->name);
      std::string attributes = foreign_attributes(child);
      if (local == "div") {
        if (!attributes.empty()) out.emplace_back("div", attributes);
        grammar_items(child, inner, out);
      } else if (local == "include") {
        Items overrides;
        grammar_items(child, inner, overrides);
        std::sort(overrides.begin(), overrides.end());
        std::string value = attributes + "<" + referenced(child, inner) + ">";
        for (const auto& [key, item] : overrides) value += key + "=" + item + ";";
        out.emplace_back("include", value);
      } else {
        std::string key = local == "start" ? "start" : trim(attribute(child, "name"));
        out.emplace_back(key, trim(attribute(child, "combine")) + attributes +
                                  children(child, inner, 0, "group"));
      }
    }
  }

  std::vector<xml::DocPtr> docs_;
};

// Compares two item lists; returns the differences (at most `limit`), empty when equal.
std::vector<std::string> differences(const Items& expected, const Items& actual,
                                     std::size_t limit = 5) {
  std::map<std::string, std::vector<std::string>> a;
  std::map<std::string, std::vector<std::string>> b;
  for (const auto& [key, value] : expected) a[key].push_back(value);
  for (const auto& [key, value] : actual) b[key].push_back(value);
  std::set<std::string> keys;
  for (const auto& [key, values] : a) keys.insert(key);
  for (const auto& [key, values] : b) keys.insert(key);
  auto shorten = [](std::string text) {
    return text.size() > 600 ? text.substr(0, 600) + "..." : text;
  };
  std::vector<std::string> out;
  for (const auto& key : keys) {
    if (a[key] == b[key]) continue;
    if (out.size() >= limit) break;
    std::string message = "\"" + key + "\": ";
    if (a[key].size() != b[key].size()) {
      message += std::to_string(a[key].size()) + " in the original, " +
                 std::to_string(b[key].size()) + " in the translation";
    } else {
      for (std::size_t i = 0; i < a[key].size(); ++i) {
        if (a[key][i] == b[key][i]) continue;
        const std::string& x = a[key][i];
        const std::string& y = b[key][i];
        std::size_t at = 0;
        while (at < x.size() && at < y.size() && x[at] == y[at]) ++at;
        std::size_t from = at > 200 ? at - 200 : 0;
        message += "\n  original:    " + shorten(x.substr(from)) +
                   "\n  translation: " + shorten(y.substr(from));
        break;
      }
    }
    out.push_back(message);
  }
  return out;
}

TEST(RelaxNgCompactRoundTrip, TeiAllThroughTrang) {
  const char* tei_all = std::getenv("TEI_ALL");
  fs::path original = tei_all != nullptr ? fs::path(tei_all) : reference_dir() / "tei_all.rng";
  if (!fs::exists(original)) GTEST_SKIP() << "no " << original << " (set TEIKIT_REFERENCE_DIR)";
  if (!on_path("trang")) GTEST_SKIP() << "trang is not installed (scripts/install-deps)";
  TempDir temp;
  fs::path rnc = temp.path() / "tei_all.rnc";
  ASSERT_TRUE(run_trang(original, rnc)) << "trang failed on " << original;

  std::vector<Diagnostic> diagnostics;
  ASSERT_TRUE(read_compact_syntax(testing::slurp(rnc), rnc.string(), diagnostics))
      << (diagnostics.empty() ? "" : format_diagnostic(diagnostics[0]));

  Canonical canonical;
  Items expected = canonical.items(original);
  Items actual = canonical.items(rnc);
  ASSERT_EQ(canonical.error, "");
  std::set<std::string> expected_names;
  std::set<std::string> actual_names;
  for (const auto& item : expected) expected_names.insert(item.first);
  for (const auto& item : actual) actual_names.insert(item.first);
  EXPECT_GT(expected_names.size(), 1000U);
  EXPECT_EQ(expected_names, actual_names);
  auto found = differences(expected, actual);
  for (const auto& difference : found) ADD_FAILURE() << difference;
  EXPECT_EQ(expected.size(), actual.size());

  // Every Schematron pattern and documentation element came through.
  auto count = [](const Items& items, const std::string& what) {
    std::size_t n = 0;
    for (const auto& [key, value] : items)
      for (std::size_t at = value.find(what); at != std::string::npos;
           at = value.find(what, at + 1))
        ++n;
    return n;
  };
  const std::string sch_pattern = "{http://purl.oclc.org/dsdl/schematron}pattern";
  const std::string documentation =
      "{http://relaxng.org/ns/compatibility/annotations/1.0}documentation";
  EXPECT_GT(count(expected, sch_pattern), 50U);
  EXPECT_EQ(count(actual, sch_pattern), count(expected, sch_pattern));
  EXPECT_GT(count(expected, documentation), 1000U);
  EXPECT_EQ(count(actual, documentation), count(expected, documentation));
}

// One `correct` schema of the RELAX NG test suite, with the files it references.
struct SuiteCase {
  int number = 0;
  const xmlNode* schema = nullptr;
  const xmlNode* test_case = nullptr;  // its resource and dir children are the other files
  bool has_resources = false;
};

// Writes an element as a standalone document.
void write_element(const xmlNode* element, const fs::path& path) {
  fs::create_directories(path.parent_path());
  xml::DocPtr doc(xmlNewDoc(xml::xml_chars("1.0")));
  xmlNode* copy = xmlDocCopyNode(const_cast<xmlNode*>(element), doc.get(), 1);
  xmlDocSetRootElement(doc.get(), copy);
  xmlReconciliateNs(doc.get(), copy);
  std::ofstream(path, std::ios::binary) << xml::serialize(doc.get());
}

// Writes the resource and dir children of `parent` under `dir`.
void write_resources(const xmlNode* parent, const fs::path& dir) {
  for (const xmlNode* child : element_children(parent)) {
    std::string local = xml::chars(child->name);
    if (local == "dir") {
      fs::create_directories(dir / attribute(child, "name"));
      write_resources(child, dir / attribute(child, "name"));
    } else if (local == "resource") {
      auto content = element_children(child);
      if (!content.empty()) {
        write_element(content.front(), dir / attribute(child, "name"));
      } else {
        fs::create_directories(dir);
        std::ofstream(dir / attribute(child, "name"), std::ios::binary) << xml::text_content(child);
      }
    }
  }
}

void collect_cases(const xmlNode* node, std::vector<SuiteCase>& cases) {
  for (const xmlNode* child : element_children(node)) {
    if (xmlStrEqual(child->name, xml::xml_chars("testSuite"))) {
      collect_cases(child, cases);
      continue;
    }
    if (!xmlStrEqual(child->name, xml::xml_chars("testCase"))) continue;
    SuiteCase suite_case;
    suite_case.test_case = child;
    for (const xmlNode* part : element_children(child)) {
      std::string local = xml::chars(part->name);
      if (local == "resource" || local == "dir") suite_case.has_resources = true;
      if (local == "correct" && !element_children(part).empty())
        suite_case.schema = element_children(part).front();
    }
    if (suite_case.schema == nullptr) continue;
    suite_case.number = static_cast<int>(cases.size()) + 1;
    cases.push_back(suite_case);
  }
}

TEST(RelaxNgCompactRoundTrip, SpecTestSuiteCorrectSchemasThroughTrang) {
  fs::path suite = reference_dir() / "relaxng-tests" / "spectest.xml";
  if (!fs::exists(suite)) GTEST_SKIP() << "no " << suite << " (set TEIKIT_REFERENCE_DIR)";
  if (!on_path("trang")) GTEST_SKIP() << "trang is not installed (scripts/install-deps)";
  xml::DocPtr doc(xmlReadFile(suite.c_str(), nullptr, XML_PARSE_NOENT | XML_PARSE_NONET));
  ASSERT_TRUE(doc);
  std::vector<SuiteCase> cases;
  collect_cases(xmlDocGetRootElement(doc.get()), cases);
  ASSERT_GT(cases.size(), 150U);

  // The schemas without other files go through one trang run (an externalRef to each);
  // the others, or all when that run fails, one by one.
  TempDir temp;
  auto name = [](const SuiteCase& c) { return "c" + std::to_string(c.number); };
  std::map<int, std::pair<fs::path, fs::path>> converted;  // number -> (rng, rnc)
  xml::DocPtr all(xmlNewDoc(xml::xml_chars("1.0")));
  xmlNode* grammar = xmlNewDocNode(all.get(), nullptr, xml::xml_chars("grammar"), nullptr);
  xmlDocSetRootElement(all.get(), grammar);
  xmlSetNs(grammar, xmlNewNs(grammar, xml::xml_chars(rng_ns), nullptr));
  xmlNode* choice = xmlNewChild(xmlNewChild(grammar, grammar->ns, xml::xml_chars("start"), nullptr),
                                grammar->ns, xml::xml_chars("choice"), nullptr);
  std::vector<const SuiteCase*> single;
  for (const SuiteCase& c : cases) {
    if (c.has_resources) continue;
    fs::path rng = temp.path() / "batch" / (name(c) + ".rng");
    write_element(c.schema, rng);
    xmlNode* ref = xmlNewChild(choice, grammar->ns, xml::xml_chars("externalRef"), nullptr);
    xmlNewProp(ref, xml::xml_chars("href"), xml::xml_chars((name(c) + ".rng").c_str()));
    single.push_back(&c);
  }
  std::ofstream(temp.path() / "batch" / "all.rng", std::ios::binary) << xml::serialize(all.get());
  bool batch = run_trang(temp.path() / "batch" / "all.rng", temp.path() / "batch-out" / "all.rnc");
  for (const SuiteCase* c : single) {
    fs::path rnc = temp.path() / "batch-out" / (name(*c) + ".rnc");
    if (batch && fs::exists(rnc))
      converted[c->number] = {temp.path() / "batch" / (name(*c) + ".rng"), rnc};
  }
  const std::size_t batched = converted.size();
  int trang_failed = 0;
  for (const SuiteCase& c : cases) {
    if (converted.count(c.number) != 0) continue;
    fs::path dir = temp.path() / name(c);
    write_resources(c.test_case, dir);
    fs::path rng = dir / "schema.rng";
    write_element(c.schema, rng);
    fs::path rnc = temp.path() / (name(c) + "-out") / "schema.rnc";
    if (run_trang(rng, rnc))
      converted[c.number] = {rng, rnc};
    else
      ++trang_failed;
  }

  int compared = 0;
  for (const auto& [number, files] : converted) {
    const auto& [rng, rnc] = files;
    std::vector<Diagnostic> diagnostics;
    bool read =
        static_cast<bool>(read_compact_syntax(testing::slurp(rnc), rnc.string(), diagnostics));
    EXPECT_TRUE(read) << "correct schema #" << number << ": "
                      << (diagnostics.empty() ? "" : format_diagnostic(diagnostics[0])) << "\n"
                      << testing::slurp(rnc);
    if (!read) continue;
    Canonical canonical;
    Items expected = canonical.items(rng);
    Items actual = canonical.items(rnc);
    EXPECT_EQ(canonical.error, "") << "correct schema #" << number;
    for (const auto& difference : differences(expected, actual))
      ADD_FAILURE() << "correct schema #" << number << " " << difference << "\n"
                    << testing::slurp(rnc);
    ++compared;
  }
  std::cout << "[          ] " << cases.size() << " correct schemas (" << batched
            << " converted in one trang run), " << compared << " compared, " << trang_failed
            << " refused by trang\n";
  EXPECT_GT(compared, 150);
}

}  // namespace
}  // namespace teikit::validate::relaxng
