// vorlesen — reads German articles aloud. The program is the library; this is only its door.
#include <csignal>
#include <exception>

#include "cli/app.h"
#include "vorlesen/i18n.h"

int main(int argc, char** argv) {
  // `vorlesen normalize < big | head -1` must end quietly when the reader goes away: the default
  // SIGPIPE action does that, even when the parent (a CI runner, Python) started us with it ignored.
  std::signal(SIGPIPE, SIG_DFL);
  // Messages in the user's language (LANG=de_DE.UTF-8: German), before anything can print one.
  vorlesen::initLocale();
  // run() turns every vorlesen::Error into its message and exit code; anything else reaching here is
  // a bug, and still ends as one line and exit 1 instead of an abort with a core dump.
  try {
    return vorlesen::cli::run(argc, argv);
  } catch (const std::exception& e) {
    return vorlesen::cli::reportUnexpected(e.what());
  } catch (...) {
    return vorlesen::cli::reportUnexpected(nullptr);
  }
}
