// vorlesen — fuzz targets: each feeds arbitrary bytes to one stage and checks its invariants.
//
//   bytes --Target::run()--> the stage under test --> invariants checked (InvariantBroken if not)
//
// Shared by the libFuzzer binaries (fuzz/fuzzer_main.cpp, built with -DVORLESEN_FUZZ=ON and clang)
// and the normal test suite, which replays every input kept under tests/regressions/<target>/
// (tests/regressions/regressions_test.cpp). A broken invariant throws InvariantBroken naming it;
// under libFuzzer the uncaught exception aborts, so the input is kept as a crash. Stages that need
// language data use LanguageData::german(), loaded once. eSpeak NG itself is not run here: it cannot
// be initialized twice in one process; tests/cli/bad_input.sh feeds it hostile text in child
// processes instead. Not thread-safe (the Segmenter target keeps one Segmenter).
#pragma once

#include <stdexcept>
#include <string_view>
#include <vector>

namespace vorlesen::fuzz {

struct InvariantBroken : std::logic_error {
  using std::logic_error::logic_error;
};

struct Target {
  const char* name;  // also the folder of its seeds (fuzz/corpus/) and regressions (tests/regressions/)
  const char* what;
  void (*run)(std::string_view bytes);
};

const std::vector<Target>& targets();
// The target called `name`, or nullptr.
const Target* findTarget(std::string_view name);

}  // namespace vorlesen::fuzz
