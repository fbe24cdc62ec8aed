// Replays every input kept under tests/regressions/<target>/ (crashes and invariant breaks the fuzzers
// found, and the eSpeak NG crash inputs) through the same checks as the fuzz target of that name
// (fuzz/targets.cpp), so a fixed bug stays fixed in the normal, sanitizer-built test suite.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "fuzz/targets.h"

namespace fs = std::filesystem;
using vorlesen::fuzz::Target;

namespace {

const fs::path kRegressions = fs::path(VORLESEN_FIXTURES_DIR).parent_path() / "regressions";

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("every kept fuzzer input still passes its target's checks", "[regressions]") {
  std::size_t replayed = 0;
  for (const Target& target : vorlesen::fuzz::targets()) {
    const fs::path dir = kRegressions / target.name;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      const std::string bytes = readFile(entry.path());
      INFO(target.name << ": " << entry.path().filename().string() << " (" << target.what << ")");
      CHECK_NOTHROW(target.run(bytes));
      ++replayed;
    }
  }
  // The eSpeak NG crash inputs below are always there; fewer means the folder was not found.
  CHECK(replayed >= 4);
}

TEST_CASE("every folder under tests/regressions/ names a fuzz target", "[regressions]") {
  for (const auto& entry : fs::directory_iterator(kRegressions)) {
    if (!entry.is_directory()) continue;
    INFO(entry.path().filename().string());
    CHECK(vorlesen::fuzz::findTarget(entry.path().filename().string()) != nullptr);
  }
}
