#include "pronounce/words.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <map>

#include "vorlesen/text.h"

namespace vorlesen::pronounce {

namespace {
bool isWordChar(char32_t cp) { return u_isalnum(static_cast<UChar32>(cp)) != 0; }
}  // namespace

Span wordCore(std::string_view text, Span token) {
  std::size_t b = token.begin;
  while (b < token.end) {
    std::size_t i = b;
    if (isWordChar(nextCodepoint(text, i))) break;
    b = i;
  }
  std::size_t e = token.end;
  while (e > b) {
    std::size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t i = start;
    if (isWordChar(nextCodepoint(text, i))) break;
    e = start;
  }
  return Span{b, e};
}

std::string lowerCase(std::string_view s) {
  // Most words are ASCII: lower-case them without the round trip through UTF-16 (it dominated the
  // time of normalize on news text).
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return lowerAscii(s);
  }
  std::string out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
  u.toLower(icu::Locale::getGerman()).toUTF8String(out);
  return out;
}

std::uint64_t nextMatcherOwnerId() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

std::vector<std::unique_ptr<icu::RegexMatcher>>& threadMatchers(std::uint64_t id,
                                                                const std::vector<const icu::RegexPattern*>& patterns) {
  // Keyed by id, not address: a later owner may reuse a destroyed one's address. Few owners live at
  // once (a Pronouncer and its rules); the bound only keeps tests that make many from growing it.
  thread_local std::map<std::uint64_t, std::vector<std::unique_ptr<icu::RegexMatcher>>> cache;
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  if (cache.size() >= 16) cache.clear();
  std::vector<std::unique_ptr<icu::RegexMatcher>>& matchers = cache[id];
  for (const icu::RegexPattern* p : patterns) {
    UErrorCode status = U_ZERO_ERROR;
    matchers.emplace_back(p ? p->matcher(status) : nullptr);
    if (U_FAILURE(status)) matchers.back().reset();
  }
  return matchers;
}

}  // namespace vorlesen::pronounce
