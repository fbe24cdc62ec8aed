#include "ui/terminal.h"

#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen::ui {

namespace {

volatile std::sig_atomic_t g_stop_signal = 0;
struct termios g_saved_termios;
volatile std::sig_atomic_t g_have_termios = 0;
volatile std::sig_atomic_t g_reset_screen = 0;

extern "C" void onStopSignal(int sig) { g_stop_signal = sig; }

// Only async-signal-safe calls: write(), tcsetattr(), signal(), raise().
extern "C" void onFatalSignal(int sig) {
  if (g_reset_screen) {
    static const char kReset[] = "\033[0m\033[?25h\033[?1000l\033[?1049l\r\n";
    ssize_t ignored = ::write(STDOUT_FILENO, kReset, sizeof kReset - 1);
    (void)ignored;
  }
  if (g_have_termios) ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_termios);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

SignalGuard::SignalGuard(bool reset_screen) {
  g_stop_signal = 0;
  g_reset_screen = reset_screen ? 1 : 0;
  if (::tcgetattr(STDIN_FILENO, &g_saved_termios) == 0) g_have_termios = 1;
  stop_ = std::make_unique<SignalScope>(std::initializer_list<int>{SIGINT, SIGTERM, SIGHUP}, onStopSignal);
  fatal_ = std::make_unique<SignalScope>(std::initializer_list<int>{SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL},
                                         onFatalSignal, SA_RESETHAND);
}

SignalGuard::~SignalGuard() {
  fatal_.reset();
  stop_.reset();
  g_have_termios = 0;
  g_reset_screen = 0;
}

int SignalGuard::stopRequested() { return g_stop_signal; }

int checkCurses(int rc, const char* what) {
  if (rc == ERR) throw Error::output(format(tr("terminal: {} failed"), what));
  return rc;
}

Window makeWindow(int rows, int cols, int top, int left) {
  WINDOW* w = newwin(rows, cols, top, left);
  if (!w) throw Error::output(format(tr("terminal: cannot create a {}x{} window"), rows, cols));
  return Window(w);
}

CursesSession::CursesSession(const std::string& stderr_log)
    : signals_(true), stderr_(stderr_log, StderrRedirect::OwnLines::Along) {
  initLocale();  // a UTF-8 LC_CTYPE for ncursesw (main() did it already; only tests reach it here)
  screen_ = newterm(nullptr, stdout, stdin);
  if (!screen_) {
    const char* term = std::getenv("TERM");
    throw Error::output(format(tr("terminal: cannot start the screen for TERM={} (try --plain)"),
                               term ? term : tr("(unset)")));
  }
  try {
    checkCurses(cbreak(), "cbreak");  // Ctrl-C still raises SIGINT
    checkCurses(noecho(), "noecho");
    checkCurses(keypad(stdscr, TRUE), "keypad");
    nonl();
    set_escdelay(25);
    timeout(50);
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, nullptr);
    mouseinterval(0);
    typeahead(-1);  // finish every update even with keys pending, so no half-drawn frame stays
    if (has_colors() && start_color() != ERR) {
      colors_ = true;
      use_default_colors();  // pair 0 keeps the terminal's own colours, also for the mono look
    }
  } catch (...) {
    endwin();
    delscreen(screen_);
    throw;
  }
}

CursesSession::~CursesSession() {
  endwin();
  delscreen(screen_);
}

}  // namespace vorlesen::ui
