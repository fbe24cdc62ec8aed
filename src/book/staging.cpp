#include "book/staging.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc >= 2.28)
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace fs = std::filesystem;

namespace vorlesen {

namespace {

fs::path folderOf(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

// Matches AtomicFile's temporary names, so both kinds of leftovers are found the same way.
std::string stagingPrefix(const fs::path& target) { return "." + target.filename().string() + ".vorlesen-"; }

fs::path withoutTrailingSlash(const std::string& path) {
  fs::path p(path);
  return p.filename().empty() ? p.parent_path() : p;
}

}  // namespace

StagingDirectory::StagingDirectory(const std::string& output) {
  const fs::path target = withoutTrailingSlash(output);
  std::string pattern = (folderOf(target) / (stagingPrefix(target) + "XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) throw Error::fromErrno(ErrorKind::Output, output, tr("cannot create output"), errno);
  path_ = pattern;
}

StagingDirectory::~StagingDirectory() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void publishDirectory(const std::string& from, const std::string& to, const std::string& marker) {
  const fs::path target = withoutTrailingSlash(to);
  // mkdtemp made it private; give it the permissions a plain mkdir would (0777 & ~umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(from.c_str(), 0777 & ~mask);
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(target, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) throw Error::output(format(tr("{}: exists and is not a folder"), to));
    if (!fs::is_empty(target, ec) && !fs::exists(target / marker, ec)) {
      throw Error::output(format(tr("{}: is a folder with other files in it; it is not replaced"), to));
    }
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return;
    if (errno != EINVAL && errno != ENOSYS) {
      throw Error::fromErrno(ErrorKind::Output, to, tr("cannot move the finished book into place"), errno);
    }
    // A file system without exchange: the old book goes first, for the moment between the renames.
    fs::remove_all(target, ec);
  }
  if (std::rename(from.c_str(), target.c_str()) != 0) {
    throw Error::fromErrno(ErrorKind::Output, to, tr("cannot move the finished book into place"), errno);
  }
}

void removeStagingLeftovers(const std::string& output) {
  const fs::path target = withoutTrailingSlash(output);
  const std::string prefix = stagingPrefix(target);
  std::error_code ec;
  for (fs::directory_iterator it(folderOf(target), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) == 0 && name.size() >= prefix.size() + 6) {
      std::error_code rm_ec;
      fs::remove_all(it->path(), rm_ec);
    }
  }
}

void linkOrCopy(const std::string& from, const std::string& to) {
  if (::link(from.c_str(), to.c_str()) == 0) return;
  std::error_code ec;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) throw Error::output(format(tr("{}: cannot copy: {}"), to, ec.message()));
}

}  // namespace vorlesen
