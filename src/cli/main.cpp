// vorlesen — reads German articles aloud. The program is the library; this is only its door.
#include "cli/app.h"

int main(int argc, char** argv) { return vorlesen::cli::run(argc, argv); }
