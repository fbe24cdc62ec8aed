// vorlesen — sentence segmentation (stage 2).
//
//   Document::text + Block spans --Segmenter::split()--> sentence Spans (original spelling)
//
// ICU's German sentence BreakIterator does the work; German exceptions from voices/de/ (abbreviations
// such as "Dr." or "z. B." after which a sentence does not end) are added to ICU's break suppression.
// Construction builds the ICU iterator once; split() is const but NOT thread-safe (it reuses the
// iterator); use one Segmenter per thread.
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
