// Internal: an output file that appears complete or not at all.
//
// AtomicFile creates a temporary file beside the target ("<dir>/.<name>.vorlesen-XXXXXX", so the
// final rename stays on one file system and is atomic), hands out its descriptor, and renames it
// onto the target in commit(). Destroyed uncommitted (error, exception, interruption) it removes the
// temporary file. A process killed outright cannot run that destructor: removeTemporaries() lets the
// process that started it clean up afterwards. Not thread-safe; one owner.
#pragma once

#include <string>
#include <string_view>

namespace vorlesen {

class AtomicFile {
 public:
  // Throws Error::output naming `path` when it is a directory or its directory is not writable.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  // The temporary file's name, for a library that writes or opens the file by name (libzip, TagLib)
  // before commit().
  const std::string& temporaryPath() const { return tmp_path_; }
  // Appends all of `bytes`; throws Error::output on failure (disk full ...).
  void write(std::string_view bytes);
  // Has the file written to disk (fdatasync), closes it and renames it onto path(). Throws
  // Error::output on failure.
  void commit();

 private:
  void discard() noexcept;
  std::string path_;
  std::string tmp_path_;
  int fd_ = -1;
};

// Removes temporary files an AtomicFile for `path` may have left (its writer was killed). Returns how
// many it removed.
int removeTemporaries(const std::string& path);

}  // namespace vorlesen
