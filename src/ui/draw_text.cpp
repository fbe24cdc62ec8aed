// Helpers the views share: UTF-8 onto a curses window, durations for the status line.
#include <cmath>
#include <cstdio>

#include "ui/views.h"
#include "vorlesen/text.h"

namespace vorlesen::ui {

int addUtf8(WINDOW* win, std::string_view text, int max_cols) {
  std::wstring wide;
  int cols = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = nextCodepoint(text, i);
    const int w = codepointWidth(cp);
    if (cols + w > max_cols) break;
    if (cp == '\t' || cp == '\r' || cp == '\n') cp = ' ';
    if (w == 0 && cp < 0xa0) continue;  // control characters take no room and are not drawn
    wide.push_back(static_cast<wchar_t>(cp));
    cols += w;
  }
  // At the window's last cell the cursor cannot advance and waddnwstr returns ERR although the
  // text was written; that is not a failure here.
  waddnwstr(win, wide.c_str(), static_cast<int>(wide.size()));
  return cols;
}

void drawOverlayFrame(WINDOW* win, const Theme& theme, std::string_view title) {
  const int cols = getmaxx(win);
  wbkgdset(win, static_cast<chtype>(theme.overlay) | ' ');
  werase(win);
  wattrset(win, theme.overlay);
  box(win, 0, 0);
  wattrset(win, theme.overlay | A_BOLD);
  wmove(win, 0, 2);
  addUtf8(win, " " + std::string(title) + " ", cols - 4);
  wattrset(win, theme.overlay);
}

std::string formatDuration(double seconds) {
  const long total = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (total >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", total / 60, total % 60);
  }
  return buf;
}

}  // namespace vorlesen::ui
