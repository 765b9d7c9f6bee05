// The W3C XML Schema datatypes for RELAX NG (http://www.w3.org/2001/XMLSchema-datatypes),
// checked with libxml2's schema types (libxml/xmlschemastypes.h), except where libxml2
// falls short of XML Schema 1.0 as jing applies it:
//  - decimal and the integer types are native: libxml2 keeps at most 24 digits;
//  - QName and NOTATION are native: their prefix resolves through the NamespaceContext;
//  - string types and lists use libxml2 for the lexical check of each name only;
//  - length facets are counted here: libxml2 compares a length with the lowest 8 digits of
//    the facet value only, and has no length for ENTITY;
//  - negative years of date and dateTime are shifted before libxml2 sees them (see
//    shift_negative_year).
//
// Thread safety: a compiled datatype is immutable and allows() and equal() only read it.
// xmlRegexpExec runs the compiled automaton in a context of its own (xmlFARegExec);
// xmlSchemaValPredefTypeNode (without a node, so it never touches a document's ID table),
// xmlSchemaCompareValues and xmlSchemaValidateFacet read their arguments and libxml2's
// predefined types, which xmlSchemaInitTypes builds once (std::call_once) before any use,
// after xmlInitParser (thread-safe itself) has set the constants they use.
// None of them reports errors; facet compilation does, through the calling thread's
// structured error handler, which make_datatype captures. libxml2 reads float and double
// with sscanf, so the process must keep the "C" LC_NUMERIC locale (teikit never changes it).

#include <libxml/parser.h>
#include <libxml/schemasInternals.h>
#include <libxml/xmlschemastypes.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <mutex>
#include <set>

#include "core/utf8.hpp"
#include "core/xml_handles.hpp"
#include "validate/relaxng/datatypes_internal.hpp"

namespace teikit::validate::relaxng::detail {
namespace {

using xml::xml_chars;

const xmlChar* const xsd_namespace = xml_chars("http://www.w3.org/2001/XMLSchema");

struct ValueDeleter {
  void operator()(xmlSchemaVal* value) const { xmlSchemaFreeValue(value); }
};
struct FacetDeleter {
  void operator()(xmlSchemaFacet* facet) const { xmlSchemaFreeFacet(facet); }
};
using ValuePtr = std::unique_ptr<xmlSchemaVal, ValueDeleter>;
using FacetPtr = std::unique_ptr<xmlSchemaFacet, FacetDeleter>;

// xmlInitParser first: it sets xmlXPathNAN and the infinities (xmlXPathInit), which float
// and double values and their comparison use; before it they are all 0.
void init_types() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSchemaInitTypes();
  });
}

enum class Family { string, name, list, qname, decimal, integer, libxml };
enum class Space { preserve, replace, collapse };
enum FacetGroup : unsigned { lengths = 1, bounds = 2, digits = 4 };  // pattern: every type

struct TypeInfo {
  std::string_view name;
  Family family = Family::string;
  Space space = Space::collapse;
  unsigned facets = 0;
  const char* libxml_type = nullptr;  // checks the lexical form (of each item, for a list)
  IdType id = IdType::none;
  bool entity = false;        // names an unparsed entity (ENTITY, ENTITIES)
  const char* min = nullptr;  // the range of an integer type
  const char* max = nullptr;
};

constexpr TypeInfo text_type(std::string_view name, Space space, unsigned facets) {
  return {.name = name, .space = space, .facets = facets};
}
constexpr TypeInfo name_type(std::string_view name, Family family, const char* libxml_type,
                             IdType id = IdType::none, bool entity = false) {
  return {.name = name,
          .family = family,
          .facets = lengths,
          .libxml_type = libxml_type,
          .id = id,
          .entity = entity};
}
constexpr TypeInfo number_type(std::string_view name, Family family, const char* min = nullptr,
                               const char* max = nullptr) {
  return {.name = name, .family = family, .facets = bounds | digits, .min = min, .max = max};
}
constexpr TypeInfo libxml_type(const char* name, unsigned facets) {
  return {.name = name, .family = Family::libxml, .facets = facets, .libxml_type = name};
}

