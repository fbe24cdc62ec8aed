// Internal (normalizer): splits text into raw tokens the classifier matches patterns on.
//
// A token is a maximal run of letters (Word), of ASCII digits (Number), of white space (Space), or a
// single other code point (Symbol: punctuation, currency signs, "²" ...). Tokens are views into the
// caller's text with byte spans; they cover text[within] without gaps. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"

namespace vorlesen::normalize {

enum class TokenKind { Word, Number, Space, Symbol };

struct Token {
  TokenKind kind;
  Span span;
  std::string_view text;
};

std::vector<Token> tokenize(std::string_view text, Span within);

}  // namespace vorlesen::normalize
