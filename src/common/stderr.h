// Internal: where file descriptor 2 points while C libraries may write to it, and the one way the
// program's own lines (warnings, errors) reach the user.
//
// ALSA, JACK and PortAudio print dozens of lines while PortAudio probes devices and when a device
// fails mid-play; eSpeak NG writes to stderr too. A StderrRedirect points fd 2 at /dev/null or at a
// log file while it lives, so that chatter is silenced; printLine() still puts the program's own
// lines where the user sees them: on the terminal while only the libraries are silenced
// (OwnLines::ToTerminal), into the log while the reading screen owns the terminal (OwnLines::Along).
//
// Scopes may overlap, on several threads, and end in any order: fd 2 always points at the newest
// scope still alive, and back at the original once none is. Everything here is thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace vorlesen {

class StderrRedirect {
 public:
  enum class OwnLines {
    ToTerminal,  // only the libraries' chatter goes to `path`; printLine() still reaches the terminal
    Along,       // everything written meanwhile goes to `path` (the screen owns the terminal)
  };
  // `path`: a log file (created or truncated, mode 0600), or "" for /dev/null; a log that cannot be
  // opened is /dev/null too. Throws Error::output when fd 2 cannot be duplicated.
  StderrRedirect(const std::string& path, OwnLines own);
  ~StderrRedirect();
  StderrRedirect(const StderrRedirect&) = delete;
  StderrRedirect& operator=(const StderrRedirect&) = delete;

 private:
  int id_;
};

// Writes `line` and a line break where the user reads the program's messages (see above).
void printLine(std::string_view line);

// A message as one line the terminal shows safely: control characters blanked (file names and input
// text are quoted in messages), line breaks and TABs made spaces.
std::string terminalLine(std::string message);

// "vorlesen: warning: MESSAGE" through printLine().
void printWarning(const std::string& message);

}  // namespace vorlesen
