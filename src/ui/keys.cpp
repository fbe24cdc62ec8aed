#include "ui/keys.h"

#include <algorithm>

#include "ui/layout.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen::ui {

const std::vector<KeyBinding>& keyBindings() {
  // TRANSLATORS: the first string of a row names the keys as the help shows them (space, arrow keys,
  // Home, End, Ctrl-L): translate the names of keys only, never the letters, which stay the same.
  static const std::vector<KeyBinding> table = {
      {Action::TogglePause, {L' '}, {}, N_("space"), N_("pause / resume")},
      {Action::PrevSentence, {L'h', L'p'}, {KEY_LEFT}, N_("Left  h p"), N_("previous sentence")},
      {Action::NextSentence, {L'l'}, {KEY_RIGHT}, N_("Right l"), N_("next sentence"), Front::Screen},
      {Action::NextSentence, {L'l', L'n'}, {KEY_RIGHT}, N_("Right l n"), N_("next sentence"), Front::Plain},
      {Action::PrevBlock, {L'k', L'P'}, {KEY_UP, KEY_PPAGE}, N_("Up    k P"), N_("previous paragraph")},
      {Action::NextBlock, {L'j', L'N'}, {KEY_DOWN, KEY_NPAGE}, N_("Down  j N"), N_("next paragraph")},
      {Action::Repeat, {L'r'}, {}, "r", N_("repeat the sentence")},
      {Action::RateUp, {L'+', L'='}, {}, "+", N_("faster (from the next word)")},
      {Action::RateDown, {L'-'}, {}, "-", N_("slower (from the next word)")},
      {Action::VolumeUp, {L']', L'>'}, {}, "] >", N_("louder")},
      {Action::VolumeDown, {L'[', L'<'}, {}, "[ <", N_("quieter")},
      {Action::First, {L'g'}, {KEY_HOME}, N_("g     Home"), N_("to the start")},
      {Action::Last, {L'G'}, {KEY_END}, N_("G     End"), N_("to the last sentence")},
      {Action::NextArticle, {L'a'}, {}, "a", N_("next article (several inputs)")},
      {Action::PrevArticle, {L'A'}, {}, "A", N_("previous article (several inputs)")},
      {Action::Search, {L'/'}, {}, "/", N_("search the text and jump there"), Front::Screen},
      {Action::SearchNext, {L'n'}, {}, "n", N_("next match"), Front::Screen},
      {Action::Help, {L'?'}, {KEY_F(1)}, "?     F1", N_("this help (any key closes it)"), Front::Screen},
      {Action::Help, {L'?'}, {KEY_F(1)}, "?     F1", N_("this list of keys"), Front::Plain},
      {Action::Redraw, {12 /* Ctrl-L */}, {}, N_("Ctrl-L"), N_("redraw the screen"), Front::Screen},
      {Action::Quit, {L'q', L'Q'}, {}, "q", N_("quit (the position is remembered)"), Front::Screen},
      {Action::Quit, {L'q', L'Q'}, {}, "q", N_("quit"), Front::Plain},
      {Action::NextHeading, {L'u'}, {}, "u", N_("next heading")},
      {Action::PrevHeading, {L'U'}, {}, "U", N_("previous heading")},
      {Action::NextList, {L'i'}, {}, "i", N_("next list")},
      {Action::PrevList, {L'I'}, {}, "I", N_("previous list")},
      {Action::BodyStart, {L'b'}, {}, "b", N_("first sentence of the body")},
      {Action::WhereAmI, {L'w'}, {}, "w", N_("where am I (spoken)")},
      {Action::Contents, {L't'}, {}, "t", N_("table of contents (Enter jumps)"), Front::Screen},
  };
  return table;
}

namespace {

bool belongs(const KeyBinding& b, Front front) {
  return (static_cast<unsigned>(b.front) & static_cast<unsigned>(front)) != 0;
}

}  // namespace

std::vector<KeyBinding> keyBindings(Front front) {
  std::vector<KeyBinding> out;
  for (const KeyBinding& b : keyBindings()) {
    if (belongs(b, front)) out.push_back(b);
  }
  return out;
}

std::optional<Action> actionForKey(bool is_code, wint_t key, Front front) {
  for (const KeyBinding& b : keyBindings()) {
    if (!belongs(b, front)) continue;
    if (is_code ? std::count(b.codes.begin(), b.codes.end(), static_cast<int>(key)) > 0
                : std::count(b.chars.begin(), b.chars.end(), key) > 0) {
      return b.action;
    }
  }
  return std::nullopt;
}

std::string keyHelp(Front front, int width) {
  std::string out;
  for (const KeyBinding& b : keyBindings(front)) {
    // Padded by display columns: a translated key name may hold an arrow (3 bytes, 1 column).
    const std::string keys = tr(b.keys);
    const int used = displayWidth(keys);
    out += (out.empty() ? "" : "\n") + ("  " + keys) + std::string(std::max(1, width - used), ' ') + tr(b.what);
  }
  return out;
}

namespace {

// The key an ESC [ or ESC O sequence stands for, after those two bytes.
std::optional<Key> decodeEscape(int (*more)(void*), void* context) {
  const int intro = more(context);
  if (intro != '[' && intro != 'O') return std::nullopt;
  int c = more(context);
  switch (c) {
    case 'A': return Key{true, KEY_UP};
    case 'B': return Key{true, KEY_DOWN};
    case 'C': return Key{true, KEY_RIGHT};
    case 'D': return Key{true, KEY_LEFT};
    case 'H': return Key{true, KEY_HOME};
    case 'F': return Key{true, KEY_END};
    case 'P': return Key{true, KEY_F(1)};
    default: break;
  }
  // ESC [ NUMBER ~: Home 1/7, End 4/8, Page Up 5, Page Down 6, F1 11.
  int number = 0;
  while (c >= '0' && c <= '9' && number < 100) {
    number = number * 10 + (c - '0');
    c = more(context);
  }
  if (c != '~') return std::nullopt;
  switch (number) {
    case 1: case 7: return Key{true, KEY_HOME};
    case 4: case 8: return Key{true, KEY_END};
    case 5: return Key{true, KEY_PPAGE};
    case 6: return Key{true, KEY_NPAGE};
    case 11: return Key{true, KEY_F(1)};
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<Key> decodeKey(unsigned char first, int (*more)(void*), void* context) {
  if (first == 0x1b) return decodeEscape(more, context);
  if (first < 0x80) return Key{false, static_cast<wint_t>(first)};
  // A UTF-8 character: its continuation bytes follow at once.
  std::string bytes(1, static_cast<char>(first));
  const int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
  for (int i = 1; i < length; ++i) {
    const int c = more(context);
    if (c < 0) return std::nullopt;
    bytes.push_back(static_cast<char>(c));
  }
  std::size_t at = 0;
  return Key{false, static_cast<wint_t>(nextCodepoint(bytes, at))};
}

}  // namespace vorlesen::ui
