// vorlesen — translatable messages (GNU gettext, text domain "vorlesen").
//
// Every sentence the program says about itself (errors, warnings, prompts, the status line, --help)
// is written in English in the source and passed through tr(); German comes from po/de.po. Messages
// with values are whole sentences with fmt placeholders, so a translation can reorder them:
//   throw Error::input(format(tr("{}: cannot open: {}"), path, reason));
// Strings in static tables are marked with N_() where they are defined and translated with tr() where
// they are shown. Only messages are translated: numbers in machine-readable output (JSON, VTT, SRT,
// TSV) never go through the locale: initLocale() sets only LC_CTYPE and LC_MESSAGES. main() calls it
// first; without it, tr() returns its argument, so library code and tests work untranslated.
// The catalogues: po/<lang>.po, compiled by CMake into build/locale/ (found beside the binary of a
// build tree) and installed into share/locale/<lang>/LC_MESSAGES/vorlesen.mo.
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

// Sets LC_CTYPE and LC_MESSAGES from the environment (LC_ALL, LC_MESSAGES, LANG; LANGUAGE picks the
// catalogue) and binds the text domain. A locale that is not installed falls back to C.UTF-8 with
// its language still chosen through LANGUAGE: German without a generated de_DE locale, English
// when there is no catalogue. Never fails. Call once before threads start; later calls do nothing.
void initLocale();
// Where the catalogues are: beside the binary (an installed tree moved elsewhere, or the build
// tree's locale/), else the install prefix's share/locale.
std::string localeDirectory();

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
