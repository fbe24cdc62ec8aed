#include "common/signals.h"

#include <pthread.h>

namespace vorlesen {

SignalScope::SignalScope(std::initializer_list<int> signals, void (*handler)(int), int flags) {
  struct sigaction action {};
  action.sa_handler = handler;
  action.sa_flags = flags;
  sigemptyset(&action.sa_mask);
  saved_.reserve(signals.size());
  for (int sig : signals) {
    struct sigaction previous {};
    ::sigaction(sig, nullptr, &previous);
    // A signal ignored when the program started stays ignored ("nohup vorlesen render ...", a
    // background job of a shell without job control): the user asked not to be stopped by it.
    if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) continue;
    saved_.emplace_back(sig, previous);
    ::sigaction(sig, &action, nullptr);
  }
}

void SignalScope::restore() const noexcept {
  for (const auto& [sig, previous] : saved_) ::sigaction(sig, &previous, nullptr);
}

SignalBlock::SignalBlock(std::initializer_list<int> signals) {
  sigset_t block;
  sigemptyset(&block);
  for (int sig : signals) sigaddset(&block, sig);
  ::pthread_sigmask(SIG_BLOCK, &block, &previous_);
}

void SignalBlock::restore() const noexcept { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

}  // namespace vorlesen
