// Internal to the reading screen: every key binding, in one table.
//
// The UI loop looks keys up here and the help overlay lists this same table, so the help can not
// drift from what the keys do. Arrow keys and vi-style letters both work. Pure data; thread-safe.
#pragma once

#include <curses.h>

#include <optional>
#include <vector>

namespace vorlesen::ui {

enum class Action {
  TogglePause, PrevSentence, NextSentence, PrevBlock, NextBlock, Repeat, RateUp, RateDown,
  VolumeUp, VolumeDown, First, Last, Search, SearchNext, Help, Redraw, Quit,
};

struct KeyBinding {
  Action action;
  std::vector<wint_t> chars;  // characters (get_wch returned OK)
  std::vector<int> codes;     // function keys (get_wch returned KEY_CODE_YES)
  const char* keys;           // as the help shows them
  const char* what;
};

const std::vector<KeyBinding>& keyBindings();
// The action bound to a key from get_wch: `is_code` when it returned KEY_CODE_YES.
std::optional<Action> actionForKey(bool is_code, wint_t key);

}  // namespace vorlesen::ui
