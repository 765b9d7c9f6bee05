#include "pipeline/inputs.hpp"

#include <algorithm>
#include <optional>

#include "core/atomic_file.hpp"

namespace teikit::pipeline {

namespace fs = std::filesystem;

std::optional<Shard> parse_shard(const std::string& text) {
  auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  try {
    std::size_t used = 0;
    unsigned long k = std::stoul(text.substr(0, slash), &used);
    if (used != slash) return std::nullopt;
    std::string rest = text.substr(slash + 1);
    unsigned long n = std::stoul(rest, &used);
    if (used != rest.size() || k < 1 || n < 1 || k > n || n > 1000000) return std::nullopt;
    return Shard{static_cast<unsigned>(k), static_cast<unsigned>(n)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<Input> collect_inputs(const std::vector<std::string>& arguments) {
  std::vector<Input> inputs;
  for (const auto& argument : arguments) {
    fs::path path(argument);
    std::error_code error;
    auto status = fs::status(path, error);
    if (error || !fs::exists(status)) throw IoError(argument + ": no such file or directory");
    if (fs::is_directory(status)) {
      std::vector<Input> found;
      for (auto it = fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied);
           it != fs::recursive_directory_iterator(); ++it) {
        const fs::path& file = it->path();
        std::string extension = file.extension().string();
        if (!it->is_regular_file() || (extension != ".txt" && extension != ".md")) continue;
        fs::path relative = file.lexically_relative(path);
        found.push_back(Input{file, (relative.parent_path() / relative.stem()).generic_string()});
      }
      std::sort(found.begin(), found.end(),
                [](const Input& a, const Input& b) { return a.stem < b.stem; });
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else {
      inputs.push_back(Input{path, path.stem().string()});
    }
  }
  return inputs;
}

std::vector<Input> select_shard(const std::vector<Input>& inputs, Shard shard) {
  std::vector<Input> selected;
  for (std::size_t i = shard.index - 1; i < inputs.size(); i += shard.count)
    selected.push_back(inputs[i]);
  return selected;
}

}  // namespace teikit::pipeline
