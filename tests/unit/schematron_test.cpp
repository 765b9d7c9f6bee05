// The Schematron engine, one small schema + document per feature.

#include <gtest/gtest.h>

#include "core/xml_handles.hpp"
#include "validate/report.hpp"
#include "validate/schematron/schematron.hpp"

namespace teikit::validate::schematron {
namespace {

struct Outcome {
  bool valid = false;
  std::vector<std::string> lines;  // formatted diagnostics
};

Outcome run(const std::string& schema, const std::string& document, const std::string& phase = {}) {
  auto compiled = load(schema, "s.sch", phase);
  std::vector<Diagnostic> parse_problems;
  auto doc = xml::parse_untrusted(document, "d.xml", parse_problems);
  EXPECT_TRUE(doc);
  Outcome outcome;
  std::vector<Diagnostic> out;
  outcome.valid = compiled->make_validator()->validate(doc.get(), "d.xml", out);
  for (const auto& d : out) outcome.lines.push_back(format_validation_diagnostic(d));
  return outcome;
}

std::string schema(const std::string& body, const std::string& attributes = {}) {
  return "<schema xmlns='http://purl.oclc.org/dsdl/schematron'" + attributes + ">" + body +
         "</schema>";
}

TEST(Schematron, AssertFailsAndReportFiresWithValueOfAndName) {
  auto outcome =
      run(schema(R"s(
    <pattern id="p">
      <rule context="item">
        <assert id="has-n" test="@n">Item <value-of select="."/> has no number.</assert>
        <report id="too-big" test="@n &gt; 9"><name/> number <value-of select="@n"/> is too big.</report>
      </rule>
    </pattern>)s"),
          "<list>\n<item n='1'>a</item>\n<item>b</item>\n<item n='12'>c</item>\n</list>");
  EXPECT_FALSE(outcome.valid);
  ASSERT_EQ(outcome.lines.size(), 2u);
  EXPECT_EQ(outcome.lines[0],
            "d.xml:3: error: Item b has no number. [at /list/item[2]] [rule has-n]");
  EXPECT_EQ(outcome.lines[1],
            "d.xml:4: error: item number 12 is too big. [at /list/item[3]] [rule too-big]");
}

TEST(Schematron, NamespacesBindPrefixes) {
  auto outcome = run(schema(R"s(<ns prefix="t" uri="urn:t"/>
    <pattern><rule context="t:a"><assert test="t:b">needs b</assert></rule></pattern>)s"),
                     "<a xmlns='urn:t'><c/></a>");
  ASSERT_EQ(outcome.lines.size(), 1u);
  EXPECT_EQ(outcome.lines[0], "d.xml:1: error: needs b [at /a]");
}

TEST(Schematron, OnlyTheFirstMatchingRuleOfAPatternFires) {
  auto outcome = run(schema(R"s(<pattern>
      <rule context="b[@x]"><assert test="false()">first</assert></rule>
      <rule context="b"><assert test="false()">second</assert></rule>
    </pattern>)s"),
                     "<a><b x='1'/><b/></a>");
  ASSERT_EQ(outcome.lines.size(), 2u);
  EXPECT_NE(outcome.lines[0].find("first"), std::string::npos);
  EXPECT_NE(outcome.lines[1].find("second"), std::string::npos);
}

TEST(Schematron, VariablesAtSchemaPatternAndRuleLevel) {
  auto outcome = run(schema(R"s(<let name="max" value="2"/>
    <pattern><let name="items" value="count(//i)"/>
      <rule context="l"><let name="mine" value="count(i)"/>
        <assert test="$mine &lt;= $max and $items = 4">too many: <value-of select="$mine"/> of <value-of select="$items"/></assert>
      </rule>
    </pattern>)s"),
                     "<r><l><i/></l><l><i/><i/><i/></l></r>");
  ASSERT_EQ(outcome.lines.size(), 1u);
  EXPECT_NE(outcome.lines[0].find("too many: 3 of 4"), std::string::npos) << outcome.lines[0];
}

TEST(Schematron, AttributeAndRootContexts) {
  auto outcome = run(schema(R"s(<pattern>
      <rule context="@when"><assert test="string-length(.) = 10">bad date <value-of select="."/></assert></rule>
      <rule context="/"><assert test="count(//d) = 1">one d</assert></rule>
    </pattern>)s"),
                     "<r><d when='1979'/><d when='1979-12-27'/></r>");
  ASSERT_EQ(outcome.lines.size(), 2u);
  EXPECT_EQ(outcome.lines[0], "d.xml:1: error: bad date 1979 [at /r/d[1]/@when]");
  EXPECT_EQ(outcome.lines[1], "d.xml:1: error: one d [at /]");
}

TEST(Schematron, DiagnosticsAreAppendedToTheMessage) {
  auto outcome = run(schema(R"s(<pattern><rule context="a">
      <assert test="@id" diagnostics="hint">a needs an id.</assert></rule></pattern>
    <diagnostics><diagnostic id="hint">Add id="…" to the <name/> element.</diagnostic></diagnostics>)s"),
                     "<a/>");
  ASSERT_EQ(outcome.lines.size(), 1u);
  EXPECT_EQ(outcome.lines[0],
            "d.xml:1: error: a needs an id. Add id=\"…\" to the a element. [at /a]");
}

TEST(Schematron, PhasesSelectPatterns) {
  std::string s = schema(R"s(
    <phase id="quick"><active pattern="one"/></phase>
    <pattern id="one"><rule context="a"><assert test="false()">one</assert></rule></pattern>
    <pattern id="two"><rule context="a"><assert test="false()">two</assert></rule></pattern>)s",
                         " defaultPhase='quick'");
  EXPECT_EQ(run(s, "<a/>").lines.size(), 1u);
  EXPECT_EQ(run(s, "<a/>", "#ALL").lines.size(), 2u);
  EXPECT_THROW(run(s, "<a/>", "nope"), SchemaError);
}

TEST(Schematron, AbstractPatternsWithParameters) {
  auto outcome = run(schema(R"s(
    <pattern abstract="true" id="required">
      <rule context="$parent"><assert test="$child"><name/> needs <value-of select="'$child'"/></assert></rule>
    </pattern>
    <pattern is-a="required" id="book-title">
      <param name="parent" value="book"/><param name="child" value="title"/>
    </pattern>)s"),
                     "<book/>");
  ASSERT_EQ(outcome.lines.size(), 1u);
  EXPECT_NE(outcome.lines[0].find("book needs title"), std::string::npos);
}

TEST(Schematron, AbstractRulesAreExtended) {
  auto outcome = run(schema(R"s(<pattern>
      <rule abstract="true" id="named"><assert test="@name">needs a name</assert></rule>
      <rule context="person"><extends rule="named"/><assert test="@age">needs an age</assert></rule>
    </pattern>)s"),
                     "<person/>");
  EXPECT_EQ(outcome.lines.size(), 2u);
}

TEST(Schematron, RolesMakeWarnings) {
  auto outcome = run(schema(R"s(<pattern><rule context="a">
      <assert role="warning" test="@x">consider x</assert></rule></pattern>)s"),
                     "<a/>");
  EXPECT_TRUE(outcome.valid);
  ASSERT_EQ(outcome.lines.size(), 1u);
  EXPECT_EQ(outcome.lines[0], "d.xml:1: warning: consider x [at /a]");
}

TEST(Schematron, ExsltFunctionsAndCurrent) {
  auto outcome = run(schema(R"s(<ns prefix="str" uri="http://exslt.org/strings"/>
    <ns prefix="math" uri="http://exslt.org/math"/>
    <ns prefix="set" uri="http://exslt.org/sets"/>
    <pattern><rule context="n">
      <assert test="math:max(//n/@v) = 3">max</assert>
      <assert test="count(//n[@v = current()/@v]) = 1">duplicate <value-of select="@v"/></assert>
      <assert test="str:padding(3, '-') = '---' and count(set:distinct(//n/@v)) = 2">str, set</assert>
    </rule></pattern>)s",
                            " queryBinding='xslt'"),
                     "<r><n v='1'/><n v='3'/><n v='3'/></r>");
  ASSERT_EQ(outcome.lines.size(), 2u);
  EXPECT_NE(outcome.lines[0].find("duplicate 3"), std::string::npos);
}

