#include "vorlesen/text.h"

#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace vorlesen {

Utf8Repair repairUtf8(std::string_view bytes) {
  Utf8Repair r;
  r.text.reserve(bytes.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const std::int32_t n = static_cast<std::int32_t>(bytes.size());
  std::int32_t i = 0;
  while (i < n) {
    // Fast path for ASCII runs, which are most of any German text.
    if (s[i] < 0x80) {
      std::int32_t j = i;
      while (j < n && s[j] < 0x80) ++j;
      r.text.append(bytes.data() + i, static_cast<std::size_t>(j - i));
      i = j;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      if (r.bad_sequences == 0) r.first_bad_offset = static_cast<std::size_t>(start);
      ++r.bad_sequences;
      r.text.append("\xEF\xBF\xBD");
    } else {
      r.text.append(bytes.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return r;
}

char32_t nextCodepoint(std::string_view text, std::size_t& i) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::int32_t pos = static_cast<std::int32_t>(i);
  UChar32 c;
  U8_NEXT_OR_FFFD(s, pos, static_cast<std::int32_t>(text.size()), c);
  i = static_cast<std::size_t>(pos);
  return static_cast<char32_t>(c);
}

void appendUtf8(std::string& out, char32_t cp) {
  std::uint8_t buf[4];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, static_cast<UChar32>(cp), error);
  if (error) {
    out.append("\xEF\xBF\xBD");
    return;
  }
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
}

CodepointIndex::CodepointIndex(std::string_view text) : size_(text.size()) {
  starts_.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts_.push_back(i);
  }
}

std::size_t CodepointIndex::byteOffset(std::size_t cp) const {
  return cp < starts_.size() ? starts_[cp] : size_;
}

void blankControlCharacters(std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
      text[i] = ' ';
    } else if (c == 0xC2 && i + 1 < text.size()) {
      // C1 controls U+0080..U+009F are encoded C2 80..C2 9F: two bytes become two spaces.
      const auto d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x80 && d <= 0x9F) {
        text[i] = ' ';
        text[i + 1] = ' ';
        ++i;
      }
    }
  }
}

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lowerAscii(c);
  return out;
}

std::string toLower(std::string_view text) {
  // Most words are ASCII: no round trip through UTF-16 for them.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return lowerAscii(text);
  }
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())))
      .toLower(icu::Locale::getGerman())
      .toUTF8String(out);
  return out;
}

namespace {

// The first code point of `text`; U+FFFD for an ill-formed start, -1 (no letter) for empty text.
UChar32 firstCodepoint(std::string_view text) {
  if (text.empty()) return -1;
  std::size_t i = 0;
  return static_cast<UChar32>(nextCodepoint(text, i));
}

}  // namespace

bool startsWithCapital(std::string_view text) {
  if (!text.empty() && static_cast<unsigned char>(text[0]) < 0x80) return text[0] >= 'A' && text[0] <= 'Z';
  return u_isupper(firstCodepoint(text));
}

bool startsWithLowercase(std::string_view text) {
  if (!text.empty() && static_cast<unsigned char>(text[0]) < 0x80) return text[0] >= 'a' && text[0] <= 'z';
  return u_islower(firstCodepoint(text));
}

bool isSpaceOnly(std::string_view text) { return trim(text).empty(); }

std::string collapseWhiteSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (isAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string_view trim(std::string_view text) {
  // ASCII white space and the no-break space U+00A0 (C2 A0) count as space here.
  for (;;) {
    if (!text.empty() && isAsciiSpace(text.front())) text.remove_prefix(1);
    else if (text.size() >= 2 && text[0] == '\xC2' && text[1] == '\xA0') text.remove_prefix(2);
    else break;
  }
  for (;;) {
    if (!text.empty() && isAsciiSpace(text.back())) text.remove_suffix(1);
    else if (text.size() >= 2 && text[text.size() - 2] == '\xC2' && text.back() == '\xA0') text.remove_suffix(2);
    else break;
  }
  return text;
}

}  // namespace vorlesen
