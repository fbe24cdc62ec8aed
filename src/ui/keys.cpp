#include "ui/keys.h"

namespace vorlesen::ui {

const std::vector<KeyBinding>& keyBindings() {
  static const std::vector<KeyBinding> table = {
      {Action::TogglePause, {L' '}, {}, "space", "pause / resume"},
      {Action::PrevSentence, {L'h', L'p'}, {KEY_LEFT}, "Left  h p", "previous sentence"},
      {Action::NextSentence, {L'l'}, {KEY_RIGHT}, "Right l", "next sentence"},
      {Action::PrevBlock, {L'k', L'P'}, {KEY_UP, KEY_PPAGE}, "Up    k P", "previous paragraph"},
      {Action::NextBlock, {L'j', L'N'}, {KEY_DOWN, KEY_NPAGE}, "Down  j N", "next paragraph"},
      {Action::Repeat, {L'r'}, {}, "r", "repeat the sentence"},
      {Action::RateUp, {L'+', L'='}, {}, "+", "faster"},
      {Action::RateDown, {L'-'}, {}, "-", "slower"},
      {Action::VolumeUp, {L']', L'>'}, {}, "] >", "louder"},
      {Action::VolumeDown, {L'[', L'<'}, {}, "[ <", "quieter"},
      {Action::First, {L'g'}, {KEY_HOME}, "g     Home", "to the start"},
      {Action::Last, {L'G'}, {KEY_END}, "G     End", "to the last sentence"},
      {Action::Search, {L'/'}, {}, "/", "search the text and jump there"},
      {Action::SearchNext, {L'n'}, {}, "n", "next match"},
      {Action::Help, {L'?'}, {KEY_F(1)}, "?     F1", "this help (any key closes it)"},
      {Action::Redraw, {12 /* Ctrl-L */}, {}, "Ctrl-L", "redraw the screen"},
      {Action::Quit, {L'q', L'Q'}, {}, "q", "quit (the position is remembered)"},
  };
  return table;
}

std::optional<Action> actionForKey(bool is_code, wint_t key) {
  for (const KeyBinding& b : keyBindings()) {
    for (wint_t c : is_code ? std::vector<wint_t>(b.codes.begin(), b.codes.end()) : b.chars) {
      if (c == key) return b.action;
    }
  }
  return std::nullopt;
}

}  // namespace vorlesen::ui
