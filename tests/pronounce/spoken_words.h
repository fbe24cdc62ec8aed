// Test helper: spoken text as the normalizer gives it for plain words: one piece per space-separated
// word, pointing at the same bytes `source_offset` further on in a (pretend) document.
#pragma once

#include <string>

#include "vorlesen/normalizer.h"

inline vorlesen::SpokenText spokenWords(const std::string& text, std::size_t source_offset = 0) {
  vorlesen::SpokenText s;
  s.text = text;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) s.pieces.push_back(vorlesen::AlignedPiece{vorlesen::Span{i, j}, vorlesen::Span{source_offset + i, source_offset + j}});
    i = j + 1;
  }
  return s;
}
