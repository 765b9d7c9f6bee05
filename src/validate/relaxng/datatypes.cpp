// The datatype libraries' entry point and the built-in library (string, token). The XML
// Schema datatypes are in datatypes_xsd.cpp.

#include "validate/relaxng/datatypes.hpp"

#include "validate/relaxng/datatypes_internal.hpp"

namespace teikit::validate::relaxng {

namespace detail {

std::string replace_whitespace(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (is_space(c)) c = ' ';
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace detail

namespace {

// The built-in library: string (values equal when byte-identical) and token (equal after
// whitespace collapsing). Every string is a valid value of both.
class BuiltinDatatype final : public Datatype {
 public:
  explicit BuiltinDatatype(bool token) : token_(token), name_(token ? "token" : "string") {}

  bool allows(std::string_view /*value*/, const NamespaceContext& /*context*/,
              std::string* /*why*/) const override {
    return true;
  }

  bool equal(std::string_view a, const NamespaceContext& /*context_a*/, std::string_view b,
             const NamespaceContext& /*context_b*/) const override {
    if (!token_) return a == b;
    return detail::collapse_whitespace(a) == detail::collapse_whitespace(b);
  }

  const std::string& name() const override { return name_; }

 private:
  bool token_;
  std::string name_;
};

}  // namespace

std::shared_ptr<const Datatype> make_datatype(std::string_view library_uri, std::string_view type,
                                              const std::vector<DatatypeParam>& params,
                                              DatatypeError& error) {
  if (library_uri == detail::xsd_library_uri) return detail::make_xsd_datatype(type, params, error);
  if (!library_uri.empty()) {
    error.message = "unknown datatype library \"" + std::string(library_uri) + "\"";
    return nullptr;
  }
  if (type != "string" && type != "token") {
    error.message = "unknown datatype \"" + std::string(type) +
                    "\" in the built-in library (it has \"string\" and \"token\")";
    return nullptr;
  }
  if (!params.empty()) {
    error.message = "the built-in datatype \"" + std::string(type) +
                    "\" takes no parameters (parameter \"" + params.front().name + "\")";
    return nullptr;
  }
  return std::make_shared<const BuiltinDatatype>(type == "token");
}

bool is_known_library(std::string_view library_uri) {
  return library_uri.empty() || library_uri == detail::xsd_library_uri;
}

}  // namespace teikit::validate::relaxng
