// Internal: process-wide signal handlers for the length of a scope.
//
// SignalScope installs one handler for a list of signals and puts the previous actions back when it
// ends, so a command's handlers never outlive it (a test or a later command gets the defaults
// again). A signal that is ignored when the scope begins is left ignored (nohup, background jobs).
// The handler must be async-signal-safe: set a flag, write to a pipe, restore the terminal.
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

// Blocks signals on the calling thread for the length of a scope. Around fork(): a signal sent to the
// child before it has installed its own handlers stays pending until the child calls restore(), instead
// of running the parent's handler in the child and being lost.
class SignalBlock {
 public:
  explicit SignalBlock(std::initializer_list<int> signals);
  ~SignalBlock() { restore(); }
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

  // Puts the mask from before back now.
  void restore() const noexcept;

 private:
  sigset_t previous_{};
};

}  // namespace vorlesen
