// vorlesen — sentence segmentation (stage 2).
//
//   Document::text + Block spans --Segmenter::split()--> sentence Spans (original spelling)
//
// ICU's sentence BreakIterator proposes the ends; German rules decide which to keep, with word
// lists from voices/de/ (segment_exceptions.tsv and the abbreviations of abbreviations.tsv): no end
// after "Dr.", "z. B.", "am 3. Mai", "der 2. Versuch", "Ludwig XIV.", "Hauptstr. 5"; an end after
// "… usw. Das", "… waren es 150. Die", "„Wer?“ Dann". Line breaks inside the span are wraps, not
// ends. Time is linear in the span's size; pieces without an end are cut near 1000 bytes.
// The Segmenter keeps no pointer into `data` or `text` after a call returns.
// Construction builds the ICU iterator once; split() is const but NOT thread-safe (it reuses the
// iterator and a buffer); use one Segmenter per thread.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"

namespace vorlesen {

class LanguageData;

class Segmenter {
 public:
  explicit Segmenter(const LanguageData& data);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Sentences of text[within], as spans into `text`, trimmed of surrounding white space, in order,
  // never empty. Very long stretches without a sentence end are cut into bounded pieces.
  std::vector<Span> split(std::string_view text, Span within) const;
  std::vector<Span> split(std::string_view text) const { return split(text, Span{0, text.size()}); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vorlesen
