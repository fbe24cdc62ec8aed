// vorlesen — pronunciation internals: finding words in spoken text and per-thread ICU matchers.
// Shared by the Pronouncer (lexicon, foreign words, acronyms) and the phoneme rules.
#pragma once

#include <unicode/regex.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"

namespace vorlesen::pronounce {

// The word inside a space-separated token: leading and trailing punctuation ("„KI“," -> "KI") removed.
Span wordCore(std::string_view text, Span token);

// Calls `f(core)` for the word core of every space-separated token of `text`, in order.
template <typename F>
void forEachWord(std::string_view text, F&& f) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    const Span core = wordCore(text, Span{i, j});
    i = j;
    if (!core.empty()) f(core);
  }
}

// Calls `f(part)` for each hyphen-separated part of `word` ("CDU-Chef" -> "CDU", "Chef").
template <typename F>
void forEachHyphenPart(std::string_view text, Span word, F&& f) {
  std::size_t p = word.begin;
  while (p <= word.end) {
    std::size_t q = text.find('-', p);
    if (q == std::string_view::npos || q > word.end) q = word.end;
    if (q > p) f(Span{p, q});
    p = q + 1;
  }
}

// Lower case (ICU's German rules; ASCII without the round trip through UTF-16).
std::string lowerCase(std::string_view s);

// A process-unique id for an immutable object that owns regex patterns (ids start at 1).
std::uint64_t nextMatcherOwnerId();

// The calling thread's matchers for `patterns` of the owner `id`, made once per thread and owner
// (a matcher is stateful; making one per word cost more than the matching). A pattern that gave no
// matcher has a null entry.
std::vector<std::unique_ptr<icu::RegexMatcher>>& threadMatchers(std::uint64_t id,
                                                                const std::vector<const icu::RegexPattern*>& patterns);

}  // namespace vorlesen::pronounce
