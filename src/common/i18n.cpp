#include "vorlesen/i18n.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "common/executable.h"

namespace fs = std::filesystem;

namespace vorlesen {

namespace {

// A folder holds our catalogues when some language in it has LC_MESSAGES/vorlesen.mo.
bool holdsCatalogues(const std::string& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (fs::is_regular_file(it->path() / "LC_MESSAGES" / "vorlesen.mo", ec)) return true;
  }
  return false;
}

// The locale the environment asks for messages, as setlocale() reads it: LC_ALL, LC_MESSAGES, LANG.
std::string requestedMessagesLocale() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return value;
  }
  return {};
}

bool isCLocale(const std::string& name) {
  return name.empty() || name == "C" || name == "POSIX" || name.rfind("C.", 0) == 0;
}

// Sets `category` from the environment. A locale that is not installed (a fresh Debian has no
// de_DE.UTF-8) makes setlocale() fail and leave "C", in which gettext translates nothing and
// ignores LANGUAGE. Then C.UTF-8 (always there on Debian) takes its place: UTF-8 for the screen,
// and not "C", so gettext honours LANGUAGE, which names the language the environment asked for.
// Returns whether the environment's locale was used.
bool setCategory(int category) {
  if (std::setlocale(category, "") != nullptr) return true;
  std::setlocale(category, "C.UTF-8");
  return false;
}

}  // namespace

std::string localeDirectory() {
  std::vector<std::string> candidates;
  const std::string exe_dir = executableDirectory();
  if (!exe_dir.empty()) {
    candidates.push_back(exe_dir + "/" VORLESEN_RELATIVE_LOCALE_DIR);  // an installed tree moved elsewhere
#ifdef VORLESEN_BUILD_LOCALE_DIR
    candidates.push_back(exe_dir + "/locale");  // the build tree: build/vorlesen, build/locale/
#endif
  }
  for (const std::string& c : candidates) {
    if (holdsCatalogues(c)) return fs::weakly_canonical(c).string();
  }
  return VORLESEN_INSTALL_LOCALE_DIR;
}

void initLocale() {
  // Once, before any thread starts (it may set LANGUAGE); later calls (the screen's) change nothing.
  static std::once_flag once;
  std::call_once(once, [] {
    // Only these two categories: the character set (UTF-8 for the screen, wcwidth) and messages
    // (ours and strerror's). LC_NUMERIC, LC_TIME, LC_COLLATE stay "C", so no number in JSON, VTT,
    // SRT or TSV output can get a decimal comma.
    setCategory(LC_CTYPE);
    if (!setCategory(LC_MESSAGES)) {
      const std::string wanted = requestedMessagesLocale();
      const char* language = std::getenv("LANGUAGE");
      if (!isCLocale(wanted) && !(language && *language)) ::setenv("LANGUAGE", wanted.c_str(), 1);
    }
    static const std::string dir = localeDirectory();
    bindtextdomain(kTextDomain, dir.c_str());
    // Our catalogues are UTF-8 and so is everything we print, whatever LC_CTYPE's charset.
    bind_textdomain_codeset(kTextDomain, "UTF-8");
    textdomain(kTextDomain);
  });
}

}  // namespace vorlesen
