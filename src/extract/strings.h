// Internal: small byte-string helpers shared by the extractors (ASCII only; UTF-8 passes through).
#pragma once

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

namespace vorlesen::extract_detail {

inline bool isSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

inline bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

inline bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ASCII lower case, for file names, tag attributes and class names.
inline std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words separated by ASCII white space.
inline std::size_t countWords(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    if (isSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

}  // namespace vorlesen::extract_detail
