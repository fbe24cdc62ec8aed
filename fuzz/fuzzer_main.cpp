// The libFuzzer entry point, compiled once per target with VORLESEN_FUZZ_TARGET naming it (see
// fuzz/CMakeLists.txt); the work is in targets.cpp, shared with the regression tests.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vorlesen::fuzz::Target* target = [] {
    const vorlesen::fuzz::Target* t = vorlesen::fuzz::findTarget(VORLESEN_FUZZ_TARGET);
    if (!t) {
      std::fprintf(stderr, "fuzz: no target named %s\n", VORLESEN_FUZZ_TARGET);
      std::abort();
    }
    return t;
  }();
  target->run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
