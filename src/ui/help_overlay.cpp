#include <algorithm>
#include <cstring>

#include "ui/keys.h"
#include "ui/views.h"
#include "vorlesen/i18n.h"

namespace vorlesen::ui {

namespace {
constexpr int kKeyColumn = 12;
// TRANSLATORS: the help overlay's mouse line: a click on the text ...
constexpr const char* kMouseKeys = N_("click");
constexpr const char* kMouseWhat = N_("jump to that sentence");
}

// The entries (every key of the screen, then the mouse) in one column, or in two when one does not
// fit the terminal's height.
void HelpOverlay::resize(int top, int rows, int cols) {
  const std::vector<KeyBinding> keys = keyBindings(Front::Screen);
  int width = 0;
  for (const KeyBinding& b : keys) width = std::max(width, kKeyColumn + displayWidth(tr(b.what)));
  const int entries = static_cast<int>(keys.size()) + 1;  // + the mouse line
  // Two columns share the width; a description that does not fit is cut.
  columns_ = entries + 4 > rows && cols >= 2 * (kKeyColumn + 12) + 2 ? 2 : 1;
  column_width_ = columns_ == 2 ? std::min(width + 2, (cols - 2) / 2) : width + 2;
  width = std::min(cols, columns_ * column_width_ + 2);
  const int height = std::min(rows, (entries + columns_ - 1) / columns_ + 4);
  win_ = makeWindow(height, width, top + (rows - height) / 2, (cols - width) / 2);
  drawn_ = false;
}

void HelpOverlay::draw(const ScreenModel& /*model*/) {
  if (!win_) return;
  WINDOW* w = win_.get();
  if (!drawn_) {
    int rows = 0, cols = 0;
    getmaxyx(w, rows, cols);
    drawOverlayFrame(w, theme_, tr("Keys"));
    int y = 2, x = 2;
    auto entry = [&](const char* keys, const char* what) {
      if (y >= rows - 1 && x == 2 && columns_ == 2) {  // on into the second column
        y = 2;
        x += column_width_;
      }
      if (y >= rows - 1) return;
      const int right = x == 2 && columns_ == 2 ? x + column_width_ - 2 : cols - 2;
      wmove(w, y, x);
      const int used = addUtf8(w, keys, std::min(kKeyColumn, right - x));
      wmove(w, y++, x + std::max(used + 1, kKeyColumn));
      addUtf8(w, what, std::max(0, right - x - kKeyColumn - 1));
    };
    for (const KeyBinding& b : keyBindings(Front::Screen)) entry(tr(b.keys), tr(b.what));
    entry(tr(kMouseKeys), tr(kMouseWhat));
    drawn_ = true;
  }
  wmove(w, 2, 2);  // the cursor on the first entry, for screen readers
  wnoutrefresh(w);
}

}  // namespace vorlesen::ui
