// Internal: FNV-1a, 64 bit — a small, stable hash for fingerprints that must not change between runs
// or machines (settings recorded in output files, the Ogg stream serial number). Not cryptographic.
#pragma once

#include <cstddef>
#include <cstdint>
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

 private:
  std::uint64_t value_ = 0xcbf29ce484222325ULL;
};

}  // namespace vorlesen
