// Internal: a scratch folder beside an output, and publishing a folder all at once.
//
// StagingDirectory makes ".NAME.vorlesen-XXXXXX" in the output's folder (the naming AtomicFile uses,
// so one rename or exchange moves it onto the output within one file system) and removes it with
// everything in it when destroyed. publishDirectory() puts a finished folder in the output's place:
// a plain rename when there is none yet, else an atomic exchange (renameat2 RENAME_EXCHANGE) after
// which the old book is in the staging folder and goes with it. removeStagingLeftovers() clears what
// a killed run left. Not thread-safe.
#pragma once

#include <string>

namespace vorlesen {

class StagingDirectory {
 public:
  // Throws Error::output naming `output` when its folder is missing or not writable.
  explicit StagingDirectory(const std::string& output);
  ~StagingDirectory();
  StagingDirectory(const StagingDirectory&) = delete;
  StagingDirectory& operator=(const StagingDirectory&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Moves folder `from` onto `to` atomically; a folder already at `to` ends up at `from`. Throws
// Error::output when `to` is something else than a folder, or a folder without `marker` in it (it is
// not an earlier output and is not replaced).
void publishDirectory(const std::string& from, const std::string& to, const std::string& marker);

// Removes the staging folders and temporary files earlier runs for `output` left behind.
void removeStagingLeftovers(const std::string& output);

// Links `from` to `to` (same file system), else copies it. Throws Error::output.
void linkOrCopy(const std::string& from, const std::string& to);

}  // namespace vorlesen
