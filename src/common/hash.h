// Internal: FNV-1a, 64 bit — a small, stable hash for fingerprints that must not change between runs
// or machines (settings recorded in output files, the Ogg stream serial number, the resume key of a
// document). Not cryptographic. A plain value; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vorlesen {

class Fnv1a64 {
 public:
  void add(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      value_ ^= p[i];
      value_ *= 0x100000001b3ULL;
    }
  }
  void add(std::string_view text) { add(text.data(), text.size()); }
  std::uint64_t value() const { return value_; }
  // value() as 16 lower-case hex digits.
  std::string hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15, shift = 0; i >= 0; --i, shift += 4) out[static_cast<std::size_t>(i)] = kDigits[(value_ >> shift) & 0xF];
    return out;
  }

 private:
  std::uint64_t value_ = 0xcbf29ce484222325ULL;
};

}  // namespace vorlesen
