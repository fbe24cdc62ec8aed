// vorlesen — reads German articles aloud. The program is the library; this is only its door.
#include <csignal>

#include "cli/app.h"

int main(int argc, char** argv) {
  // `vorlesen normalize < big | head -1` must end quietly when the reader goes away: the default
  // SIGPIPE action does that, even when the parent (a CI runner, Python) started us with it ignored.
  std::signal(SIGPIPE, SIG_DFL);
  return vorlesen::cli::run(argc, argv);
}
