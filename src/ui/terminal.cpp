#include "ui/terminal.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <csignal>
#include <cstdio>

#include "vorlesen/error.h"

namespace vorlesen::ui {

namespace {

volatile std::sig_atomic_t g_stop_signal = 0;
struct termios g_saved_termios;
volatile std::sig_atomic_t g_have_termios = 0;

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr int kFatalSignals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

extern "C" void onStopSignal(int sig) { g_stop_signal = sig; }

// Only async-signal-safe calls: write(), tcsetattr(), signal(), raise().
extern "C" void onFatalSignal(int sig) {
  static const char kReset[] = "\033[0m\033[?25h\033[?1000l\033[?1049l\r\n";
  ssize_t ignored = ::write(STDOUT_FILENO, kReset, sizeof kReset - 1);
  (void)ignored;
  if (g_have_termios) ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_termios);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

int checkCurses(int rc, const char* what) {
  if (rc == ERR) throw Error::output(std::string("terminal: ") + what + " failed");
  return rc;
}

Window makeWindow(int rows, int cols, int top, int left) {
  WINDOW* w = newwin(rows, cols, top, left);
  if (!w) throw Error::output("terminal: cannot create a " + std::to_string(rows) + "x" + std::to_string(cols) +
                              " window");
  return Window(w);
}

class CursesSession::StderrRedirect {
 public:
  explicit StderrRedirect(const std::string& log) {
    saved_ = ::dup(STDERR_FILENO);
    if (saved_ < 0) throw Error::fromErrno(ErrorKind::Output, "stderr", "cannot duplicate", errno);
    std::fflush(stderr);
    int fd = log.empty() ? -1 : ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
      ::dup2(fd, STDERR_FILENO);
      ::close(fd);
    }
  }
  ~StderrRedirect() {
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
  }
  StderrRedirect(const StderrRedirect&) = delete;
  StderrRedirect& operator=(const StderrRedirect&) = delete;

 private:
  int saved_ = -1;
};

class CursesSession::SignalGuard {
 public:
  SignalGuard() {
    g_stop_signal = 0;
    if (::tcgetattr(STDIN_FILENO, &g_saved_termios) == 0) g_have_termios = 1;
    struct sigaction sa {};
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = onStopSignal;
    for (std::size_t i = 0; i < std::size(kStopSignals); ++i) ::sigaction(kStopSignals[i], &sa, &stop_old_[i]);
    sa.sa_handler = onFatalSignal;
    sa.sa_flags = SA_RESETHAND;
    for (std::size_t i = 0; i < std::size(kFatalSignals); ++i) ::sigaction(kFatalSignals[i], &sa, &fatal_old_[i]);
  }
  ~SignalGuard() {
    for (std::size_t i = 0; i < std::size(kStopSignals); ++i) ::sigaction(kStopSignals[i], &stop_old_[i], nullptr);
    for (std::size_t i = 0; i < std::size(kFatalSignals); ++i) ::sigaction(kFatalSignals[i], &fatal_old_[i], nullptr);
    g_have_termios = 0;
  }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  struct sigaction stop_old_[std::size(kStopSignals)];
  struct sigaction fatal_old_[std::size(kFatalSignals)];
};

CursesSession::CursesSession(const std::string& stderr_log) {
  std::setlocale(LC_ALL, "");
  signals_ = std::make_unique<SignalGuard>();
  stderr_ = std::make_unique<StderrRedirect>(stderr_log);
  screen_ = newterm(nullptr, stdout, stdin);
  if (!screen_) {
    const char* term = std::getenv("TERM");
    throw Error::output(std::string("terminal: cannot start the screen for TERM=") + (term ? term : "(unset)") +
                        " (try --plain)");
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

int CursesSession::stopRequested() { return g_stop_signal; }

}  // namespace vorlesen::ui
