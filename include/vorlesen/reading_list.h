// vorlesen — a reading list: `vorlesen play A B C` reads several articles in one session.
//
//   inputs (files, links, "-") --ReadingList: which article is current, which can be read,
//                                where each was left--> Playback (playback.h) --> front ends (ui.h)
//
// Pure bookkeeping, no I/O: Playback loads the article the list points at and tells the list when
// an input cannot be read (it is skipped from then on) and where the listener left an article (the
// sentence heard, or heard to the end). next()/previous() name the neighbouring article that is not
// known to be unreadable; at the ends of the list there is none. The position kept for an article
// is where reading it resumes when it is reached again in this session (0 once it was heard to the
// end); positions across sessions are the front end's (src/ui/resume.h).
//
// Thread-safety: a plain value; one thread uses it (Playback's caller).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace vorlesen {

class ReadingList {
 public:
  // At least one input; the first is current.
  explicit ReadingList(std::vector<std::string> inputs);

  std::size_t size() const { return articles_.size(); }
  std::size_t current() const { return current_; }
  const std::string& input(std::size_t index) const { return articles_.at(index).input; }

  // The readable neighbour after / before the current article; nullopt at the end / the start
  // (inputs marked unreadable are passed over).
  std::optional<std::size_t> next() const;
  std::optional<std::size_t> previous() const;
  // Makes `index` current (throws std::out_of_range past the end).
  void moveTo(std::size_t index);

  // The input could not be read; next()/previous() pass over it from now on.
  void markUnreadable(std::size_t index);
  bool unreadable(std::size_t index) const { return articles_.at(index).unreadable; }

  // Where the listener left article `index`: at sentence `sentence`, or heard to the end (then it
  // starts from its beginning when reached again).
  void leave(std::size_t index, std::size_t sentence, bool heard_to_end);
  // The sentence reading article `index` starts at when it is reached.
  std::size_t position(std::size_t index) const { return articles_.at(index).position; }
  // Sets where article `index` starts (e.g. a position remembered from an earlier session).
  void setPosition(std::size_t index, std::size_t sentence) { articles_.at(index).position = sentence; }

 private:
  struct Article {
    std::string input;
    bool unreadable = false;
    std::size_t position = 0;
  };
  std::optional<std::size_t> step(bool forward) const;

  std::vector<Article> articles_;
  std::size_t current_ = 0;
};

}  // namespace vorlesen
