#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace teikit {

/// A 64-bit FNV-1a content hash, to notice changed inputs (not for security).
class ContentHash {
 public:
  /// Adds bytes (and a separator, so that "ab"+"c" differs from "a"+"bc").
  ContentHash& add(std::string_view bytes) {
    for (unsigned char c : bytes) state_ = (state_ ^ c) * 0x100000001b3ULL;
    state_ = (state_ ^ 0xff) * 0x100000001b3ULL;
    return *this;
  }
  /// The hash as 16 hex digits.
  std::string hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15, shift = 0; i >= 0; --i, shift += 4) out[i] = digits[(state_ >> shift) & 15];
    return out;
  }

 private:
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace teikit
