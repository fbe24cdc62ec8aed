// Internal: the German decisions of the segmenter.
//
// ICU's sentence iterator proposes a boundary after every ". ", "? ", "! " (and closing quotes);
// SentenceRules keeps or drops each proposal by looking at the word before the terminator and the
// word after it, with word lists from voices/de/segment_exceptions.tsv and the written forms of
// voices/de/abbreviations.tsv. Every look at the text is bounded (a few words each side), so a
// decision costs constant time whatever the input. Immutable after construction: thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace vorlesen {

class LanguageData;

namespace segment {

enum class AbbreviationKind {
  Never,   // "Dr.": no sentence ends after it
  Ends,    // "usw.": a sentence ends after it before a capitalized word
  MayEnd,  // "u. a.", "Chr.": a sentence ends after it only before a sentence starter
};

// A word of the text: a byte range between spaces, without the quotes and brackets around it.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool complete = true;  // false when a scan stopped at its bound
  bool empty() const { return begin == end; }
};

class SentenceRules {
 public:
  // Reads "abbreviations" (column 1) and "segment_exceptions" from `data`; throws Error::data naming
  // file:line for a row with a missing or unknown kind.
  explicit SentenceRules(const LanguageData& data);

  // ICU proposes a sentence end at byte `boundary` of `text` (after the terminator and the spaces
  // following it); the current sentence began at `start`. True when a sentence really ends there.
  bool endsSentence(std::string_view text, std::size_t start, std::size_t boundary) const;

 private:
  struct Abbreviation {
    std::vector<std::string> parts;  // "z. B." -> {"z.", "B."}
    AbbreviationKind kind = AbbreviationKind::Never;
  };
  struct PartRef {
    std::size_t abbreviation;  // index into abbreviations_
    std::size_t part;          // which of its parts
  };

  // `where` ("file:line: ") prefixes the message of a data error.
  void addAbbreviation(const std::string& written, AbbreviationKind kind, const std::string& where);
  // Decision after a word ending in "." (`dotted`, a byte range that includes the dot), given the
  // words around it.
  bool endsAfterDottedWord(std::string_view text, std::size_t start, Word dotted, std::size_t boundary) const;
  // The verdict of the abbreviations `dotted` may end (also one of several parts the proposal cuts
  // through, "z. | B."); nullopt when it ends none.
  std::optional<bool> afterAbbreviation(std::string_view text, std::size_t start, Word dotted, Word next) const;
  // Whether `word` ends in a suffix abbreviation ("Hauptstr.").
  bool hasSuffix(std::string_view word) const;
  // Decision after a number with a dot ("3.", "1999.", "08.02."), `next` the word after it.
  bool endsAfterNumber(std::string_view text, std::size_t start, Word dotted, Word next) const;
  bool isMonth(std::string_view word) const;
  bool isStarter(std::string_view word) const;

  std::vector<Abbreviation> abbreviations_;
  std::unordered_map<std::string, std::vector<PartRef>> parts_;  // part text -> where it occurs
  std::vector<std::string> suffixes_;                            // lower case, with the dot
  std::unordered_set<std::string> months_;
  std::unordered_set<std::string> ordinal_context_;  // lower case
  std::unordered_set<std::string> starters_;
};

}  // namespace segment
}  // namespace vorlesen
