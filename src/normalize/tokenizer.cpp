#include "normalize/tokenizer.h"

#include <unicode/uchar.h>

#include "vorlesen/text.h"

namespace vorlesen::normalize {

namespace {

TokenKind kindOf(std::string_view text, std::size_t pos, std::size_t& next) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    next = pos + 1;
    if (c >= '0' && c <= '9') return TokenKind::Number;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return TokenKind::Word;
    if (c == ' ' || (c >= '\t' && c <= '\r')) return TokenKind::Space;
    return TokenKind::Symbol;
  }
  next = pos;
  const char32_t cp = nextCodepoint(text, next);
  if (cp == 0xA0 || cp == 0x202F || cp == 0x2009 || u_isWhitespace(static_cast<UChar32>(cp))) return TokenKind::Space;
  // Soft hyphen and combining marks belong to the word they sit in.
  if (cp == 0xAD || u_isalpha(static_cast<UChar32>(cp)) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0) {
    return TokenKind::Word;
  }
  return TokenKind::Symbol;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, Span within) {
  std::vector<Token> tokens;
  tokens.reserve(within.size() / 3 + 1);
  std::size_t pos = within.begin;
  while (pos < within.end) {
    std::size_t next = pos;
    const TokenKind kind = kindOf(text, pos, next);
    std::size_t end = next;
    if (kind != TokenKind::Symbol) {
      while (end < within.end) {
        std::size_t after = end;
        if (kindOf(text, end, after) != kind) break;
        end = after;
      }
    }
    if (end > within.end) end = within.end;
    tokens.push_back(Token{kind, Span{pos, end}, text.substr(pos, end - pos)});
    pos = end;
  }
  return tokens;
}

}  // namespace vorlesen::normalize