// Every datatype of XML Schema Part 2 that jing offers (anySimpleType, the ur-type, is not
// one), plus XPath 2.0's untypedAtomic and anyAtomicType, which jing also knows.
const TypeInfo type_table[] = {
    text_type("string", Space::preserve, lengths),
    text_type("normalizedString", Space::replace, lengths),
    text_type("token", Space::collapse, lengths),
    text_type("untypedAtomic", Space::preserve, lengths),
    text_type("anyAtomicType", Space::preserve, 0),
    name_type("language", Family::name, "language"),
    name_type("Name", Family::name, "Name"),
    name_type("NCName", Family::name, "NCName"),
    name_type("NMTOKEN", Family::name, "NMTOKEN"),
    name_type("ID", Family::name, "NCName", IdType::id),
    name_type("IDREF", Family::name, "NCName", IdType::idref),
    name_type("ENTITY", Family::name, "NCName", IdType::none, true),
    name_type("NMTOKENS", Family::list, "NMTOKEN"),
    name_type("IDREFS", Family::list, "NCName", IdType::idrefs),
    name_type("ENTITIES", Family::list, "NCName", IdType::none, true),
    {.name = "QName", .family = Family::qname},
    {.name = "NOTATION", .family = Family::qname},
    number_type("decimal", Family::decimal),
    number_type("integer", Family::integer),
    number_type("nonPositiveInteger", Family::integer, nullptr, "0"),
    number_type("negativeInteger", Family::integer, nullptr, "-1"),
    number_type("long", Family::integer, "-9223372036854775808", "9223372036854775807"),
    number_type("int", Family::integer, "-2147483648", "2147483647"),
    number_type("short", Family::integer, "-32768", "32767"),
    number_type("byte", Family::integer, "-128", "127"),
    number_type("nonNegativeInteger", Family::integer, "0"),
    number_type("unsignedLong", Family::integer, "0", "18446744073709551615"),
    number_type("unsignedInt", Family::integer, "0", "4294967295"),
    number_type("unsignedShort", Family::integer, "0", "65535"),
    number_type("unsignedByte", Family::integer, "0", "255"),
    number_type("positiveInteger", Family::integer, "1"),
    libxml_type("boolean", 0),
    libxml_type("float", bounds),
    libxml_type("double", bounds),
    libxml_type("duration", bounds),
    libxml_type("dateTime", bounds),
    libxml_type("time", bounds),
    libxml_type("date", bounds),
    libxml_type("gYearMonth", bounds),
    libxml_type("gYear", bounds),
    libxml_type("gMonthDay", bounds),
    libxml_type("gDay", bounds),
    libxml_type("gMonth", bounds),
    libxml_type("anyURI", lengths),
    libxml_type("base64Binary", lengths),
    libxml_type("hexBinary", lengths),
};

enum class BoundKind { min_inclusive, min_exclusive, max_inclusive, max_exclusive };

struct Bound {
  BoundKind kind;
  std::string name;     // the parameter's name
  std::string text;     // its value, collapsed (for messages)
  std::string lexical;  // what libxml2 compiled (the facet's value points here)
  FacetPtr facet;       // libxml2 types
  Decimal number;       // decimal and integer types
};

struct Pattern {
  std::string source;  // the expression as written (for messages)
  std::string regex;   // as given to libxml2 (the facet's value points here)
  FacetPtr facet;      // holds the compiled regexp
};

// A value read for checking or comparing.
struct Parsed {
  std::string normal;  // after whitespace normalization
  ValuePtr value;      // libxml2 types
  Decimal number;      // decimal and integer types
  std::string uri;     // QName, NOTATION
  std::string local;
  std::size_t items = 0;  // lists
};

// A context without namespaces or entities, for reading parameter values.
class EmptyContext final : public NamespaceContext {
 public:
  std::optional<std::string> lookup(std::string_view) const override { return std::nullopt; }
};

bool fail(std::string* why, std::string reason) {
  if (why != nullptr) *why = std::move(reason);
  return false;
}

