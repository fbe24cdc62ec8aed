#include <algorithm>
#include <cstring>

#include "ui/keys.h"
#include "ui/views.h"

namespace vorlesen::ui {

namespace {
constexpr int kKeyColumn = 12;
}

void HelpOverlay::resize(int top, int rows, int cols) {
  const auto& keys = keyBindings();
  int width = 0;
  for (const KeyBinding& b : keys) width = std::max(width, kKeyColumn + displayWidth(b.what));
  width = std::min(cols, width + 4);
  const int height = std::min(rows, static_cast<int>(keys.size()) + 4);
  win_ = makeWindow(height, width, top + (rows - height) / 2, (cols - width) / 2);
  drawn_ = false;
}

void HelpOverlay::touch() {
  drawn_ = false;
}

void HelpOverlay::draw(const ScreenModel& /*model*/) {
  if (!win_) return;
  WINDOW* w = win_.get();
  if (!drawn_) {
    int rows = 0, cols = 0;
    getmaxyx(w, rows, cols);
    wbkgdset(w, static_cast<chtype>(theme_.overlay) | ' ');
    werase(w);
    wattrset(w, theme_.overlay);
    box(w, 0, 0);
    wattrset(w, theme_.overlay | A_BOLD);
    mvwaddnstr(w, 0, 2, " Keys ", cols - 4);
    wattrset(w, theme_.overlay);
    int y = 2;
    for (const KeyBinding& b : keyBindings()) {
      if (y >= rows - 1) break;
      wmove(w, y++, 2);
      const int used = addUtf8(w, b.keys, std::min(kKeyColumn, cols - 4));
      wmove(w, y - 1, 2 + std::max(used + 1, kKeyColumn));
      addUtf8(w, b.what, std::max(0, cols - 3 - kKeyColumn - 2));
    }
    drawn_ = true;
    touchwin(w);
  }
  wmove(w, 2, 2);  // the cursor on the first entry, for screen readers
  wnoutrefresh(w);
}

}  // namespace vorlesen::ui
