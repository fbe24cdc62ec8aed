// Internal to the front ends: RAII owners for the terminal while a front end runs it.
//
// SignalGuard (both front ends): while it lives, the stop signals (SIGINT, SIGTERM, SIGHUP) only
// set a flag that the loop polls (stopRequested()); fatal signals (SIGSEGV, SIGABRT, SIGBUS, SIGFPE,
// SIGILL) restore the terminal with async-signal-safe calls (the termios saved at start and, for
// the screen, the reset sequence), then re-raise. CursesSession brings the screen up and, in its
// destructor, puts everything back: endwin() and delscreen(), the signal handlers it replaced, and
// fd 2 (pointed at a log file meanwhile). ncurses' ERR becomes an Error in exactly one function
// here (checkCurses). Window owns a WINDOW (delwin). Everything here runs on one thread.
#pragma once

#include <curses.h>

#include <memory>
#include <string>

#include "common/signals.h"
#include "common/stderr.h"

namespace vorlesen::ui {

// Throws Error::output("terminal: <what> failed") when `rc` is ERR; returns `rc` otherwise.
int checkCurses(int rc, const char* what);

struct WindowDeleter {
  void operator()(WINDOW* w) const noexcept { delwin(w); }
};
using Window = std::unique_ptr<WINDOW, WindowDeleter>;
// newwin() that throws instead of returning nullptr.
Window makeWindow(int rows, int cols, int top, int left);

class SignalGuard {
 public:
  // `reset_screen`: a fatal signal also leaves curses' alternate screen and shows the cursor.
  explicit SignalGuard(bool reset_screen);
  ~SignalGuard();
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;
  // The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), or 0.
  static int stopRequested();

 private:
  std::unique_ptr<SignalScope> stop_, fatal_;
};

class CursesSession {
 public:
  // `stderr_log`: where fd 2 goes while the screen is up ("" = /dev/null).
  explicit CursesSession(const std::string& stderr_log);
  ~CursesSession();
  CursesSession(const CursesSession&) = delete;
  CursesSession& operator=(const CursesSession&) = delete;

  bool colors() const { return colors_; }
  // The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP), or 0.
  static int stopRequested() { return SignalGuard::stopRequested(); }

 private:
  SignalGuard signals_;
  StderrRedirect stderr_;
  SCREEN* screen_ = nullptr;
  bool colors_ = false;
};

}  // namespace vorlesen::ui