// What a value of each type looks like, for "value … is invalid; must be …".
struct TypeDescription {
  const char* type;
  const char* description;
};
const TypeDescription type_descriptions[] = {
    {"integer", "an integer"},
    {"int", "an integer from -2147483648 to 2147483647"},
    {"long", "an integer from -9223372036854775808 to 9223372036854775807"},
    {"short", "an integer from -32768 to 32767"},
    {"byte", "an integer from -128 to 127"},
    {"nonNegativeInteger", "an integer of 0 or more"},
    {"positiveInteger", "an integer of 1 or more"},
    {"nonPositiveInteger", "an integer of 0 or less"},
    {"negativeInteger", "an integer of -1 or less"},
    {"unsignedLong", "an integer from 0 to 18446744073709551615"},
    {"unsignedInt", "an integer from 0 to 4294967295"},
    {"unsignedShort", "an integer from 0 to 65535"},
    {"unsignedByte", "an integer from 0 to 255"},
    {"decimal", "a decimal number"},
    {"float", "a number (float)"},
    {"double", "a number (double)"},
    {"boolean", "a boolean (true, false, 1 or 0)"},
    {"date", "a date of the form YYYY-MM-DD"},
    {"dateTime", "a date and time of the form YYYY-MM-DDThh:mm:ss"},
    {"time", "a time of the form hh:mm:ss"},
    {"gYear", "a year of the form YYYY"},
    {"gYearMonth", "a year and month of the form YYYY-MM"},
    {"gMonth", "a month of the form --MM"},
    {"gMonthDay", "a month and day of the form --MM-DD"},
    {"gDay", "a day of the month of the form ---DD"},
    {"duration", "a duration of the form PnYnMnDTnHnMnS"},
    {"anyURI", "a URI"},
    {"language", "a language tag (RFC 3066, e.g. en or de-AT)"},
    {"Name", "an XML name"},
    {"NCName", "an XML name without a colon"},
    {"ID", "an XML name without a colon"},
    {"IDREF", "an XML name without a colon"},
    {"IDREFS", "a list of XML names without colons"},
    {"NMTOKEN", "an XML name token"},
    {"NMTOKENS", "a list of XML name tokens"},
    {"ENTITY", "an XML name without a colon"},
    {"ENTITIES", "a list of XML names without colons"},
    {"QName", "a qualified name (prefix:name)"},
    {"hexBinary", "binary data in hexadecimal"},
    {"base64Binary", "binary data in base64"},
};

