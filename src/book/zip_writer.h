// Internal: a ZIP archive (EPUB container, zipped DAISY book) written with libzip, appearing complete
// or not at all.
//
// ZipWriter reserves a temporary name beside the target (AtomicFile), lets libzip build the archive
// there and renames it onto the target in commit(); destroyed uncommitted it discards everything.
// Entries keep the order they were added in (EPUB needs "mimetype" first and stored), carry the given
// modification time (so the same book gives the same bytes) and no extra fields. Contents passed as
// strings are kept until commit(); files are read then. libzip's errors become an Error in zipError()
// only. Not thread-safe; one owner.
#pragma once

#include <ctime>
#include <deque>
#include <memory>
#include <string>

struct zip;
struct zip_source;

namespace vorlesen {

class AtomicFile;

class ZipWriter {
 public:
  // Throws Error::output naming `path` when it cannot be created.
  ZipWriter(std::string path, std::time_t mtime);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  enum class Compression { Store, Deflate };
  void add(const std::string& name, std::string content, Compression compression = Compression::Deflate);
  // `file` is read in commit(); stored, since the files added this way (MP3) are compressed already.
  void addFile(const std::string& name, const std::string& file);
  void setComment(const std::string& comment);
  // Writes the archive and renames it onto the target. Throws Error::output on failure.
  void commit();

 private:
  void addSource(const std::string& name, ::zip_source* source, Compression compression);
  std::string path_;
  std::unique_ptr<AtomicFile> reserved_;
  ::zip* archive_ = nullptr;
  std::time_t mtime_;
  std::deque<std::string> contents_;  // what string entries point into until the archive is written
};

// The archive comment of a ZIP file, or "" when it has none or cannot be read.
std::string zipComment(const std::string& path);

}  // namespace vorlesen
