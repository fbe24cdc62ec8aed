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

using vorlesen::countWords;

}  // namespace vorlesen::extract_detail
