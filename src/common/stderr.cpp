#include "common/stderr.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <mutex>
#include <vector>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

// The scopes alive, oldest first, and fd 2 as it was before the first of them.
struct Registry {
  struct Scope {
    int id;
    int fd;
    StderrRedirect::OwnLines own;
  };
  std::mutex mutex;
  std::vector<Scope> scopes;  // guarded by mutex, as are the two below
  int original = -1;
  int next_id = 0;

  // Points fd 2 at the newest scope, or back at the original. Caller holds the mutex.
  void apply() {
    std::fflush(stderr);
    ::dup2(scopes.empty() ? original : scopes.back().fd, STDERR_FILENO);
  }

  // Where the program's own lines go now. Caller holds the mutex.
  int ownLinesFd() const {
    for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
      if (it->own == StderrRedirect::OwnLines::Along) return it->fd;
    }
    return scopes.empty() ? STDERR_FILENO : original;
  }
};

Registry& registry() {
  static Registry r;
  return r;
}

void writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to say it
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

StderrRedirect::StderrRedirect(const std::string& path, OwnLines own) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  if (r.scopes.empty()) {
    r.original = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (r.original < 0) throw Error::fromErrno(ErrorKind::Output, "stderr", N_("cannot duplicate"), errno);
  }
  int fd = path.empty() ? -1 : ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  id_ = r.next_id++;
  r.scopes.push_back(Registry::Scope{id_, fd, own});
  r.apply();
}

StderrRedirect::~StderrRedirect() {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (auto it = r.scopes.begin(); it != r.scopes.end(); ++it) {
    if (it->id != id_) continue;
    const int fd = it->fd;
    r.scopes.erase(it);
    r.apply();
    if (fd >= 0) ::close(fd);
    break;
  }
  if (r.scopes.empty() && r.original >= 0) {
    ::close(r.original);
    r.original = -1;
  }
}

void printLine(std::string_view line) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  std::fflush(stderr);  // what std::cerr or stdio buffered goes first
  std::string out(line);
  out.push_back('\n');
  writeAll(r.ownLinesFd(), out);
}

std::string terminalLine(std::string message) {
  blankControlCharacters(message);
  for (char& c : message) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return message;
}

void printWarning(const std::string& message) {
  printLine("vorlesen: " + terminalLine(format(tr("warning: {}"), message)));
}

}  // namespace vorlesen
