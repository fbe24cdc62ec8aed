// vorlesen — UTF-8 helpers shared by every stage.
//
// All text inside vorlesen is UTF-8 in std::string; positions are byte offsets. Input is made valid
// once, at the edge (document loading), by repairUtf8(); later stages may assume valid UTF-8.
// eSpeak NG reports positions in code points, so the synthesizer converts with CodepointIndex.
// All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vorlesen {

struct Utf8Repair {
  std::string text;                 // valid UTF-8; each ill-formed sequence became U+FFFD
  std::size_t bad_sequences = 0;    // how many were replaced
  std::size_t first_bad_offset = 0; // byte offset of the first one in the input (valid if bad_sequences)
};
Utf8Repair repairUtf8(std::string_view bytes);

// Decodes the code point at byte offset `i` of valid UTF-8 and advances `i` past it.
char32_t nextCodepoint(std::string_view text, std::size_t& i);
void appendUtf8(std::string& out, char32_t cp);

// Maps eSpeak's 1-based code point positions within one string back to byte offsets.
class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view text);
  // Byte offset of the code point with 0-based index `cp`; text.size() when past the end.
  std::size_t byteOffset(std::size_t cp) const;
  std::size_t codepoints() const { return starts_.size(); }

 private:
  std::vector<std::size_t> starts_;
  std::size_t size_;
};

// Replaces C0/C1 control characters (except \n and \t) with spaces, byte for byte, so offsets stay.
void blankControlCharacters(std::string& text);

// ASCII white space: space, TAB, LF, VT, FF, CR.
constexpr bool isAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
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
// ASCII letters in lower case; every other byte (UTF-8 included) as it is. Locale-independent. For
// ASCII names (file extensions, HTML attributes, charset labels); words go through toLower().
constexpr char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lowerAscii(std::string_view text);
// A word or text in lower case, every letter (Unicode, German rules: "ÜBER" -> "über"); ASCII text
// takes a fast path without ICU. The one lower-casing for words.
std::string toLower(std::string_view text);

// Whether the first code point is an upper-case letter (Unicode Lu: A-Z, Ä, Ö, Ü, É ...): "starts
// with a capital", as German nouns and sentences do. False for digits, punctuation and empty text.
bool startsWithCapital(std::string_view text);
// Whether the first code point is a lower-case letter (Unicode Ll: a-z, ä, ö, ü, ß ...).
bool startsWithLowercase(std::string_view text);

bool isSpaceOnly(std::string_view text);
// The text on one line: every run of ASCII white space (line breaks of a hard-wrapped paragraph
// included) becomes one space; white space at the ends goes.
std::string collapseWhiteSpace(std::string_view text);
std::string_view trim(std::string_view text);

}  // namespace vorlesen