TEST(Schematron, XslKeys) {
  auto outcome = run(
      schema(
          R"s(<xsl:key xmlns:xsl="http://www.w3.org/1999/XSL/Transform" name="ids" match="*[@xml:id]" use="@xml:id"/>
    <pattern><rule context="ptr"><assert test="key('ids', substring(@target, 2))">dangling <value-of select="@target"/></assert></rule></pattern>)s"),
      "<r><a xml:id='x'/><ptr target='#x'/><ptr target='#y'/></r>");
  ASSERT_EQ(outcome.lines.size(), 1u);
  EXPECT_NE(outcome.lines[0].find("dangling #y"), std::string::npos);
}

TEST(Schematron, SchemaErrors) {
  // An XPath 1.0 schema with an expression that is not XPath 1.0.
  EXPECT_THROW(
      load(schema("<pattern><rule context='a'><assert test='matches(., \"x\")'/></rule></pattern>"),
           "s"),
      SchemaError);
  // An undefined variable.
  EXPECT_THROW(
      load(schema("<pattern><rule context='a'><assert test='$nope'/></rule></pattern>"), "s"),
      SchemaError);
  // A variable declared twice in one scope.
  EXPECT_THROW(load(schema("<let name='a' value='1'/><let name='a' value='2'/>"), "s"),
               SchemaError);
  // A rule without a context.
  EXPECT_THROW(load(schema("<pattern><rule><assert test='1'/></rule></pattern>"), "s"),
               SchemaError);
  // Not Schematron at all.
  EXPECT_THROW(load("<grammar/>", "s"), SchemaError);
}

