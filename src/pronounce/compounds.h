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
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vorlesen::pronounce {

class CompoundSplitter {
 public:
  // `words`: the word list's text, one word a line (kept and searched in place through an index of
  // line starts; sorted here when it is not sorted byte-wise, as Debian's lists are). No part is one of
  // `not_parts`, nor one of `prefixes` followed by one or two letters ("verb", "bet") before a part
  // that starts with a vowel, r or l.
  CompoundSplitter(std::string words, std::size_t shortest, std::vector<std::string> not_parts,
                   std::vector<std::string> prefixes);
  CompoundSplitter(const CompoundSplitter&) = delete;
  CompoundSplitter& operator=(const CompoundSplitter&) = delete;

  // The parts of `word` (two or more, each a listed word of at least `shortest` letters), fewest
  // parts first, then the longest last part; empty when it has no such split.
  std::vector<std::string_view> split(std::string_view word) const;

 private:
  bool known(std::string_view part) const;
  bool prefixSeam(std::string_view part, std::string_view rest) const;
  bool headFits(std::string_view part, std::string_view word) const;
  bool listed(std::string_view word) const;  // binary search in text_
  std::string text_;  // sorted byte-wise, one word a line, ending with a newline
  std::vector<std::uint32_t> lines_;  // where each line of text_ starts
  std::size_t shortest_;
  std::vector<std::string> not_parts_;  // lower case
  std::vector<std::string> prefixes_;   // lower case
};

// eSpeak phonemes (rule notation, see phoneme_rules.h) of the parts joined into one word: a leading
// clause pause dropped, the primary stress of every part after the first made secondary.
std::string composeParts(const std::vector<std::string>& part_notations);

// Whether two readings differ in more than stress marks and pauses.
bool differBeyondStress(std::string_view a, std::string_view b);

// Whether every seam of a split joins a part that ends in a consonant or e to one that starts with a
// consonant (Himmel|bett, Bauern|fängerei). Splits at other seams are often a stem and a suffix that
// happen to be words (summ|arisch, Komm|union, Kilo|meter, profi|tieren): their stress is not trusted.
bool plainSeams(const std::vector<std::string_view>& parts);

// Which phoneme carries the primary stress (counted without pauses and glottal stops); -1: none.
int primaryStressIndex(std::string_view notation);

}  // namespace vorlesen::pronounce
