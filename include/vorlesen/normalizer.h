// vorlesen — text normalization (stage 3): the words a German speaker would say.
//
//   sentence text (original spelling) --Normalizer::normalize()--> SpokenText
//
// Two stages inside (src/normalize/): a classifier finds numbers, dates, times, money, measures,
// fractions, ranges, scores, roman numerals, abbreviations, URLs, phone numbers and symbols and types
// them with the grammar their context asks for ("am 3. Mai" -> dative); a verbalizer spells them with
// ICU's German number rules. Language knowledge comes from voices/de/*.tsv via LanguageData.
//
// SpokenText holds the spoken string and an alignment: ordered pieces, each a span of the spoken
// string and the span of the source it came from ("8." -> "achten"), so every later stage can point
// back into Document::text. It also lists each rewrite with its class, for `normalize --explain`.
// A Normalizer owns its tables and ICU formatter, is immutable after construction and thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"

namespace vorlesen {

class LanguageData;

struct AlignedPiece {
  Span spoken;  // byte range in SpokenText::text
  Span source;  // byte range in the source document
};

// One stretch of source text the normalizer rewrote ("8. Mai" -> date -> "achten Mai").
struct Rewrite {
  Span source;              // byte range in the source
  std::string token_class;  // "date", "money", "abbreviation", ...
  std::string spoken;
};

struct SpokenText {
  std::string text;
  std::vector<AlignedPiece> pieces;  // ordered, non-overlapping, covering the spoken words
  std::vector<Rewrite> rewrites;     // in source order; words read as written are not listed

  // The source span that spoken bytes [begin, end) came from (the union of the pieces they touch);
  // an empty span at the nearest source position when they touch none.
  Span sourceOf(std::size_t begin, std::size_t end) const;
};

class Normalizer {
 public:
  // Reads the normalizer's tables from `data` (abbreviations, units, currencies, months, ...) and
  // builds the ICU formatter. Throws Error::data when a table is missing or malformed, or ICU lacks
  // the German spellout rules.
  explicit Normalizer(const LanguageData& data);
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Normalizes text[within]; source spans in the result are offsets into `text`.
  SpokenText normalize(std::string_view text, Span within) const;
  SpokenText normalize(std::string_view text) const { return normalize(text, Span{0, text.size()}); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vorlesen
