// Internal: process-wide signal handlers for the length of a scope.
//
// SignalScope installs one handler for a list of signals and puts the previous actions back when it
// ends, so a command's handlers never outlive it (a test or a later command gets the defaults
// again). The handler must be async-signal-safe: set a flag, write to a pipe, restore the terminal.
// Users: the batch renderer's parent (forwards SIGINT/SIGTERM/SIGHUP to its workers through a pipe)
// and the front ends' SignalGuard (src/ui/terminal.h). Create and destroy it on one thread.
#pragma once

#include <signal.h>

#include <initializer_list>
#include <utility>
#include <vector>

namespace vorlesen {

class SignalScope {
 public:
  // `flags`: sigaction flags, e.g. SA_RESETHAND for a handler that re-raises.
  SignalScope(std::initializer_list<int> signals, void (*handler)(int), int flags = 0);
  ~SignalScope() { restore(); }
  SignalScope(const SignalScope&) = delete;
  SignalScope& operator=(const SignalScope&) = delete;

  // Puts the previous actions back now (also in a freshly forked child, before it installs its own).
  void restore() const noexcept;

 private:
  std::vector<std::pair<int, struct sigaction>> saved_;
};

}  // namespace vorlesen
