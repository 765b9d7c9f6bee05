#include "pipeline/runner.hpp"

#include <filesystem>
#include <mutex>

#include "core/atomic_file.hpp"
#include "core/hash.hpp"
#include "core/json.hpp"
#include "core/parallel.hpp"
#include "core/xml_handles.hpp"
#include "tei/tei_writer.hpp"
#include "teikit/version.hpp"
#include "transcript/reader.hpp"
#include "transform/formats.hpp"
#include "validate/validation.hpp"

namespace teikit::pipeline {
namespace {

namespace fs = std::filesystem;

struct Shared {
  const RunOptions& options;
  validate::SchemaSet schemas;
  std::vector<std::pair<const transform::Format*, std::shared_ptr<const transform::Stylesheet>>>
      formats;
  std::string options_key;  // what, besides the input, decides the outputs
  std::map<std::string, PreviousEntry> previous;
};

void write_output(const Shared& shared, const std::string& relative, std::string_view content) {
  fs::path path = fs::path(shared.options.outdir) / relative;
  fs::create_directories(path.parent_path());
  write_file_atomically(path, content);
}

DocumentReport process(const Shared& shared, validate::DocumentValidator& validator,
                       const Input& input) {
  DocumentReport report;
  report.input = input.path.string();
  report.stem = input.stem;
  std::string bytes;
  try {
    bytes = read_file(input.path);
  } catch (const IoError& e) {
    report.status = "failed";
    report.diagnostics.push_back(
        Diagnostic{report.input, 0, 0, Severity::error, e.what(), "io", {}, {}});
    return report;
  }
  report.hash = ContentHash().add(bytes).add(shared.options_key).add(version).hex();
  if (auto found = shared.previous.find(input.stem); found != shared.previous.end()) {
    const PreviousEntry& before = found->second;
    bool outputs_exist = !before.outputs.empty();
    for (const auto& output : before.outputs)
      outputs_exist = outputs_exist && fs::exists(fs::path(shared.options.outdir) / output);
    if ((before.status == "ok" || before.status == "unchanged") && before.hash == report.hash &&
        outputs_exist) {
      report.status = "unchanged";
      report.outputs = before.outputs;
      report.previous_line = before.line;
      const std::string old_status = "\"status\": \"" + before.status + "\"";
      auto at = report.previous_line.find(old_status);
      if (at != std::string::npos)
        report.previous_line.replace(at, old_status.size(), "\"status\": \"unchanged\"");
      return report;
    }
  }
  auto read = transcript::read_transcript(bytes, report.input);
  report.diagnostics = std::move(read.diagnostics);
  if (!read.document) {
    report.status = "failed";
    return report;
  }
  std::string tei = tei::to_tei_string(*read.document);
  std::string tei_name = input.stem + ".tei.xml";
  std::vector<Diagnostic> problems;
  auto doc = xml::parse_untrusted(tei, tei_name, problems);
  if (!doc) throw std::logic_error(tei_name + ": the TEI writer produced malformed XML");
  auto verdict = validator.validate_document(doc.get(), tei_name);
  for (auto& d : verdict.diagnostics) report.diagnostics.push_back(std::move(d));
  try {
    std::vector<std::pair<std::string, std::string>> outputs{{tei_name, tei}};
    for (const auto& [format, stylesheet] : shared.formats)
      outputs.emplace_back(input.stem + std::string(format->extension),
                           stylesheet->apply(doc.get(), {}, tei_name));
    for (const auto& [name, content] : outputs) {
      write_output(shared, name, content);
      report.outputs.push_back(name);
    }
  } catch (const transform::TransformError& e) {
    for (const auto& d : e.diagnostics()) report.diagnostics.push_back(d);
    report.status = "failed";
    return report;
  } catch (const IoError& e) {
    report.diagnostics.push_back(
        Diagnostic{report.input, 0, 0, Severity::error, e.what(), "io", {}, {}});
    report.status = "failed";
    return report;
  }
  report.status = verdict.valid ? "ok" : "invalid";
  return report;
}

std::string options_json(const RunOptions& options) {
  std::string formats = "[";
  for (std::size_t i = 0; i < options.formats.size(); ++i)
    formats += (i > 0 ? ", " : "") + json_string(options.formats[i]);
  formats += "]";
  std::string schema =
      options.schemas.schema.empty() ? "null" : json_string(options.schemas.schema);
  std::string shard = options.shard ? json_string(std::to_string(options.shard->index) + "/" +
                                                  std::to_string(options.shard->count))
                                    : "null";
  return "{\"to\": " + formats + ", \"schema\": " + schema + ", \"shard\": " + shard + "}";
}

}  // namespace

RunResult run_batch(const RunOptions& options, const std::atomic<bool>& stop,
                    const ProgressCallback& progress) {
  Shared shared{options, validate::load_schemas(options.schemas), {}, {}, {}};
  shared.options_key = options_json(options);
  if (!options.schemas.schema.empty()) shared.options_key += read_file(options.schemas.schema);
  for (const auto& name : options.formats) {
    const auto* format = transform::find_format(name);
    if (format == nullptr) throw IoError("unknown format '" + name + "'; see 'teikit formats'");
    shared.formats.emplace_back(format, transform::compiled_stylesheet(*format));
  }
  fs::create_directories(options.outdir);
  std::string report_path = (fs::path(options.outdir) / "report.json").string();
  shared.previous = read_previous_report(report_path);

  auto inputs = collect_inputs(options.inputs);
  if (options.shard) inputs = select_shard(inputs, *options.shard);
  std::map<std::string, std::string> seen;  // output name → input
  RunResult result;
  result.total = inputs.size();
  std::vector<std::optional<DocumentReport>> reports(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto [it, fresh] = seen.emplace(inputs[i].stem, inputs[i].path.string());
    if (!fresh) {
      DocumentReport clash;
      clash.input = inputs[i].path.string();
      clash.stem = inputs[i].stem;
      clash.status = "failed";
      clash.diagnostics.push_back(Diagnostic{clash.input,
                                             0,
                                             0,
                                             Severity::error,
                                             "its outputs would overwrite those of " + it->second,
                                             "run",
                                             {},
                                             {}});
      reports[i] = std::move(clash);
    }
  }
  std::mutex progress_mutex;
  std::size_t done = 0;
  parallel_for(
      inputs.size(), job_count(options.jobs),
      [&] { return std::make_unique<validate::DocumentValidator>(shared.schemas); },
      [&](auto& validator, std::size_t i) {
        if (stop.load() || reports[i]) return;
        reports[i] = process(shared, *validator, inputs[i]);
        std::lock_guard lock(progress_mutex);
        ++done;
        if (progress) progress(done, inputs.size());
      });
  for (auto& report : reports)
    if (report) result.documents.push_back(std::move(*report));
  result.interrupted = stop.load() && result.documents.size() < inputs.size();
  write_report(report_path, options_json(options), result.documents, result.interrupted);
  return result;
}

}  // namespace teikit::pipeline
