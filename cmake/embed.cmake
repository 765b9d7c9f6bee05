# Writes OUTPUT: a C++ source defining `std::string_view NAME()` that returns the bytes of
# INPUT. Run as: cmake -DINPUT=… -DOUTPUT=… -DNAME=… -P embed.cmake
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT}; do not edit.
#include <string_view>

namespace teikit::builtin {
namespace {
const char data[] = {
  ${bytes}
};
}  // namespace

std::string_view ${NAME}() { return std::string_view(data, ${size}); }

}  // namespace teikit::builtin
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
