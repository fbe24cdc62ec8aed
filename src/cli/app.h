// Internal: the command line. Each subcommand lives in its own cmd_*.cpp and registers itself in
// app.cpp; `run` parses, dispatches, and is the only place that turns a vorlesen::Error into a
// message on stderr and an exit code (see include/vorlesen/error.h).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vorlesen/extract.h"
#include "vorlesen/pipeline.h"
#include "vorlesen/settings.h"
#include "vorlesen/synthesizer.h"

namespace vorlesen::cli {

int run(int argc, char** argv);
// What --version prints: vorlesen's version and the versions of eSpeak NG, ICU, PortAudio and
// libsndfile that this process runs with (asked from the libraries, see version.cpp).
std::string versionText();
// The last resort for an exception nothing else caught (a bug): one line on stderr, exit status 1.
int reportUnexpected(const char* what);

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
Command addConfigCommand(CLI::App& app);
Command addPlayCommand(CLI::App& app);
Command addDevicesCommand(CLI::App& app);
// `vorlesen FILE` means `vorlesen play FILE`: argv with "play" inserted when no argument names a
// subcommand and the first is not --help or --version.
std::vector<char*> expandPlayShorthand(CLI::App& app, int argc, char** argv);

// The options shared by every command that speaks (espeak-ng style -v -s -p -a, pauses, --lexicon).
// Only options actually given override the config file; see voice_options.cpp.
struct VoiceOptions {
  std::string voice;
  int rate = 0, pitch = 0, volume = 0, sentence_pause_ms = 0, paragraph_pause_ms = 0;
  std::vector<std::string> lexicons;
  bool plain_style = false;
  CLI::Option *voice_opt = nullptr, *rate_opt = nullptr, *pitch_opt = nullptr, *volume_opt = nullptr,
              *sentence_pause_opt = nullptr, *paragraph_pause_opt = nullptr, *plain_style_opt = nullptr;
};
void addVoiceOptions(CLI::App& sub, VoiceOptions& options);
// Defaults < preset < config file < these options; prints the config file's warnings.
Settings resolveSettings(const VoiceOptions& options);
// The text pipeline with the settings' lexicons; prints their bad lines as warnings. Throws
// Error::input for a lexicon file that cannot be read.
std::shared_ptr<const Pipeline> pipelineFor(const Settings& settings);

// The options of every command that reads an article (--raw, --timeout for links).
void addInputOptions(CLI::App& sub, ExtractOptions& options);
// Warns about a loaded document's repaired input (invalid UTF-8).
void warnAboutInput(const Document& doc);

// A table column: `text` padded with spaces to `width` display columns (translated headings may
// hold umlauts, which setw() would count as two).
std::string column(const std::string& text, int width);

// "vorlesen: warning: ..." on stderr.
void warn(const std::string& message);

}  // namespace vorlesen::cli
