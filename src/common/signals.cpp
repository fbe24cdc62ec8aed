#include "common/signals.h"

namespace vorlesen {

SignalScope::SignalScope(std::initializer_list<int> signals, void (*handler)(int), int flags) {
  struct sigaction action {};
  action.sa_handler = handler;
  action.sa_flags = flags;
  sigemptyset(&action.sa_mask);
  saved_.reserve(signals.size());
  for (int sig : signals) {
    saved_.emplace_back();
    saved_.back().first = sig;
    ::sigaction(sig, &action, &saved_.back().second);
  }
}

void SignalScope::restore() const noexcept {
  for (const auto& [sig, previous] : saved_) ::sigaction(sig, &previous, nullptr);
}

}  // namespace vorlesen
