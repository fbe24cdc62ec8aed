// Internal: small byte-string helpers shared by the extractors (ASCII only; UTF-8 passes through).
// isAsciiSpace() and lowerAscii() are in vorlesen/text.h.
#pragma once

#include <cstddef>
#include <string_view>

#include "vorlesen/text.h"

namespace vorlesen::extract_detail {

inline bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

inline bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Words separated by ASCII white space.
inline std::size_t countWords(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    if (isAsciiSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

}  // namespace vorlesen::extract_detail
