#pragma once

#include <string_view>

namespace teikit::builtin {

/// schemas/teikit.rng, compiled into the binary.
std::string_view teikit_rng();

/// schemas/teikit.sch, compiled into the binary.
std::string_view teikit_sch();

}  // namespace teikit::builtin
