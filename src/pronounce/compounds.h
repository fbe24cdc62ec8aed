// vorlesen — compound words read part by part (a helper of the phoneme rules).
//
//   "Hauptstadt" --CompoundSplitter::split()--> {"Haupt", "stadt"}
//   parts' eSpeak phonemes --compose()--> " h 'aU p t S t ,a t " (later parts' stress secondary)
//
// eSpeak NG reads many German compounds as one word and errs at the seam: "st" of "Haupt|stadt" as
// [st], a voiced stop before the next part, a long vowel of the first part read short. Read part by
// part, each part is read as eSpeak reads it alone. The parts come from a word list (a file with one
// word a line, e.g. Debian's wngerman); voices/de/phoneme_rules.tsv names it and the parts that are
// never split off. Immutable after construction and thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace vorlesen::pronounce {

class CompoundSplitter {
 public:
  // `words`: the word list's text, one word a line (kept; the set points into it). No part is one of
  // `not_parts`, nor one of `prefixes` followed by one or two letters ("verb", "bet").
  CompoundSplitter(std::string words, std::size_t shortest, std::vector<std::string> not_parts,
                   std::vector<std::string> prefixes);
  CompoundSplitter(const CompoundSplitter&) = delete;
  CompoundSplitter& operator=(const CompoundSplitter&) = delete;

  // The parts of `word` (two or more, each a listed word of at least `shortest` letters), fewest
  // parts first, then the longest last part; empty when it has no such split.
  std::vector<std::string_view> split(std::string_view word) const;
  std::size_t size() const { return words_.size(); }

 private:
  bool known(std::string_view part) const;
  std::string text_;
  std::unordered_set<std::string_view> words_;
  std::size_t shortest_;
  std::vector<std::string> not_parts_;  // lower case
  std::vector<std::string> prefixes_;   // lower case
};

// eSpeak phonemes (rule notation, see phoneme_rules.h) of the parts joined into one word: a leading
// clause pause dropped, the primary stress of every part after the first made secondary.
std::string composeParts(const std::vector<std::string>& part_notations);

// Whether two readings differ in more than stress marks and pauses.
bool differBeyondStress(std::string_view a, std::string_view b);

}  // namespace vorlesen::pronounce
