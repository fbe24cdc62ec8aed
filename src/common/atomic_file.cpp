#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace fs = std::filesystem;

namespace vorlesen {

namespace {

fs::path directoryOf(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

std::string temporaryPrefix(const fs::path& target) { return "." + target.filename().string() + ".vorlesen-"; }

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  const fs::path target(path_);
  std::error_code ec;
  if (fs::is_directory(target, ec)) throw Error::output(format(tr("{}: is a directory, expected an output file name"), path_));
  std::string pattern = (directoryOf(target) / (temporaryPrefix(target) + "XXXXXX")).string();
  fd_ = ::mkstemp(pattern.data());
  if (fd_ < 0) throw Error::fromErrno(ErrorKind::Output, path_, N_("cannot create output file"), errno);
  tmp_path_ = pattern;
  // mkstemp creates 0600; give the file the permissions a plain create would (0666 & ~umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd_, 0666 & ~mask);
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error::fromErrno(ErrorKind::Output, path_, N_("cannot write"), errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void AtomicFile::commit() {
  // On disk before the rename, so that a crash leaves the old file or the whole new one, never an
  // empty or partial one. Through the name: a library that wrote the file by name (libzip, TagLib)
  // may have replaced the inode behind fd_.
  // A file system that cannot sync at all (EINVAL, ENOTSUP, ENOSYS: some FUSE file systems) is
  // not an error; one that fails to write the data (EIO, ENOSPC, EDQUOT) is.
  const int synced = ::open(tmp_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (synced < 0 || ::fdatasync(synced) != 0) {
    const int err = errno;
    if (synced >= 0) ::close(synced);
    if (synced < 0 || (err != EINVAL && err != ENOTSUP && err != ENOSYS)) {
      throw Error::fromErrno(ErrorKind::Output, path_, N_("cannot finish file"), err);
    }
  } else {
    ::close(synced);
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw Error::fromErrno(ErrorKind::Output, path_, N_("cannot finish file"), errno);
  if (std::rename(tmp_path_.c_str(), path_.c_str()) != 0) {
    throw Error::fromErrno(ErrorKind::Output, path_, N_("cannot move finished file into place"), errno);
  }
  tmp_path_.clear();
}

void AtomicFile::discard() noexcept {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!tmp_path_.empty()) {
    std::remove(tmp_path_.c_str());
    tmp_path_.clear();
  }
}

int removeTemporaries(const std::string& path) {
  const fs::path target(path);
  const std::string prefix = temporaryPrefix(target);
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(directoryOf(target), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    // mkstemp's six characters follow the prefix; nothing else of ours looks like that.
    if (name.size() == prefix.size() + 6 && name.compare(0, prefix.size(), prefix) == 0) {
      std::error_code rm_ec;
      if (fs::remove(it->path(), rm_ec)) ++removed;
    }
  }
  return removed;
}

}  // namespace vorlesen
