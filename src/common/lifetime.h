// vorlesen — data that lives as long as the process.
//
// What a command builds once and uses to its end (the language data, the pipeline with its compiled
// rules) is not taken apart at exit: freeing tens of thousands of small objects one by one, many of
// them in pages shared copy-on-write with a render worker, costs milliseconds and page faults and
// gives nothing back that exit does not. The pointers stay reachable from here, so leak checkers
// (LeakSanitizer, valgrind) count the memory as still in use, not as lost.
#pragma once

#include <memory>
#include <utility>
#include <vector>

namespace vorlesen {

// Keeps `p` (and what it owns) alive until the process ends. For the main thread, before others start.
inline void keepAlive(std::shared_ptr<const void> p) {
  static auto* const kept = new std::vector<std::shared_ptr<const void>>;  // never destroyed, on purpose
  kept->push_back(std::move(p));
}

// keepAlive(p), and p.
template <class T>
std::shared_ptr<T> keepUntilExit(std::shared_ptr<T> p) {
  keepAlive(p);
  return p;
}

}  // namespace vorlesen
