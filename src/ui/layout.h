// Internal to the reading screen: the article laid out in screen rows.
//
//   Document + width --layoutDocument()--> Layout { rows: byte Spans of Document::text }
//
// Pure text geometry, no curses: wraps each block by words to a display width (wcwidth, so „“ – ß
// and wide characters count as they show), keeps paragraphs (an empty row between blocks), and maps
// between byte offsets and (row, column). Also the case-insensitive text search behind `/`.
// All functions are pure; a Layout is a plain value.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"

namespace vorlesen::ui {

struct Row {
  Span span;                // the text shown on this row, trailing spaces left out; empty for a gap row
  std::size_t block = 0;    // Document::blocks index (of the block before a gap row)
  bool gap = false;         // the empty row between two blocks
};

struct Layout {
  int width = 0;
  std::vector<Row> rows;

  // The row showing byte `offset` (a space at a wrap point belongs to the row it ends); rows.size()
  // when the layout is empty. Offsets between blocks map to the next block's first row.
  std::size_t rowOf(std::size_t offset) const;
  // The byte under display column `column` of row `row`, or nullopt past the text.
  std::optional<std::size_t> offsetAt(const Document& doc, std::size_t row, int column) const;
};

// Wraps every block of `doc` to `width` display columns (at least 1). A word wider than the row is
// broken at the column limit. Line breaks inside a block are reflowed like spaces.
Layout layoutDocument(const Document& doc, int width);

// Columns one code point takes on screen: wcwidth(), needing a UTF-8 LC_CTYPE; tab, CR and LF count
// one (they are drawn as a space), other control characters none; printable characters the locale
// does not know count one.
int codepointWidth(char32_t cp);
// Display width of UTF-8 text (wcwidth per code point; control and non-printing characters count 0).
int displayWidth(std::string_view utf8);

// Display column at which byte `offset` starts within row `row_span` of `text`.
int columnOf(std::string_view text, Span row_span, std::size_t offset);

// The first occurrence of `needle` in `text` at or after byte `from`, ignoring case (Unicode simple
// case folding, code point by code point, so byte offsets stay exact); wraps around to the start.
// nullopt when `needle` is empty or absent.
std::optional<std::size_t> findText(std::string_view text, std::string_view needle, std::size_t from);

}  // namespace vorlesen::ui
