// ReadingList: which article of `vorlesen play A B C` is current, and where each was left
// (see include/vorlesen/reading_list.h).
#include "vorlesen/reading_list.h"

#include <stdexcept>

namespace vorlesen {

ReadingList::ReadingList(std::vector<std::string> inputs) {
  if (inputs.empty()) throw std::invalid_argument("a reading list needs at least one input");
  articles_.reserve(inputs.size());
  for (std::string& input : inputs) articles_.push_back(Article{std::move(input)});
}

std::optional<std::size_t> ReadingList::step(bool forward) const {
  std::size_t i = current_;
  while (forward ? i + 1 < articles_.size() : i > 0) {
    i = forward ? i + 1 : i - 1;
    if (!articles_[i].unreadable) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> ReadingList::next() const { return step(true); }
std::optional<std::size_t> ReadingList::previous() const { return step(false); }

void ReadingList::moveTo(std::size_t index) {
  if (index >= articles_.size()) throw std::out_of_range("no such article in the reading list");
  current_ = index;
}

void ReadingList::markUnreadable(std::size_t index) { articles_.at(index).unreadable = true; }

void ReadingList::leave(std::size_t index, std::size_t sentence, bool heard_to_end) {
  articles_.at(index).position = heard_to_end ? 0 : sentence;
}

}  // namespace vorlesen
