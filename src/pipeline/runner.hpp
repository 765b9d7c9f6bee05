#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/inputs.hpp"
#include "pipeline/report.hpp"
#include "validate/schema_set.hpp"

namespace teikit::pipeline {

/// What `teikit run` was asked to do.
struct RunOptions {
  std::vector<std::string> inputs;
  std::string outdir;
  std::vector<std::string> formats{"html"};
  validate::SchemaOptions schemas;
  unsigned jobs = 0;
  std::optional<Shard> shard;
};

/// The outcome of a run: one report per document processed, in input order.
struct RunResult {
  std::vector<DocumentReport> documents;
  std::size_t total = 0;  // documents selected (more than processed when interrupted)
  bool interrupted = false;
};

/// Called after each document with (done, total); from worker threads, serialised.
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

/// Converts, validates and transforms every input; writes OUTDIR/report.json. Stops taking
/// new documents when `stop` becomes true. Throws IoError / SchemaError / TransformError
/// for problems of the run itself (unusable output folder, schema or format).
RunResult run_batch(const RunOptions& options, const std::atomic<bool>& stop,
                    const ProgressCallback& progress);

}  // namespace teikit::pipeline
