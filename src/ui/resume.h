// Internal to the reading screen: where each document was left, kept across runs.
//
// One TSV file in the XDG state directory, $XDG_STATE_HOME/vorlesen/positions.tsv (default
// ~/.local/state/vorlesen/positions.tsv). One line per document, newest first:
//   HASH <TAB> SENTENCE <TAB> BYTE_OFFSET <TAB> UNIX_TIME <TAB> NAME
// HASH is contentHash() of Document::text, so a renamed or moved file is still recognised and an
// edited one is not. Only the newest kMaxEntries documents are kept. Lines that do not parse are
// dropped on the next save rather than stopping playback.
// A ResumeStore is a plain value naming the file; it is not thread-safe (the UI thread uses it).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vorlesen::ui {

struct ResumePoint {
  std::size_t sentence = 0;  // index into the prepared sentences
  std::size_t offset = 0;    // byte offset of that sentence in Document::text
};

// 16 lowercase hex digits: 64-bit FNV-1a of the bytes. Stable across runs and machines.
std::string contentHash(std::string_view text);

class ResumeStore {
 public:
  static constexpr std::size_t kMaxEntries = 500;

  explicit ResumeStore(std::string path) : path_(std::move(path)) {}
  // $XDG_STATE_HOME/vorlesen/positions.tsv, else $HOME/.local/state/vorlesen/positions.tsv; empty
  // when neither variable is set (then nothing is remembered).
  static std::string defaultPath();

  const std::string& path() const { return path_; }
  std::optional<ResumePoint> find(const std::string& hash) const;
  // Records `point` for `hash`, replacing the file atomically (temporary file + rename). Throws
  // Error::output naming the file when it cannot be written.
  void save(const std::string& hash, ResumePoint point, const std::string& name) const;
  // Drops the entry (the document was heard to the end). Throws like save().
  void forget(const std::string& hash) const;

 private:
  std::string path_;
};

}  // namespace vorlesen::ui
