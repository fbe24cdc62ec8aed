#include <algorithm>

#include "ui/views.h"

namespace vorlesen::ui {

namespace {

Span intersect(Span a, Span b) {
  const std::size_t begin = std::max(a.begin, b.begin);
  const std::size_t end = std::min(a.end, b.end);
  return begin < end ? Span{begin, end} : Span{};
}

}  // namespace

void ReadingView::resize(int top, int rows, int cols) {
  win_ = makeWindow(rows, cols, top, 0);
  top_y_ = top;
  rows_ = rows;
  cols_ = cols;
  wbkgdset(win_.get(), theme_.background);
  werase(win_.get());
  drawn_.assign(static_cast<std::size_t>(rows), Drawn{});
  last_focus_ = Span{SIZE_MAX, SIZE_MAX};
}

void ReadingView::scrollTo(const ScreenModel& model) {
  const Layout& layout = model.layout;
  if (layout.rows.empty() || model.focus == last_focus_) return;
  last_focus_ = model.focus;
  const std::size_t first = layout.rowOf(model.focus.begin);
  const std::size_t last = model.focus.empty() ? first : layout.rowOf(model.focus.end - 1);
  const std::size_t rows = static_cast<std::size_t>(rows_);
  if (first >= top_ && last < top_ + rows) return;
  // Bring it in with a quarter of the view of context above, or at the top when it is that long.
  const std::size_t context = rows / 4;
  top_ = first > context ? first - context : 0;
  if (last - first + 1 + context > rows) top_ = first;
}

void ReadingView::drawRow(const ScreenModel& model, int y, const Drawn& want) {
  WINDOW* w = win_.get();
  wmove(w, y, 0);
  wattrset(w, theme_.text);
  wclrtoeol(w);
  if (want.row == SIZE_MAX) return;
  const Row& row = model.layout.rows[want.row];
  if (row.gap) return;
  attr_t base = theme_.text;
  switch (model.doc->blocks[row.block].kind) {
    case BlockKind::Title:
    case BlockKind::Heading: base = theme_.title; break;
    case BlockKind::Byline: base = theme_.byline; break;
    default: break;
  }
  // Cut the row where the sentence and the word start and end, and draw each piece in its style.
  std::size_t cuts[] = {row.span.begin, want.sentence.begin, want.word.begin, want.word.end, want.sentence.end,
                        row.span.end};
  std::sort(std::begin(cuts), std::end(cuts));
  int col = 0;
  for (std::size_t i = 0; i + 1 < std::size(cuts); ++i) {
    const std::size_t a = std::max(cuts[i], row.span.begin);
    const std::size_t b = std::min(cuts[i + 1], row.span.end);
    if (a >= b) continue;
    attr_t attr = base;
    if (want.sentence.contains(a)) attr = theme_.sentence;
    if (want.word.contains(a)) attr = theme_.word;
    wattrset(w, attr);
    col += addUtf8(w, std::string_view(model.doc->text).substr(a, b - a), cols_ - col);
  }
  wattrset(w, theme_.text);
}

void ReadingView::draw(const ScreenModel& model) {
  if (!win_) return;
  scrollTo(model);
  const Layout& layout = model.layout;
  for (int y = 0; y < rows_; ++y) {
    Drawn want;
    const std::size_t r = top_ + static_cast<std::size_t>(y);
    if (r < layout.rows.size()) {
      want.row = r;
      want.sentence = intersect(model.snap.sentence_source, layout.rows[r].span);
      want.word = intersect(model.snap.word_source, layout.rows[r].span);
    }
    Drawn& have = drawn_[static_cast<std::size_t>(y)];
    if (have == want) continue;
    drawRow(model, y, want);
    have = want;
  }
  // The cursor on the first character of the sentence: where a screen reader starts reading.
  if (!layout.rows.empty()) {
    const std::size_t r = layout.rowOf(model.focus.begin);
    if (r >= top_ && r < top_ + static_cast<std::size_t>(rows_)) {
      const int x = columnOf(model.doc->text, layout.rows[r].span, model.focus.begin);
      wmove(win_.get(), static_cast<int>(r - top_), std::min(x, cols_ - 1));
    }
  }
  wnoutrefresh(win_.get());
}

std::optional<std::size_t> ReadingView::offsetAtScreen(const ScreenModel& model, int y, int x) const {
  if (y < top_y_ || y >= top_y_ + rows_) return std::nullopt;
  return model.layout.offsetAt(*model.doc, top_ + static_cast<std::size_t>(y - top_y_), x);
}

}  // namespace vorlesen::ui
