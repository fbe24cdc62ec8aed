// The table of contents over the article (key t): keyboard only, the cursor on the selected line.
#include <algorithm>

#include "ui/views.h"
#include "vorlesen/i18n.h"

namespace vorlesen::ui {

namespace {
constexpr int kIndent = 2;  // headings below the title
}

void ContentsOverlay::resize(int top, int rows, int cols) {
  top_ = top;
  rows_ = rows;
  cols_ = cols;
  win_.reset();
  entries_ = 0;
}

void ContentsOverlay::draw(const ScreenModel& model) {
  const std::vector<ContentsEntry>& entries = model.contents;
  if (entries.empty() || rows_ < 3 || cols_ < 8) return;
  if (!win_ || entries_ != entries.size()) {
    int width = displayWidth(tr("Contents")) + 6;
    for (const ContentsEntry& e : entries) width = std::max(width, displayWidth(e.text) + kIndent + 6);
    width = std::min(cols_, width);
    const int height = std::min(rows_, static_cast<int>(entries.size()) + 2);
    win_ = makeWindow(height, width, top_ + (rows_ - height) / 2, (cols_ - width) / 2);
    entries_ = entries.size();
  }
  WINDOW* w = win_.get();
  int rows = 0, cols = 0;
  getmaxyx(w, rows, cols);
  const std::size_t lines = static_cast<std::size_t>(std::max(1, rows - 2));
  const std::size_t at = std::min(model.contents_at, entries.size() - 1);
  if (at < first_) first_ = at;
  if (at >= first_ + lines) first_ = at + 1 - lines;
  drawOverlayFrame(w, theme_, tr("Contents"));
  int cursor_y = 1, cursor_x = 2;
  for (std::size_t i = first_; i < entries.size() && i < first_ + lines; ++i) {
    const int y = 1 + static_cast<int>(i - first_);
    const int x = 2 + (entries[i].title ? 0 : kIndent);
    wattrset(w, i == at ? theme_.sentence : theme_.overlay);
    wmove(w, y, x);
    addUtf8(w, entries[i].text, std::max(0, cols - x - 2));
    if (i == at) {
      cursor_y = y;
      cursor_x = x;
    }
  }
  wattrset(w, theme_.overlay);
  wmove(w, cursor_y, cursor_x);  // the cursor on the selected entry, for screen readers
  wnoutrefresh(w);
}

}  // namespace vorlesen::ui
