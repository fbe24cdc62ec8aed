#include "vorlesen/normalizer.h"

#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen {

struct Normalizer::Impl {};

Normalizer::Normalizer(const LanguageData&) : impl_(std::make_unique<Impl>()) {}
Normalizer::~Normalizer() = default;

// Words pass through unchanged; white space runs become one space. Each word is one aligned piece.
SpokenText Normalizer::normalize(std::string_view text, Span within) const {
  SpokenText out;
  std::size_t i = within.begin;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < within.end) {
    while (i < within.end && is_space(text[i])) ++i;
    if (i >= within.end) break;
    std::size_t j = i;
    while (j < within.end && !is_space(text[j])) ++j;
    if (!out.text.empty()) out.text.push_back(' ');
    const std::size_t sb = out.text.size();
    out.text.append(text.substr(i, j - i));
    out.pieces.push_back(AlignedPiece{Span{sb, out.text.size()}, Span{i, j}});
    i = j;
  }
  return out;
}

}  // namespace vorlesen
