// Test helper: the alignment invariants every SpokenText must satisfy.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "vorlesen/normalizer.h"

// Pieces are ordered, non-empty, inside the spoken text and inside `within`; every non-space spoken
// byte belongs to a piece.
inline void checkAlignment(const std::string& source, vorlesen::Span within, const vorlesen::SpokenText& s) {
  std::size_t last_end = 0;
  for (const vorlesen::AlignedPiece& p : s.pieces) {
    CHECK(p.spoken.begin >= last_end);
    CHECK(p.spoken.begin < p.spoken.end);
    CHECK(p.spoken.end <= s.text.size());
    CHECK(p.source.begin >= within.begin);
    CHECK(p.source.end <= within.end);
    CHECK(p.source.begin < p.source.end);
    CHECK(p.source.end <= source.size());
    last_end = p.spoken.end;
  }
  // Every non-space spoken byte is covered by a piece.
  for (std::size_t i = 0; i < s.text.size(); ++i) {
    if (s.text[i] == ' ') continue;
    bool covered = false;
    for (const vorlesen::AlignedPiece& p : s.pieces) covered = covered || p.spoken.contains(i);
    INFO("spoken byte " << i << " of '" << s.text << "'");
    CHECK(covered);
  }
}
