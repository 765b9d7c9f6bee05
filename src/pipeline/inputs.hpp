#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace teikit::pipeline {

/// One transcript to process and where its outputs go (OUTDIR/stem + extension).
struct Input {
  std::filesystem::path path;
  std::string stem;  // relative output name without extension, e.g. "letters/007"
};

/// A K-th of N slice of the inputs (K from 1).
struct Shard {
  unsigned index = 1;
  unsigned count = 1;
};

/// Parses "K/N" (1 ≤ K ≤ N); returns nothing when malformed.
std::optional<Shard> parse_shard(const std::string& text);

/// Collects transcripts from files and directories (recursively: *.txt, *.md), in a
/// deterministic order, with output names that mirror the folders below each directory
/// argument. Throws IoError for an argument that does not exist.
std::vector<Input> collect_inputs(const std::vector<std::string>& arguments);

/// The inputs of one shard: every N-th input, starting at the K-th.
std::vector<Input> select_shard(const std::vector<Input>& inputs, Shard shard);

}  // namespace teikit::pipeline
