#pragma once

// Validates a stream of document events (start tag with attributes, text, end tag) against a
// compiled grammar, reporting jing-style messages and recovering after each error so that
// one mistake gives one message. Drivers feed it from a SAX parse or from a tree.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "validate/relaxng/derivatives.hpp"

namespace teikit::validate::relaxng {

/// Where an event happened (1-based; 0 = unknown).
struct Position {
  int line = 0;
  int column = 0;
};

/// One attribute of a start tag.
struct EventAttribute {
  std::string_view ns;
  std::string_view local;
  std::string_view prefix;
  std::string_view value;
};

/// The namespaces in scope at an element, for values and for messages.
class ScopeContext : public NamespaceContext {
 public:
  /// prefix ("" = default) → URI, innermost last.
  virtual std::vector<std::pair<std::string, std::string>> bindings() const = 0;
};

/// A start tag.
struct StartTag {
  std::string_view ns;
  std::string_view local;
  std::string_view prefix;
  std::vector<EventAttribute> attributes;
  const ScopeContext* context = nullptr;
  Position position;  // the end of the start tag
};

/// Validation of one document at a time; reusable (memo tables are kept between documents).
class Matcher {
 public:
  /// A matcher for `grammar` (which must outlive it).
  explicit Matcher(const CompiledGrammar& grammar);
  /// Starts a document; its problems go to `out` under `file`.
  void start_document(const std::string& file, std::vector<Diagnostic>* out);
  /// A start tag.
  void start_element(const StartTag& tag);
  /// Character data (consecutive calls are one text).
  void characters(std::string_view text, Position position);
  /// Settles the character data seen so far (before a start tag's namespaces change).
  void flush_text();
  /// An end tag.
  void end_element(Position position);
  /// Ends the document: unresolved IDREFs are reported; returns whether it was valid.
  bool end_document();

 private:
  struct Frame {
    PatternId saved = not_allowed_id;  // the parent's state, restored after recovery
    bool recovering = false;
    bool skip = false;  // an element the schema does not know: not checked
    bool has_elements = false;
    bool content_reported = false;  // its character content was already found wrong
    QName name;
    std::string display;  // the name as written
    std::string text;
    Position text_position;
    const ScopeContext* context = nullptr;
  };
  void flush_text(Frame& frame, bool at_end);
  void report(Position position, std::string message);
  QName lookup(std::string_view ns, std::string_view local) const;
  void check_attributes(const StartTag& tag, QName element, PatternId& state);
  void record_id(const EventAttribute& attribute, IdType type, Position position);
  PatternId recovery_state(QName name);

  const CompiledGrammar& grammar_;
  Derivatives derivatives_;
  PatternId state_ = not_allowed_id;
  std::vector<Frame> frames_;
  std::vector<Diagnostic>* out_ = nullptr;
  std::string file_;
  std::size_t errors_ = 0;
  std::map<std::string, Position> ids_;
  std::vector<std::pair<std::string, Position>> idrefs_;
};

}  // namespace teikit::validate::relaxng
