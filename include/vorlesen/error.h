// vorlesen — error policy for the whole library.
//
// Library code reports failures a user can act on by throwing vorlesen::Error: a kind (which decides
// the process exit code) and a one-line message that names the file and the problem, in English,
// without a trailing newline. C library error codes (errno, espeak_ERROR, PaError, UErrorCode,
// libsndfile's) are turned into an Error in exactly one function per library, next to the code that
// calls it. Only src/cli/ catches Errors, prints "vorlesen: <message>" on stderr and exits.
// Programming errors (broken invariants) are not Errors; they are asserts.
#pragma once

#include <stdexcept>
#include <string>

namespace vorlesen {

enum class ErrorKind {
  Usage,      // bad command line: exit 2
  Input,      // input file missing, unreadable, a directory ...: exit 1
  Output,     // output cannot be written: exit 1
  Data,       // language data or lexicon broken: exit 1
  Synthesis,  // eSpeak NG failed: exit 1
  Audio,      // no usable audio device, or it failed: exit 3
};

// Process exit codes, documented in README.md and vorlesen.1.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitNoAudio = 3;
constexpr int kExitSomeFailed = 4;  // a batch (render with several inputs) finished, but some inputs failed

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

  static Error usage(const std::string& m) { return Error(ErrorKind::Usage, m); }
  static Error input(const std::string& m) { return Error(ErrorKind::Input, m); }
  static Error output(const std::string& m) { return Error(ErrorKind::Output, m); }
  static Error data(const std::string& m) { return Error(ErrorKind::Data, m); }
  static Error synthesis(const std::string& m) { return Error(ErrorKind::Synthesis, m); }
  static Error audio(const std::string& m) { return Error(ErrorKind::Audio, m); }

  // "PATH: WHAT: strerror(errnum)" — the one place errno becomes a message. WHAT is an English
  // phrase marked with N_() ("cannot open") and translated here; strerror() follows LC_MESSAGES.
  static Error fromErrno(ErrorKind kind, const std::string& path, const std::string& what, int errnum);

  ErrorKind kind() const { return kind_; }
  int exitCode() const;

 private:
  ErrorKind kind_;
};

}  // namespace vorlesen
