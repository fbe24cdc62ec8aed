// Internal: the command line. Each subcommand lives in its own cmd_*.cpp and registers itself in
// app.cpp; `run` parses, dispatches, and is the only place that turns a vorlesen::Error into a
// message on stderr and an exit code (see include/vorlesen/error.h).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "vorlesen/synthesizer.h"

namespace vorlesen::cli {

int run(int argc, char** argv);

// A registered subcommand: its CLI11 node and what to do when it was chosen.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> action;
};

Command addRenderCommand(CLI::App& app);
Command addVoicesCommand(CLI::App& app);
Command addPlayCommand(CLI::App& app);
Command addDevicesCommand(CLI::App& app);
// `vorlesen FILE` means `vorlesen play FILE`: argv with "play" inserted when the first argument is
// neither an option nor a subcommand.
std::vector<char*> expandPlayShorthand(CLI::App& app, int argc, char** argv);

// The espeak-ng-style voice options shared by every command that speaks.
void addVoiceOptions(CLI::App& sub, VoiceParams& params);

// "vorlesen: warning: ..." on stderr.
void warn(const std::string& message);

}  // namespace vorlesen::cli
