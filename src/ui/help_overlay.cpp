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

void HelpOverlay::resize(int top, int rows, int cols) {
  const std::vector<KeyBinding> keys = keyBindings(Front::Screen);
  int width = 0;
  for (const KeyBinding& b : keys) width = std::max(width, kKeyColumn + displayWidth(tr(b.what)));
  width = std::max(width, kKeyColumn + displayWidth(tr(kMouseWhat)));
  width = std::min(cols, width + 4);
  const int height = std::min(rows, static_cast<int>(keys.size()) + 5);  // + the mouse line
  win_ = makeWindow(height, width, top + (rows - height) / 2, (cols - width) / 2);
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
    wmove(w, 0, 2);
    addUtf8(w, std::string(" ") + tr("Keys") + " ", cols - 4);
    wattrset(w, theme_.overlay);
    int y = 2;
    auto entry = [&](const char* keys, const char* what) {
      if (y >= rows - 1) return;
      wmove(w, y, 2);
      const int used = addUtf8(w, keys, std::min(kKeyColumn, cols - 4));
      wmove(w, y++, 2 + std::max(used + 1, kKeyColumn));
      addUtf8(w, what, std::max(0, cols - 3 - kKeyColumn - 2));
    };
    for (const KeyBinding& b : keyBindings(Front::Screen)) entry(tr(b.keys), tr(b.what));
    entry(tr(kMouseKeys), tr(kMouseWhat));
    drawn_ = true;
  }
  wmove(w, 2, 2);  // the cursor on the first entry, for screen readers
  wnoutrefresh(w);
}

}  // namespace vorlesen::ui
