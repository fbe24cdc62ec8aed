// Internal: the command line. Each subcommand lives in its own cmd_*.cpp and registers itself in
// app.cpp; `run` parses, dispatches, and is the only place that turns a vorlesen::Error into a
// message on stderr and an exit code (see include/vorlesen/error.h).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "vorlesen/extract.h"
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
Command addSegmentCommand(CLI::App& app);
Command addExtractCommand(CLI::App& app);
Command addNormalizeCommand(CLI::App& app);

// The espeak-ng-style voice options shared by every command that speaks.
void addVoiceOptions(CLI::App& sub, VoiceParams& params);

// The options of every command that reads an article (--raw).
void addInputOptions(CLI::App& sub, ExtractOptions& options);
// Warns about a loaded document's repaired input (invalid UTF-8).
void warnAboutInput(const Document& doc);

// "vorlesen: warning: ..." on stderr.
void warn(const std::string& message);

}  // namespace vorlesen::cli
