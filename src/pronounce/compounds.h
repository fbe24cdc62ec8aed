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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vorlesen::pronounce {

// A word list, one word a line, searched in place by a binary search over its bytes (no index to
// build). Opened from a file that is sorted byte-wise (Debian's lists are), the file is mapped, not
// read: reading and indexing Debian's 4.7 MB list was 26 M instructions and 1,400 page faults of every
// start (a fifth of `normalize --ipa` for one line). Any other text is kept as a copy, sorted when
// it is not. Lines may end in CR LF; the last needs no newline.
class WordList {
 public:
  explicit WordList(std::string words);
  // The list in the file at `path`, or nullopt when it cannot be read.
  static std::optional<WordList> open(const std::string& path);
  WordList(WordList&& other) noexcept;
  WordList& operator=(WordList&&) = delete;
  WordList(const WordList&) = delete;
  WordList& operator=(const WordList&) = delete;
  ~WordList();

  bool contains(std::string_view word) const;

 private:
  WordList(const void* map, std::size_t size);
  std::string owned_;
  const void* map_ = nullptr;  // the mapped file, or null
  std::size_t map_size_ = 0;
  std::string_view text_;  // owned_ or the mapping
};

// The settings of the `compound` rows of phoneme_rules.tsv. No part is one of `not_parts`, nor one of
// `prefixes` followed by one or two letters ("verb", "bet") before a part that starts with a vowel, r
// or l. Parts have `shortest` letters; the first may have `shortest_first` (0: as `shortest`):
// Fuß|matte, Kuh|stall, roh|stoff. A part before the last may also be a stem: a listed verb
// without one of `verb_endings` (Tarn|kappe from "tarnen") or a listed noun without one of
// `noun_endings` (Kerb|tier from "Kerbe"), of `shortest` letters, ending in a consonant before a part
// that starts with one. A short first part or a stem is refused where its last letter and the next
// part begin with one of `onsets` (Ab|s|tand, Zug|reifen, Kont|rolle): there the seam is elsewhere.
struct CompoundOptions {
  std::size_t shortest = 4;
  std::size_t shortest_first = 0;
  std::vector<std::string> not_parts, prefixes, verb_endings, noun_endings, onsets;
};

class CompoundSplitter {
 public:
  // `words`: the word list (see WordList); `options`: the `compound` rows' settings.
  CompoundSplitter(WordList words, CompoundOptions options);
  CompoundSplitter(const CompoundSplitter&) = delete;
  CompoundSplitter& operator=(const CompoundSplitter&) = delete;

  // The parts of `word` (two or more, as CompoundOptions allows), fewest parts first, then fewest
  // later parts starting with er- and a consonant, then the longest last part; empty when it has no
  // such split.
  std::vector<std::string_view> split(std::string_view word) const;

 private:
  // `rest`: what follows the part in the word (empty: the part is the last).
  bool known(std::string_view part, bool first, std::string_view rest) const;
  bool stemOfListed(std::string_view part, std::string_view rest) const;
  bool clearSeam(std::string_view part, std::string_view rest) const;  // see CompoundOptions::onsets
  bool prefixSeam(std::string_view part, std::string_view rest) const;
  bool headFits(std::string_view part, std::string_view word) const;
  bool listed(std::string_view word) const { return words_.contains(word); }
  WordList words_;
  CompoundOptions options_;  // words in lower case; shortest_first set
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