// "must be an integer", or "must be a valid X" for a type without a description.
std::string must_be(const std::string& type) {
  for (const auto& d : type_descriptions)
    if (type == d.type) return std::string("must be ") + d.description;
  return "must be a valid " + type;
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

std::string count_of(std::uint64_t n, std::string_view unit) {
  std::string out = std::to_string(n) + " " + std::string(unit);
  if (n != 1) out += 's';
  return out;
}

// A non-negative integer parameter (length, totalDigits, ...).
std::optional<std::uint64_t> parse_count(std::string_view text) {
  std::optional<Decimal> d = parse_decimal(collapse_whitespace(text), true);
  if (!d || d->negative || d->integer.size() > 19) return std::nullopt;
  std::uint64_t n = 0;
  std::from_chars(d->integer.data(), d->integer.data() + d->integer.size(), n);
  return n;
}

class XsdDatatype final : public Datatype {
 public:
  explicit XsdDatatype(const TypeInfo& info) : info_(info), name_(info.name) {
    if (info.libxml_type != nullptr)
      lexical_type_ = xmlSchemaGetPredefinedType(xml_chars(info.libxml_type), xsd_namespace);
    string_type_ = xmlSchemaGetPredefinedType(xml_chars("string"), xsd_namespace);
    if (info.min != nullptr) min_ = parse_decimal(info.min, true);
    if (info.max != nullptr) max_ = parse_decimal(info.max, true);
  }

  bool compile(const std::vector<DatatypeParam>& params, DatatypeError& error);

  bool allows(std::string_view value, const NamespaceContext& context,
              std::string* why) const override {
    Parsed parsed;
    return parse(value, context, parsed, why) && check_facets(parsed, why);
  }

  bool equal(std::string_view a, const NamespaceContext& context_a, std::string_view b,
             const NamespaceContext& context_b) const override;

  IdType id_type() const override { return info_.id; }
  const std::string& name() const override { return name_; }

 private:
  bool parse(std::string_view text, const NamespaceContext& context, Parsed& out,
             std::string* why) const;
  bool parse_qname(Parsed& out, const NamespaceContext& context, std::string* why) const;
  bool valid_name(const std::string& name) const {
    return xmlSchemaValPredefTypeNode(lexical_type_, xml_chars(name.c_str()), nullptr, nullptr) ==
           0;
  }
  std::string normalize(std::string_view text) const {
    switch (info_.space) {
      case Space::preserve:
        return std::string(text);
      case Space::replace:
        return replace_whitespace(text);
      case Space::collapse:
        break;
    }
    return collapse_whitespace(text);
  }
  std::optional<std::string> shift_negative_year(std::string_view normal) const;
  bool check_facets(const Parsed& parsed, std::string* why) const;
  bool satisfies(const Bound& bound, const Parsed& parsed) const;
  std::uint64_t length_of(const Parsed& parsed) const;
  bool is_float() const { return info_.name == "float" || info_.name == "double"; }

  bool add_param(const DatatypeParam& param, DatatypeError& error);
  bool add_pattern(const std::string& source, DatatypeError& error);
  bool add_bound(BoundKind kind, const DatatypeParam& param, DatatypeError& error);
  bool check_consistency(DatatypeError& error) const;

  const TypeInfo& info_;
  std::string name_;
  xmlSchemaType* lexical_type_ = nullptr;
  xmlSchemaType* string_type_ = nullptr;  // the base type given with pattern facets
  std::optional<Decimal> min_, max_;      // an integer type's range
  std::optional<std::uint64_t> length_, min_length_, max_length_;
  std::optional<std::uint64_t> total_digits_, fraction_digits_;
  std::vector<std::unique_ptr<Pattern>> patterns_;
  std::vector<std::unique_ptr<Bound>> bounds_;
};

bool XsdDatatype::parse(std::string_view text, const NamespaceContext& context, Parsed& out,
                        std::string* why) const {
  out.normal = normalize(text);
  auto invalid = [&] { return fail(why, must_be(name_)); };
  auto no_entity = [&] { return fail(why, "must name an unparsed entity of the document"); };
  if (out.normal.find('\0') != std::string::npos) return invalid();
  switch (info_.family) {
    case Family::string:
      return true;
    case Family::name:
      if (!valid_name(out.normal)) return invalid();
      if (info_.entity && !context.is_unparsed_entity(out.normal)) return no_entity();
      return true;
    case Family::list: {
      if (out.normal.empty()) return invalid();  // a list has at least one item
      std::size_t start = 0;
      while (start <= out.normal.size()) {
        std::size_t end = std::min(out.normal.find(' ', start), out.normal.size());
        std::string item = out.normal.substr(start, end - start);
        if (!valid_name(item)) return invalid();
        if (info_.entity && !context.is_unparsed_entity(item)) return no_entity();
        ++out.items;
        start = end + 1;
      }
      return true;
    }
    case Family::qname:
      return parse_qname(out, context, why);
    case Family::decimal:
    case Family::integer: {
      std::optional<Decimal> number = parse_decimal(out.normal, info_.family == Family::integer);
      if (!number || (min_ && compare(*number, *min_) < 0) || (max_ && compare(*number, *max_) > 0))
        return invalid();
      out.number = std::move(*number);
      return true;
    }
    case Family::libxml: {
      std::optional<std::string> shifted = shift_negative_year(out.normal);
      const std::string& lexical = shifted ? *shifted : out.normal;
      xmlSchemaVal* value = nullptr;
      int rc =
          xmlSchemaValPredefTypeNode(lexical_type_, xml_chars(lexical.c_str()), &value, nullptr);
      out.value.reset(value);
      if (rc != 0 || !out.value) return invalid();
      return true;
    }
  }
  return invalid();
}

// A QName: an NCName, or two joined by a colon, the prefix bound where the value occurs.
bool XsdDatatype::parse_qname(Parsed& out, const NamespaceContext& context,
                              std::string* why) const {
  auto is_ncname = [](const std::string& s) {
    return !s.empty() && xmlValidateNCName(xml_chars(s.c_str()), 0) == 0;
  };
  std::size_t colon = out.normal.find(':');
  std::string prefix = colon == std::string::npos ? "" : out.normal.substr(0, colon);
  out.local = colon == std::string::npos ? out.normal : out.normal.substr(colon + 1);
  if (!is_ncname(out.local) || (colon != std::string::npos && !is_ncname(prefix)))
    return fail(why, must_be(name_));
  std::optional<std::string> uri = context.lookup(prefix);
  if (!uri && !prefix.empty())
    return fail(why, "uses the undeclared namespace prefix " + quoted(prefix));
  out.uri = uri.value_or("");
  return true;
}

// libxml2 applies the Gregorian leap-year rule to negative years as written (-0004 is a leap
// year), but XML Schema 1.0 has no year 0: -0001 is 1 BCE, astronomical year 0, a leap year.
// So a negative year -Y of a date or dateTime goes to libxml2 as -(Y + 399): the same
// leap-year status (400 years earlier, 1 year later) and the same order among values. Only
// a time zone moving a value across 1 BCE / 1 CE would see the difference. Nullopt: as is.
std::optional<std::string> XsdDatatype::shift_negative_year(std::string_view normal) const {
  if ((info_.name != "date" && info_.name != "dateTime") || normal.empty() || normal[0] != '-')
    return std::nullopt;
  std::size_t end = 1;
  while (end < normal.size() && normal[end] >= '0' && normal[end] <= '9') ++end;
  std::size_t digit_count = end - 1;
  if (digit_count < 4 || digit_count > 15 || (digit_count > 4 && normal[1] == '0'))
    return std::nullopt;  // not a year libxml2 would take; let it say so
  std::uint64_t year = 0;
  std::from_chars(normal.data() + 1, normal.data() + end, year);
  if (year == 0) return std::nullopt;
  std::string shifted = std::to_string(year + 399);
  if (shifted.size() < 4) shifted.insert(0, 4 - shifted.size(), '0');
  return "-" + shifted + std::string(normal.substr(end));
}

bool XsdDatatype::equal(std::string_view a, const NamespaceContext& context_a, std::string_view b,
                        const NamespaceContext& context_b) const {
  switch (info_.family) {
    case Family::string:
    case Family::name:
    case Family::list:  // the lexical form is the value, once normalized
      return normalize(a) == normalize(b);
    default:
      break;
  }
  Parsed x;
  Parsed y;
  if (!parse(a, context_a, x, nullptr) || !parse(b, context_b, y, nullptr)) return false;
  switch (info_.family) {
    case Family::qname:
      return x.uri == y.uri && x.local == y.local;
    case Family::decimal:
    case Family::integer:
      return compare(x.number, y.number) == 0;
    default:
      return xmlSchemaCompareValues(x.value.get(), y.value.get()) == 0;
  }
}

std::uint64_t XsdDatatype::length_of(const Parsed& parsed) const {
  if (info_.family == Family::list) return parsed.items;
  if (info_.name == "hexBinary") return parsed.normal.size() / 2;
  if (info_.name == "base64Binary") {
    std::uint64_t symbols = 0;  // 6 bits each
    for (char c : parsed.normal)
      if (c != ' ' && c != '=') ++symbols;
    return symbols * 6 / 8;
  }
  return utf8_length(parsed.normal);
}

bool XsdDatatype::satisfies(const Bound& bound, const Parsed& parsed) const {
  bool inclusive = bound.kind == BoundKind::min_inclusive || bound.kind == BoundKind::max_inclusive;
  if (info_.family == Family::libxml) {
    // libxml2 orders NaN above everything; in XML Schema it is equal to itself only.
    if (is_float() && (parsed.normal == "NaN" || bound.text == "NaN"))
      return inclusive && parsed.normal == bound.text;
    return xmlSchemaValidateFacet(lexical_type_, bound.facet.get(),
                                  xml_chars(parsed.normal.c_str()), parsed.value.get()) == 0;
  }
  int c = compare(parsed.number, bound.number);
  switch (bound.kind) {
    case BoundKind::min_inclusive:
      return c >= 0;
    case BoundKind::min_exclusive:
      return c > 0;
    case BoundKind::max_inclusive:
      return c <= 0;
    case BoundKind::max_exclusive:
      return c < 0;
  }
  return false;
}

bool XsdDatatype::check_facets(const Parsed& parsed, std::string* why) const {
  if (length_ || min_length_ || max_length_) {
    std::string_view unit = info_.family == Family::list     ? "item"
                            : info_.name.ends_with("Binary") ? "byte"
                                                             : "character";
    std::uint64_t n = length_of(parsed);
    if (length_ && n != *length_) return fail(why, "must have exactly " + count_of(*length_, unit));
    if (min_length_ && n < *min_length_)
      return fail(why, "must have at least " + count_of(*min_length_, unit));
    if (max_length_ && n > *max_length_)
      return fail(why, "must have at most " + count_of(*max_length_, unit));
  }
  for (const auto& pattern : patterns_)
    if (xmlSchemaValidateFacet(string_type_, pattern->facet.get(), xml_chars(parsed.normal.c_str()),
                               nullptr) != 0)
      return fail(why, "must match the pattern " + quoted(pattern->source));
  for (const auto& bound : bounds_) {
    if (satisfies(*bound, parsed)) continue;
    switch (bound->kind) {
      case BoundKind::min_inclusive:
        return fail(why, "must be at least " + bound->text);
      case BoundKind::min_exclusive:
        return fail(why, "must be greater than " + bound->text);
      case BoundKind::max_inclusive:
        return fail(why, "must be at most " + bound->text);
      case BoundKind::max_exclusive:
        return fail(why, "must be less than " + bound->text);
    }
  }
  if (total_digits_ &&
      parsed.number.integer.size() + parsed.number.fraction.size() > *total_digits_)
    return fail(why, "must have at most " + count_of(*total_digits_, "digit"));
  if (fraction_digits_ && parsed.number.fraction.size() > *fraction_digits_)
    return fail(why, "must have at most " + count_of(*fraction_digits_, "digit") +
                         " after the decimal point");
  return true;
}

bool XsdDatatype::compile(const std::vector<DatatypeParam>& params, DatatypeError& error) {
  if (info_.libxml_type != nullptr && lexical_type_ == nullptr) {
    error.message = "libxml2 lacks the XML Schema datatype " + quoted(info_.libxml_type);
    return false;
  }
  std::set<std::string> seen;
  for (const DatatypeParam& param : params) {
    if (param.name != "pattern" && !seen.insert(param.name).second) {
      error.message = "duplicate parameter " + quoted(param.name);
      return false;
    }
    if (!add_param(param, error)) return false;
  }
  return check_consistency(error);
}

bool XsdDatatype::add_param(const DatatypeParam& param, DatatypeError& error) {
  const std::string& n = param.name;
  auto reject = [&](std::string message) {
    error.message = std::move(message);
    return false;
  };
  if (n == "enumeration")
    return reject(
        "parameter \"enumeration\" is not allowed in RELAX NG "
        "(use value elements in a choice)");
  if (n == "whiteSpace") return reject("parameter \"whiteSpace\" is not allowed in RELAX NG");
  if (n == "pattern") return add_pattern(param.value, error);
  unsigned group = 0;
  if (n == "length" || n == "minLength" || n == "maxLength") group = lengths;
  if (n == "totalDigits" || n == "fractionDigits") group = digits;
  if (n == "minInclusive" || n == "minExclusive" || n == "maxInclusive" || n == "maxExclusive")
    group = bounds;
  if (group == 0) return reject("unknown parameter " + quoted(n));
  if ((info_.facets & group) == 0)
    return reject("parameter " + quoted(n) + " does not apply to datatype " + quoted(name_));
  if (group == bounds) {
    BoundKind kind = n == "minInclusive"   ? BoundKind::min_inclusive
                     : n == "minExclusive" ? BoundKind::min_exclusive
                     : n == "maxInclusive" ? BoundKind::max_inclusive
                                           : BoundKind::max_exclusive;
    return add_bound(kind, param, error);
  }
  std::optional<std::uint64_t> count = parse_count(param.value);
  if (!count) return reject("parameter " + quoted(n) + " must be a non-negative integer");
  if (n == "length") length_ = count;
  if (n == "minLength") min_length_ = count;
  if (n == "maxLength") max_length_ = count;
  if (n == "fractionDigits") fraction_digits_ = count;
  if (n == "totalDigits") {
    if (*count == 0) return reject("parameter \"totalDigits\" must be a positive integer");
    total_digits_ = count;
  }
  return true;
}

bool XsdDatatype::add_pattern(const std::string& source, DatatypeError& error) {
  std::string problem;
  std::optional<std::string> regex = translate_xsd_regex(source, problem);
  if (!regex) {
    error.message = "parameter \"pattern\" is not a valid regular expression: " + problem;
    return false;
  }
  auto pattern = std::make_unique<Pattern>();
  pattern->source = source;
  pattern->regex = std::move(*regex);
  pattern->facet.reset(xmlSchemaNewFacet());
  if (!pattern->facet) throw std::bad_alloc();
  pattern->facet->type = XML_SCHEMA_FACET_PATTERN;
  pattern->facet->value = xml_chars(pattern->regex.c_str());
  std::vector<Diagnostic> problems;
  int rc = 0;
  {
    xml::ErrorCapture capture(problems, "", "regexp");
    rc = xmlSchemaCheckFacet(pattern->facet.get(), string_type_, nullptr, nullptr);
  }
  if (rc != 0 || pattern->facet->regexp == nullptr) {
    error.message = "parameter \"pattern\" is not a valid regular expression";
    if (!problems.empty()) error.message += ": " + problems.front().message;
    return false;
  }
  patterns_.push_back(std::move(pattern));
  return true;
}

bool XsdDatatype::add_bound(BoundKind kind, const DatatypeParam& param, DatatypeError& error) {
  auto bound = std::make_unique<Bound>();
  bound->kind = kind;
  bound->name = param.name;
  bound->text = collapse_whitespace(param.value);
  const std::string invalid = "parameter " + quoted(param.name) + " must be a valid " + name_ +
                              ", not " + quoted(bound->text);
  if (info_.family != Family::libxml) {
    Parsed parsed;
    if (!parse(bound->text, EmptyContext(), parsed, nullptr)) {
      error.message = invalid;
      return false;
    }
    bound->number = std::move(parsed.number);
  } else {
    bound->lexical = shift_negative_year(bound->text).value_or(bound->text);
    bound->facet.reset(xmlSchemaNewFacet());
    if (!bound->facet) throw std::bad_alloc();
    bound->facet->type = kind == BoundKind::min_inclusive   ? XML_SCHEMA_FACET_MININCLUSIVE
                         : kind == BoundKind::min_exclusive ? XML_SCHEMA_FACET_MINEXCLUSIVE
                         : kind == BoundKind::max_inclusive ? XML_SCHEMA_FACET_MAXINCLUSIVE
                                                            : XML_SCHEMA_FACET_MAXEXCLUSIVE;
    bound->facet->value = xml_chars(bound->lexical.c_str());
    std::vector<Diagnostic> problems;
    int rc = 0;
    {
      xml::ErrorCapture capture(problems, "", "schema");
      rc = xmlSchemaCheckFacet(bound->facet.get(), lexical_type_, nullptr, nullptr);
    }
    if (rc != 0 || bound->facet->val == nullptr) {
      error.message = invalid;
      return false;
    }
  }
  bounds_.push_back(std::move(bound));
  return true;
}

bool XsdDatatype::check_consistency(DatatypeError& error) const {
  auto reject = [&](std::string message) {
    error.message = std::move(message);
    return false;
  };
  if (length_ && (min_length_ || max_length_))
    return reject("parameter \"length\" cannot be combined with \"minLength\" or \"maxLength\"");
  if (min_length_ && max_length_ && *min_length_ > *max_length_)
    return reject("parameter \"minLength\" is greater than \"maxLength\"");
  if (total_digits_ && fraction_digits_ && *fraction_digits_ > *total_digits_)
    return reject("parameter \"fractionDigits\" is greater than \"totalDigits\"");
  if (info_.family == Family::integer && fraction_digits_ && *fraction_digits_ != 0)
    return reject("parameter \"fractionDigits\" must be 0 for datatype " + quoted(name_));
  const Bound* lower = nullptr;
  const Bound* upper = nullptr;
  for (const auto& bound : bounds_) {
    bool is_lower =
        bound->kind == BoundKind::min_inclusive || bound->kind == BoundKind::min_exclusive;
    const Bound*& slot = is_lower ? lower : upper;
    if (slot != nullptr)
      return reject("parameters " + quoted(slot->name) + " and " + quoted(bound->name) +
                    " cannot both be given");
    slot = bound.get();
  }
  if (lower == nullptr || upper == nullptr) return true;
  int c = info_.family == Family::libxml
              ? xmlSchemaCompareValues(lower->facet->val, upper->facet->val)
              : compare(lower->number, upper->number);
  bool mixed =
      (lower->kind == BoundKind::min_inclusive) != (upper->kind == BoundKind::max_inclusive);
  if (c == 1 || (mixed && c == 0))  // 2: not comparable, which is no contradiction
    return reject("parameters " + quoted(lower->name) + " " + quoted(lower->text) + " and " +
                  quoted(upper->name) + " " + quoted(upper->text) + " leave no value");
  return true;
}

}  // namespace

std::shared_ptr<const Datatype> make_xsd_datatype(std::string_view type,
                                                  const std::vector<DatatypeParam>& params,
                                                  DatatypeError& error) {
  init_types();
  for (const TypeInfo& info : type_table) {
    if (info.name != type) continue;
    auto datatype = std::make_shared<XsdDatatype>(info);
    if (!datatype->compile(params, error)) return nullptr;
    return datatype;
  }
  error.message = "unknown XML Schema datatype " + quoted(type);
  return nullptr;
}

}  // namespace teikit::validate::relaxng::detail
