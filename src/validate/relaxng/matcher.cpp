#include "validate/relaxng/matcher.hpp"

#include <algorithm>

#include "core/utf8.hpp"
#include "validate/relaxng/messages.hpp"
#include "validate/relaxng/whitespace.hpp"

namespace teikit::validate::relaxng {
namespace {

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string display_name(std::string_view prefix, std::string_view local) {
  return prefix.empty() ? std::string(local) : std::string(prefix) + ":" + std::string(local);
}

// Where the last non-space character of `text` ends, given where the whole text ends.
Position text_end(std::string_view text, Position end) {
  std::size_t last = text.find_last_not_of(" \t\r\n");
  if (last == std::string_view::npos || end.line == 0) return end;
  std::string_view tail = text.substr(last + 1);
  auto newlines = static_cast<int>(std::count(tail.begin(), tail.end(), '\n'));
  if (newlines == 0) return Position{end.line, end.column - static_cast<int>(tail.size())};
  std::size_t line_start = text.rfind('\n', last);
  std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
  int column = 1 + static_cast<int>(utf8_length(text.substr(from, last + 1 - from)));
  if (line_start == std::string_view::npos) column = 0;  // the text's first line: unknown
  return Position{end.line - newlines, column};
}

// The namespace bindings of a frame, for names in messages.
NamePrinter printer_for(const NameTable& names, const ScopeContext* context) {
  std::vector<std::pair<std::string, std::string>> bindings;
  std::string default_ns;
  if (context != nullptr) {
    bindings = context->bindings();
    if (auto ns = context->lookup("")) default_ns = *ns;
  }
  return NamePrinter(names, default_ns, std::move(bindings));
}

}  // namespace

Matcher::Matcher(const CompiledGrammar& grammar) : grammar_(grammar), derivatives_(grammar) {}

void Matcher::start_document(const std::string& file, std::vector<Diagnostic>* out) {
  derivatives_.trim();
  file_ = file;
  out_ = out;
  errors_ = 0;
  state_ = grammar_.start;
  frames_.clear();
  ids_.clear();
  idrefs_.clear();
}

void Matcher::report(Position position, std::string text) {
  ++errors_;
  if (out_ == nullptr) return;
  out_->push_back(Diagnostic{
      file_, position.line, position.column, Severity::error, std::move(text), "relaxng", {}, {}});
}

QName Matcher::lookup(std::string_view ns, std::string_view local) const {
  return QName{grammar_.names.find(ns), grammar_.names.find(local)};
}

PatternId Matcher::recovery_state(QName name) {
  PatternBuilder& b = derivatives_.builder();
  PatternId result = not_allowed_id;
  for (PatternId element : grammar_.elements) {
    const Pattern& p = grammar_.patterns.nodes[element];
    if (grammar_.name_classes.contains(p.extra, name))
      result = b.choice(result, b.after(p.a, empty_id));
  }
  return result;
}

void Matcher::start_element(const StartTag& tag) {
  if (!frames_.empty()) {
    Frame& parent = frames_.back();
    flush_text(parent, false);
    parent.has_elements = true;
    if (parent.skip) {
      Frame f;
      f.skip = true;
      frames_.push_back(std::move(f));
      return;
    }
  }
  QName name = lookup(tag.ns, tag.local);
  Frame frame;
  frame.name = name;
  frame.display = display_name(tag.prefix, tag.local);
  frame.context = tag.context;
  frame.saved = state_;
  PatternId p = derivatives_.start_tag_open(state_, name);
  if (p == not_allowed_id) {
    NamePrinter printer = printer_for(grammar_.names, tag.context);
    Expectation e = expected_content(derivatives_, state_);
    PatternId later = derivatives_.start_tag_open_skipping(state_, name);
    if (later != not_allowed_id) {
      // Allowed after what is missing: say what is missing, and go on as if it were there.
      std::vector<QName> required = required_elements(derivatives_, state_);
      std::string detail = required.size() == 1
                               ? "missing required element " +
                                     printer.quote(required.front(), false) + printer.hint()
                               : describe(e, printer);
      report(tag.position,
             message(Message::element_not_allowed_yet, {quoted(frame.display), detail}));
      p = later;
    } else {
      PatternId recovery = recovery_state(name);
      Message id = recovery == not_allowed_id ? Message::element_not_allowed_anywhere
                                              : Message::element_not_allowed_here;
      report(tag.position, message(id, {quoted(frame.display), describe(e, printer)}));
      // Checked against the element's own definitions; the parent goes on without it.
      frame.recovering = true;
      p = recovery;
      if (p == not_allowed_id) {
        frame.skip = true;
        frames_.push_back(std::move(frame));
        return;
      }
    }
  }
  check_attributes(tag, name, p);
  PatternId closed = derivatives_.start_tag_close(p);
  if (closed == not_allowed_id) {
    NamePrinter printer = printer_for(grammar_.names, tag.context);
    std::vector<QName> required = required_attributes(derivatives_, p);
    std::string names = required.empty() ? std::string("\"?\"")
                                         : name_list(required, printer, true) + printer.hint();
    report(tag.position, message(Message::attribute_missing, {quoted(frame.display), names}));
    closed = derivatives_.start_tag_close(p, true);
    if (closed == not_allowed_id) {
      frame.skip = true;
      frames_.push_back(std::move(frame));
      return;
    }
  }
  state_ = closed;
  frames_.push_back(std::move(frame));
}

void Matcher::check_attributes(const StartTag& tag, QName element, PatternId& state) {
  for (const EventAttribute& attribute : tag.attributes) {
    QName name = lookup(attribute.ns, attribute.local);
    PatternId next = derivatives_.attribute(state, name, attribute.value, *tag.context);
    if (next == not_allowed_id) {
      std::string display = quoted(display_name(attribute.prefix, attribute.local));
      PatternId any = derivatives_.attribute(state, name, attribute.value, *tag.context, true);
      if (any != not_allowed_id) {
        std::string must =
            value_constraint(derivatives_, grammar_, state, name, attribute.value, *tag.context);
        report(tag.position, message(Message::attribute_value_invalid, {display, must}));
        next = any;
      } else {
        NamePrinter printer = printer_for(grammar_.names, tag.context);
        bool wildcard = false;
        std::vector<QName> allowed = expected_attributes(derivatives_, state, wildcard);
        std::string expected =
            allowed.empty()
                ? std::string("no attributes are allowed here")
                : "expected attribute " + name_list(allowed, printer, true) + printer.hint();
        report(tag.position, message(Message::attribute_not_allowed, {display, expected}));
        next = state;
      }
    }
    state = next;
    if (grammar_.has_ids) {
      auto found = grammar_.id_attributes.find(IdAttributeKey{element, name});
      if (found != grammar_.id_attributes.end()) record_id(attribute, found->second, tag.position);
    }
  }
}

void Matcher::record_id(const EventAttribute& attribute, IdType type, Position position) {
  if (type == IdType::id) {
    for (std::string_view id : words(attribute.value)) {
      auto [at, inserted] = ids_.emplace(std::string(id), position);
      if (!inserted)
        report(position,
               message(Message::id_duplicate, {quoted(id), std::to_string(at->second.line) + ":" +
                                                               std::to_string(at->second.column)}));
    }
  } else if (type == IdType::idref || type == IdType::idrefs) {
    for (std::string_view id : words(attribute.value)) idrefs_.emplace_back(id, position);
  }
}

void Matcher::characters(std::string_view text, Position position) {
  if (frames_.empty() || frames_.back().skip) return;
  Frame& frame = frames_.back();
  frame.text.append(text);
  frame.text_position = position;
}

void Matcher::flush_text() {
  if (!frames_.empty()) flush_text(frames_.back(), false);
}

void Matcher::flush_text(Frame& frame, bool at_end) {
  if (frame.skip) return;
  std::string text = std::move(frame.text);
  frame.text.clear();
  bool space = all_space(text);
  if (!at_end || frame.has_elements) {
    if (space) return;
    PatternId next = derivatives_.text(state_, text, *frame.context);
    if (next != not_allowed_id) {
      state_ = next;
      return;
    }
  } else {
    PatternId derived = derivatives_.text(state_, text, *frame.context);
    if (derived != not_allowed_id) {
      state_ = space ? derivatives_.builder().choice(state_, derived) : derived;
      return;
    }
    // Whitespace or nothing where the content needs none: the end tag decides.
    if (space && derivatives_.end_tag(state_) != not_allowed_id) return;
  }
  NamePrinter printer = printer_for(grammar_.names, frame.context);
  Expectation e = expected_content(derivatives_, state_);
  Position where = text_end(text, frame.text_position);
  if (e.data && !e.text) {
    std::string must = content_constraint(derivatives_, grammar_, state_, text, *frame.context);
    report(where, message(Message::character_content_invalid, {quoted(frame.display), must}));
    frame.content_reported = true;
  } else if (!space) {
    report(where, message(Message::text_not_allowed, {describe(e, printer)}));
  }
}

void Matcher::end_element(Position position) {
  Frame& frame = frames_.back();
  if (frame.skip) {
    frames_.pop_back();
    return;
  }
  if (frame.text_position.line == 0) frame.text_position = position;
  flush_text(frame, true);
  PatternId next = derivatives_.end_tag(state_);
  if (next == not_allowed_id) {
    if (!frame.content_reported) {
      NamePrinter printer = printer_for(grammar_.names, frame.context);
      Expectation e = expected_content(derivatives_, state_);
      std::vector<QName> required = required_elements(derivatives_, state_);
      std::string detail = required.size() == 1
                               ? "missing required element " +
                                     printer.quote(required.front(), false) + printer.hint()
                               : describe(e, printer);
      report(position, message(Message::element_incomplete, {quoted(frame.display), detail}));
    }
    next = derivatives_.end_tag(state_, true);
  }
  if (frame.recovering || next == not_allowed_id) next = frame.saved;
  state_ = next;
  frames_.pop_back();
}

bool Matcher::end_document() {
  for (const auto& [id, where] : idrefs_)
    if (!ids_.contains(id)) report(where, message(Message::idref_dangling, {quoted(id)}));
  out_ = nullptr;
  return errors_ == 0;
}

}  // namespace teikit::validate::relaxng
