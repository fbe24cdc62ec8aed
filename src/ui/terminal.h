// Internal to the reading screen: RAII owners for the terminal while curses runs it.
//
// CursesSession brings the screen up and, in its destructor, puts everything back: endwin() and
// delscreen(), the signal handlers it replaced, and fd 2 (pointed at a log file meanwhile). The
// stop signals (SIGINT, SIGTERM, SIGHUP) only set a flag that the UI loop polls (stopRequested());
// fatal signals (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL) reset the terminal with async-signal-safe
// writes and the termios saved at start, then re-raise. ncurses' ERR becomes an Error in exactly one
// function here (checkCurses). Window owns a WINDOW (delwin). Everything here runs on one thread.
#pragma once

#include <curses.h>

#include <memory>
#include <string>

namespace vorlesen::ui {

// Throws Error::output("terminal: <what> failed") when `rc` is ERR; returns `rc` otherwise.
int checkCurses(int rc, const char* what);

struct WindowDeleter {
  void operator()(WINDOW* w) const noexcept { delwin(w); }
};
using Window = std::unique_ptr<WINDOW, WindowDeleter>;
// newwin() that throws instead of returning nullptr.
Window makeWindow(int rows, int cols, int top, int left);

class CursesSession {
 public:
  // `stderr_log`: where fd 2 goes while the screen is up ("" = /dev/null).
  explicit CursesSession(const std::string& stderr_log);
  ~CursesSession();
  CursesSession(const CursesSession&) = delete;
  CursesSession& operator=(const CursesSession&) = delete;

  bool colors() const { return colors_; }
  // The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), or 0.
  static int stopRequested();

 private:
  class StderrRedirect;
  class SignalGuard;
  std::unique_ptr<StderrRedirect> stderr_;
  std::unique_ptr<SignalGuard> signals_;
  SCREEN* screen_ = nullptr;
  bool colors_ = false;
};

}  // namespace vorlesen::ui
