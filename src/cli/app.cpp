#include "cli/app.h"

#include <iostream>
#include <vector>

#include "vorlesen/error.h"
#include "vorlesen/text.h"

namespace vorlesen::cli {

namespace {

// Messages quote file names and input text: no control character (an ESC sequence, a line break)
// may reach the terminal, and a message stays one line.
std::string oneLine(std::string message) {
  blankControlCharacters(message);
  for (char& c : message) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return message;
}

}  // namespace

void warn(const std::string& message) { std::cerr << "vorlesen: warning: " << oneLine(message) << '\n'; }

void addVoiceOptions(CLI::App& sub, VoiceParams& params) {
  sub.add_option("-v,--voice", params.voice, "eSpeak NG voice, optionally +variant (see 'vorlesen voices')")
      ->capture_default_str();
  sub.add_option("-s,--rate", params.rate, "speaking rate in words per minute")
      ->check(CLI::Range(80, 450))
      ->capture_default_str();
  sub.add_option("-p,--pitch", params.pitch, "pitch")->check(CLI::Range(0, 99))->capture_default_str();
  sub.add_option("-a,--volume", params.volume, "volume (amplitude; above 100 may clip)")
      ->check(CLI::Range(0, 200))
      ->capture_default_str();
}

void addInputOptions(CLI::App& sub, ExtractOptions& options) {
  sub.add_flag("--raw", options.raw, "read the file as it is: no article extraction (HTML is then read as text)");
}

void warnAboutInput(const Document& doc) {
  if (doc.bad_utf8 == 0) return;
  warn(doc.name + ": invalid UTF-8 at byte " + std::to_string(doc.first_bad_utf8_offset) + " (" +
       std::to_string(doc.bad_utf8) + " sequence(s) replaced by U+FFFD)");
}

int run(int argc, char** argv) {
  CLI::App app{"vorlesen — reads German articles aloud (eSpeak NG)", "vorlesen"};
  app.set_version_flag("--version", "vorlesen " VORLESEN_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 failure (input, output, synthesis), 2 usage error, 3 no usable audio device.\n"
      "Run 'vorlesen COMMAND --help' for a command's options; 'man vorlesen' for more.");

  std::vector<Command> commands;
  commands.push_back(addRenderCommand(app));
  commands.push_back(addVoicesCommand(app));
  commands.push_back(addSegmentCommand(app));
  commands.push_back(addExtractCommand(app));
  commands.push_back(addNormalizeCommand(app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "vorlesen: " << oneLine(e.what()) << " (see 'vorlesen --help')\n";
    return kExitUsage;
  }

  try {
    for (const Command& c : commands) {
      if (c.app->parsed()) return c.action();
    }
    return kExitUsage;
  } catch (const Error& e) {
    std::cerr << "vorlesen: " << oneLine(e.what()) << '\n';
    return e.exitCode();
  } catch (const std::bad_alloc&) {
    std::cerr << "vorlesen: out of memory\n";
    return kExitFailure;
  }
}

}  // namespace vorlesen::cli
