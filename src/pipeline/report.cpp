#include "pipeline/report.hpp"

#include <sstream>

#include "core/atomic_file.hpp"
#include "core/json.hpp"
#include "teikit/version.hpp"

namespace teikit::pipeline {
namespace {

// The JSON string value of "key": "…" in a line we wrote ourselves.
std::string string_field(const std::string& line, const std::string& key) {
  std::string needle = "\"" + key + "\": \"";
  auto start = line.find(needle);
  if (start == std::string::npos) return {};
  start += needle.size();
  std::string value;
  for (std::size_t i = start; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      value += line[++i] == 'n' ? '\n' : line[i];
    } else if (line[i] == '"') {
      return value;
    } else {
      value += line[i];
    }
  }
  return {};
}

std::vector<std::string> string_list(const std::string& line, const std::string& key) {
  std::vector<std::string> values;
  std::string needle = "\"" + key + "\": [";
  auto start = line.find(needle);
  if (start == std::string::npos) return values;
  auto end = line.find(']', start);
  std::string list = line.substr(start + needle.size(), end - start - needle.size());
  std::size_t pos = 0;
  while ((pos = list.find('"', pos)) != std::string::npos) {
    auto close = list.find('"', pos + 1);
    if (close == std::string::npos) break;
    values.push_back(list.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
  return values;
}

}  // namespace

std::string report_line(const DocumentReport& r) {
  std::ostringstream out;
  out << "{\"input\": " << json_string(r.input) << ", \"output\": " << json_string(r.stem)
      << ", \"status\": " << json_string(r.status) << ", \"hash\": " << json_string(r.hash)
      << ", \"outputs\": [";
  for (std::size_t i = 0; i < r.outputs.size(); ++i)
    out << (i > 0 ? ", " : "") << json_string(r.outputs[i]);
  out << "], \"diagnostics\": [";
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
    const auto& d = r.diagnostics[i];
    out << (i > 0 ? ", " : "") << "{\"line\": " << d.line << ", \"column\": " << d.column
        << ", \"severity\": " << json_string(severity_name(d.severity))
        << ", \"source\": " << json_string(d.source);
    if (!d.rule.empty()) out << ", \"rule\": " << json_string(d.rule);
    if (!d.path.empty()) out << ", \"path\": " << json_string(d.path);
    out << ", \"message\": " << json_string(d.message) << "}";
  }
  out << "]}";
  return out.str();
}

std::map<std::string, PreviousEntry> read_previous_report(const std::string& path) {
  std::map<std::string, PreviousEntry> entries;
  std::string text;
  try {
    text = read_file(path);
  } catch (const IoError&) {
    return entries;
  }
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with("{\"input\": ")) continue;
    while (!line.empty() && (line.back() == ',' || line.back() == '\r')) line.pop_back();
    PreviousEntry entry{string_field(line, "status"), string_field(line, "hash"),
                        string_list(line, "outputs"), line};
    entries[string_field(line, "output")] = std::move(entry);
  }
  return entries;
}

void write_report(const std::string& path, const std::string& options_json,
                  const std::vector<DocumentReport>& documents, bool interrupted) {
  std::ostringstream out;
  std::size_t counts[4] = {0, 0, 0, 0};  // ok, unchanged, invalid, failed
  std::vector<std::string> problems;
  out << "{\"teikit\": " << json_string(version) << ", \"options\": " << options_json
      << ", \"interrupted\": " << (interrupted ? "true" : "false") << ",\n\"documents\": [\n";
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const auto& d = documents[i];
    out << (d.status == "unchanged" && !d.previous_line.empty() ? d.previous_line : report_line(d))
        << (i + 1 < documents.size() ? ",\n" : "\n");
    if (d.status == "ok") ++counts[0];
    if (d.status == "unchanged") ++counts[1];
    if (d.status == "invalid") ++counts[2];
    if (d.status == "failed") ++counts[3];
    if (d.status == "invalid" || d.status == "failed") problems.push_back(d.input);
  }
  out << "],\n\"summary\": {\"documents\": " << documents.size() << ", \"converted\": " << counts[0]
      << ", \"unchanged\": " << counts[1] << ", \"invalid\": " << counts[2]
      << ", \"failed\": " << counts[3] << ", \"problems\": [";
  for (std::size_t i = 0; i < problems.size(); ++i)
    out << (i > 0 ? ", " : "") << json_string(problems[i]);
  out << "]}}\n";
  write_file_atomically(path, out.str());
}

}  // namespace teikit::pipeline
