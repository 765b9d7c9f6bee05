#pragma once

#include <string>
#include <string_view>

namespace teikit {

/// `text` as a JSON string literal (quoted, escaped; UTF-8 passes through).
std::string json_string(std::string_view text);

}  // namespace teikit