TEST(Schematron, XPath2RulesAreSkippedUnderAnXPath2Binding) {
  auto compiled = load(schema(R"s(<pattern>
      <rule context="a"><assert test="matches(., 'x')">x</assert></rule>
      <rule context="b"><assert test="false()">b fails</assert></rule>
    </pattern>)s",
                              " queryBinding='xslt2'"),
                       "s.sch");
  ASSERT_EQ(compiled->skipped().size(), 1u);
  EXPECT_NE(compiled->skipped()[0].reason.find("matches()"), std::string::npos);
}

TEST(Schematron, EmbeddedRulesInRelaxNg) {
  const char* rng = R"s(<grammar xmlns="http://relaxng.org/ns/structure/1.0"
      xmlns:sch="http://purl.oclc.org/dsdl/schematron">
    <start><element name="a"><sch:pattern><sch:rule context="a"><sch:assert test="@x">x needed</sch:assert></sch:rule></sch:pattern><empty/></element></start>
  </grammar>)s";
  auto embedded = load_embedded(rng, "g.rng");
  ASSERT_TRUE(embedded);
  std::vector<Diagnostic> problems;
  auto doc = xml::parse_untrusted("<a/>", "d.xml", problems);
  std::vector<Diagnostic> out;
  EXPECT_FALSE(embedded->make_validator()->validate(doc.get(), "d.xml", out));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].message, "x needed");
  EXPECT_FALSE(load_embedded("<grammar xmlns='http://relaxng.org/ns/structure/1.0'/>", "g.rng"));
}

}  // namespace
}  // namespace teikit::validate::schematron

namespace teikit::validate::schematron {
namespace {

TEST(Schematron, OperatorsBeforeParenthesesAreNotFunctions) {
  auto outcome = run(schema(R"s(<pattern><rule context="a">
      <assert test="@x or (@y and not(@z)) or (4 div (2) = 2) or (5 mod (2) = 1)">never</assert>
    </rule></pattern>)s"),
                     "<a/>");
  EXPECT_TRUE(outcome.valid);
}

}  // namespace
}  // namespace teikit::validate::schematron
