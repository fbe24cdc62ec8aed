#include "ui/layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cwchar>

#include "vorlesen/text.h"

namespace vorlesen::ui {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

// The columns one code point takes. wcwidth() is what ncurses uses, so rows fit exactly what it
// draws; it needs a UTF-8 LC_CTYPE (the screen sets one). Printable characters that the current
// locale does not know count one column rather than none.
int codepointWidth(char32_t cp) {
  if (cp == '\t' || cp == '\r' || cp == '\n') return 1;  // drawn as a space
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  const int w = ::wcwidth(static_cast<wchar_t>(cp));
  return w >= 0 ? w : 1;
}

namespace {

class RowBuilder {
 public:
  RowBuilder(std::string_view text, int width, std::size_t block, std::vector<Row>& rows)
      : text_(text), width_(width), block_(block), rows_(rows) {}

  // Lays out the text [begin, end) of one block.
  void wrap(std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i < end) {
      while (i < end && isBlank(text_[i])) ++i;
      if (i >= end) break;
      std::size_t word_end = i;
      while (word_end < end && !isBlank(text_[word_end])) ++word_end;
      word(i, word_end);
      i = word_end;
    }
    flush();
  }

 private:
  void word(std::size_t begin, std::size_t end) {
    const int w = displayWidth(text_.substr(begin, end - begin));
    if (open_) {
      const int gap = static_cast<int>(begin - row_end_);  // the blanks between, one column each
      if (col_ + gap + w <= width_) {
        row_end_ = end;
        col_ += gap + w;
        return;
      }
      flush();
    }
    if (w <= width_) {
      start(begin);
      row_end_ = end;
      col_ = w;
      return;
    }
    // Longer than a row: break it where the columns run out.
    std::size_t i = begin;
    start(begin);
    while (i < end) {
      std::size_t next = i;
      const int cw = codepointWidth(nextCodepoint(text_, next));
      if (col_ > 0 && col_ + cw > width_) {
        flush();
        start(i);
      }
      col_ += cw;
      row_end_ = next;
      i = next;
    }
  }

  void start(std::size_t begin) {
    open_ = true;
    row_begin_ = begin;
    row_end_ = begin;
    col_ = 0;
  }

  void flush() {
    if (!open_) return;
    rows_.push_back(Row{Span{row_begin_, row_end_}, block_, false});
    open_ = false;
  }

  std::string_view text_;
  int width_;
  std::size_t block_;
  std::vector<Row>& rows_;
  bool open_ = false;
  std::size_t row_begin_ = 0;
  std::size_t row_end_ = 0;
  int col_ = 0;
};

}  // namespace

int displayWidth(std::string_view utf8) {
  int w = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    // ASCII without a call to wcwidth(): laying out a 4 MB article took 51 ms, most of it here.
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x20 && c < 0x7f) {
      ++w;
      ++i;
    } else {
      w += codepointWidth(nextCodepoint(utf8, i));
    }
  }
  return w;
}

int columnOf(std::string_view text, Span row_span, std::size_t offset) {
  const std::size_t end = std::clamp(offset, row_span.begin, row_span.end);
  return displayWidth(text.substr(row_span.begin, end - row_span.begin));
}

Layout layoutDocument(const Document& doc, int width) {
  Layout layout;
  layout.width = std::max(1, width);
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const Span s = doc.blocks[b].span;
    if (s.empty()) continue;
    if (!layout.rows.empty()) {
      const std::size_t prev_end = layout.rows.back().span.end;
      layout.rows.push_back(Row{Span{prev_end, prev_end}, layout.rows.back().block, true});
    }
    // A block is one paragraph: line breaks inside it were hard wrapping (documentFromText puts
    // lines that stand alone into blocks of their own), so the text is reflowed.
    RowBuilder(doc.text, layout.width, b, layout.rows).wrap(s.begin, s.end);
  }
  return layout;
}

std::size_t Layout::rowOf(std::size_t offset) const {
  if (rows.empty()) return 0;
  auto it = std::upper_bound(rows.begin(), rows.end(), offset,
                             [](std::size_t off, const Row& r) { return off < r.span.begin; });
  if (it == rows.begin()) return 0;
  std::size_t row = static_cast<std::size_t>(it - rows.begin()) - 1;
  // Past the end of a block's last row: the gap row, which shows nothing; use the next block.
  while (rows[row].gap && row + 1 < rows.size()) ++row;
  return row;
}

std::optional<std::size_t> Layout::offsetAt(const Document& doc, std::size_t row, int column) const {
  if (row >= rows.size() || rows[row].gap || column < 0) return std::nullopt;
  const Span s = rows[row].span;
  int col = 0;
  for (std::size_t i = s.begin; i < s.end;) {
    const std::size_t here = i;
    col += codepointWidth(nextCodepoint(doc.text, i));
    if (column < col) return here;
  }
  return std::nullopt;
}

namespace {

std::vector<char32_t> foldedCodepoints(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) out.push_back(static_cast<char32_t>(u_foldCase(nextCodepoint(text, i), U_FOLD_CASE_DEFAULT)));
  return out;
}

bool matchesAt(std::string_view text, std::size_t i, const std::vector<char32_t>& needle) {
  for (char32_t want : needle) {
    if (i >= text.size()) return false;
    if (static_cast<char32_t>(u_foldCase(nextCodepoint(text, i), U_FOLD_CASE_DEFAULT)) != want) return false;
  }
  return true;
}

std::optional<std::size_t> findIn(std::string_view text, const std::vector<char32_t>& needle, std::size_t begin,
                                  std::size_t end) {
  for (std::size_t i = begin; i < end;) {
    if (matchesAt(text, i, needle)) return i;
    nextCodepoint(text, i);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> findText(std::string_view text, std::string_view needle, std::size_t from) {
  const std::vector<char32_t> folded = foldedCodepoints(needle);
  if (folded.empty()) return std::nullopt;
  from = std::min(from, text.size());
  while (from > 0 && from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  if (auto hit = findIn(text, folded, from, text.size())) return hit;
  return findIn(text, folded, 0, from);
}

}  // namespace vorlesen::ui
