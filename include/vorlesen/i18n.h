// vorlesen — translatable messages (GNU gettext, text domain "vorlesen").
//
// Every sentence the program says about itself (errors, warnings, prompts, the status line, --help)
// is written in English in the source and passed through tr(); German comes from po/de.po. Messages
// with values are whole sentences with fmt placeholders, so a translation can reorder them:
//   throw Error::input(format(tr("{}: cannot open: {}"), path, reason));
// Strings in static tables are marked with N_() where they are defined and translated with tr() where
// they are shown. Only messages are translated: numbers in machine-readable output (JSON, VTT, SRT,
// TSV) never go through the locale. The catalogue is bound in main() (cli::initLocale); without it,
// tr() returns its argument, so library code and tests work untranslated.
// Thread-safe: gettext lookups only read the catalogue once it is bound.
#pragma once

#include <libintl.h>

#include <string>
#include <utility>

#include <fmt/format.h>

// Marks a string for extraction (xgettext --keyword=N_) without translating it here.
#define N_(msgid) msgid

namespace vorlesen {

inline constexpr const char* kTextDomain = "vorlesen";

inline const char* tr(const char* msgid) { return dgettext(kTextDomain, msgid); }

// Singular or plural by n, as the language's plural rule says ("1 Satz", "2 Sätze").
inline const char* trn(const char* singular, const char* plural, unsigned long n) {
  return dngettext(kTextDomain, singular, plural, n);
}

// fmt::format with a pattern known only at run time (a translation). A translation whose
// placeholders do not fit its arguments never aborts the program: the message is then the pattern
// followed by the arguments.
template <typename... Args>
std::string format(const char* pattern, Args&&... args) {
  try {
    return fmt::format(fmt::runtime(pattern), std::forward<Args>(args)...);
  } catch (const fmt::format_error&) {
    std::string out = pattern;
    ((out += ' ', out += fmt::format("{}", args)), ...);
    return out;
  }
}

}  // namespace vorlesen
