// Internal to the reading screen: the attributes each part of the screen is drawn with.
//
// Colour pairs are set up once per session (after start_color()). The monochrome look uses only
// reverse, bold and underline, and is chosen for ScreenTheme::Mono, when NO_COLOR is set to a
// non-empty value (https://no-color.org) or when the terminal has no colours. Curses thread only.
#pragma once

#include <curses.h>

#include "vorlesen/ui.h"

namespace vorlesen::ui {

struct Theme {
  chtype background = A_NORMAL;  // the window background (bkgd)
  attr_t text = A_NORMAL;
  attr_t title = A_BOLD;         // Title and Heading blocks
  attr_t byline = A_NORMAL;
  attr_t sentence = A_REVERSE;   // the sentence heard
  attr_t word = A_REVERSE;       // the word heard, within it
  attr_t status = A_REVERSE;
  attr_t overlay = A_NORMAL;     // help overlay and prompts
};

// True when NO_COLOR asks for no colours.
bool noColorRequested();
// `colors`: the terminal has colours and start_color() succeeded.
Theme makeTheme(ScreenTheme name, bool colors);

}  // namespace vorlesen::ui
