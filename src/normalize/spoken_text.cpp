#include <algorithm>

#include "vorlesen/normalizer.h"

namespace vorlesen {

Span SpokenText::sourceOf(std::size_t begin, std::size_t end) const {
  if (pieces.empty()) return Span{};
  Span result{};
  bool found = false;
  for (const auto& p : pieces) {
    const bool touches = p.spoken.begin < end && begin < p.spoken.end;
    const bool empty_inside = begin == end && p.spoken.contains(begin);
    if (!touches && !empty_inside) continue;
    if (!found) {
      result = p.source;
      found = true;
    } else {
      result.begin = std::min(result.begin, p.source.begin);
      result.end = std::max(result.end, p.source.end);
    }
  }
  if (found) return result;
  // Between pieces (a space we inserted): an empty span at the next piece's source start.
  const auto next = std::find_if(pieces.begin(), pieces.end(), [&](const AlignedPiece& p) { return p.spoken.begin >= begin; });
  const std::size_t at = next == pieces.end() ? pieces.back().source.end : next->source.begin;
  return Span{at, at};
}

}  // namespace vorlesen
