#pragma once

// Private to the compact-syntax reader: the parser, which follows the BNF of appendix A.1
// of the specification and computes its translation into the XML syntax as it goes.
// Declarations, grammar content and annotations are in compact_parser.cpp; patterns and
// name classes in compact_patterns.cpp.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "validate/relaxng/compact_lexer.hpp"
#include "validate/relaxng/compact_tree.hpp"

namespace teikit::validate::relaxng::compact {

/// A namespace URI, or the special value inherit (the referencing schema's namespace).
struct NamespaceUri {
  bool inherit = false;
  std::string uri;
};

/// Foreign attributes and elements that annotate the construct they precede.
struct Annotations {
  std::vector<Attribute> attributes;
  Nodes elements;
};

/// Counts nesting while alive; too deep a schema is refused rather than risk the stack.
class DepthGuard {
 public:
  /// Enters one level at `at`; throws CompactError beyond the limit.
  DepthGuard(int& depth, const Token& at) : depth_(depth) {
    if (++depth_ > max_depth)
      throw CompactError{at.line, at.column, "constructs nested more than 200 levels deep"};
  }
  /// Leaves the level.
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  static constexpr int max_depth = 200;
  int& depth_;
};

/// Parses one compact-syntax schema into its XML-syntax translation.
class Parser {
 public:
  /// Takes the tokens of the whole schema (ending with an `end` token).
  explicit Parser(std::vector<Token> tokens);

  /// Parses the schema and returns its document element. Throws CompactError on a syntax
  /// error; errors that let parsing go on are kept in errors().
  Node parse_schema();

  /// Errors found so far that did not stop the parse (an undefined prefix, a duplicate).
  const std::vector<CompactError>& errors() const { return errors_; }

  /// The namespace declarations that the document element needs.
  Bindings root_bindings() const;

 private:
  enum class AnnotationPlace { initial, grammar, nested };
  struct Particle;

  // Tokens.
  const Token& peek(std::size_t ahead = 0) const;
  bool at_punctuation(std::string_view text, std::size_t ahead = 0) const;
  bool at_keyword(std::string_view text, std::size_t ahead = 0) const;
  bool at_name(std::size_t ahead = 0) const;
  const Token& take();
  const Token& expect(std::string_view punctuation);
  [[noreturn]] void unexpected(const std::string& expected) const;
  void error(const Token& at, std::string message);
  std::string identifier_or_keyword(const std::string& expected);
  std::string literal();
  Node rng(const char* local, const Token& at) const;

  // Declarations and names.
  void preamble();
  void bind_prefix(const Token& at, const std::string& prefix, const NamespaceUri& uri);
  NamespaceUri namespace_uri_literal();
  NamespaceUri lookup_prefix(const Token& at, const std::string& prefix);
  NamespaceUri default_namespace() const;
  static void add_ns(Node& node, const NamespaceUri& ns);
  void add_attribute(std::vector<Attribute>& list, Attribute attribute, const Token& at);
  void check_href(const Token& at, const std::string& href);

  // Grammar content.
  bool top_level_is_grammar() const;
  void grammar_body(Nodes& out, bool in_include, bool top_level);
  Node component(bool in_include);
  void assign_method(Node& node);
  void opt_inherit(Node& node);

  // Annotations.
  Annotations annotations();
  Node annotation_element(AnnotationPlace place);
  void annotation_attribute(Node& element);
  Nodes follow_annotations();
  static Nodes apply_annotations(Annotations annotations, Node node);
  Nodes apply_annotations_in(Annotations annotations, Nodes nodes, const char* wrapper, int line);

  // Patterns (compact_patterns.cpp).
  Nodes pattern();
  Nodes inner_pattern(Annotations annotations);
  Particle particle();
  Nodes finish_particle(Annotations annotations, Particle particle);
  Nodes lead_annotated_primary(bool* data_except);
  Node primary(bool* data_except);
  Node datatype(bool* data_except);
  void param(Node& data);

  // Name classes (compact_patterns.cpp).
  Nodes inner_name_class(bool is_element, Annotations annotations);
  Nodes lead_annotated_name_class(bool is_element, bool* has_except);
  Node simple_name_class(bool is_element, bool* has_except);

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  std::map<std::string, NamespaceUri> namespaces_;
  std::map<std::string, std::string> datatypes_;
  std::set<std::string> declared_namespaces_;
  std::set<std::string> declared_datatypes_;
  bool has_default_namespace_ = false;
  NamespaceUri default_namespace_{true, ""};
  std::string compatibility_prefix_;
  bool declare_compatibility_prefix_ = false;
  bool documentation_used_ = false;
  int except_context_ = 0;  // bits: inside the except of an anyName (1), of an nsName (2)
  int depth_ = 0;
  std::vector<CompactError> errors_;
};

}  // namespace teikit::validate::relaxng::compact
