#include "cli/app.h"

#include <iostream>
#include <vector>

#include "common/stderr.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen::cli {

// Messages quote file names and input text: terminalLine() (src/common/stderr.h) keeps control
// characters off the terminal and a message on one line. Warnings go through printWarning(), which
// reaches the user also while fd 2 points elsewhere (PortAudio's chatter, the reading screen's log).
int reportUnexpected(const char* what) {
  std::cerr << "vorlesen: "
            << terminalLine(what ? format(tr("internal error: {} (please report this as a bug)"), what)
                                 : std::string(tr("internal error of unknown kind (please report this as a bug)")))
            << '\n';
  return kExitFailure;
}

void warn(const std::string& message) { printWarning(message); }

void addInputOptions(CLI::App& sub, ExtractOptions& options) {
  sub.add_flag("--raw", options.raw, "read the file as it is: no article extraction (HTML is then read as text)");
  sub.add_option("--timeout", options.fetch.timeout_seconds,
                 tr("for links: give up on a page that has not arrived after SECONDS (default 30)"))
      ->type_name("SECONDS")
      ->check(CLI::Range(0.1, 3600.0));
}

void warnAboutInput(const Document& doc) {
  if (doc.bad_utf8 == 0) return;
  warn(describeRepairs(doc));
}

int run(int argc, char** argv) {
  CLI::App app{"vorlesen — reads German articles aloud (eSpeak NG)", "vorlesen"};
  app.set_version_flag("--version", versionText, "print the version of vorlesen and of the libraries it runs with");
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 failure (input, output, synthesis), 2 usage error, 3 no usable audio device,\n"
      "4 some inputs of a batch failed, 128+N interrupted by signal N.\n"
      "Run 'vorlesen COMMAND --help' for a command's options; 'man vorlesen' for more.");

  std::vector<Command> commands;
  commands.push_back(addRenderCommand(app));
  commands.push_back(addVoicesCommand(app));
  commands.push_back(addSegmentCommand(app));
  commands.push_back(addExtractCommand(app));
  commands.push_back(addNormalizeCommand(app));
  commands.push_back(addConfigCommand(app));
  commands.push_back(addPlayCommand(app));
  commands.push_back(addDevicesCommand(app));

  try {
    std::vector<char*> args = expandPlayShorthand(app, argc, argv);
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "vorlesen: " << terminalLine(e.what()) << " (see 'vorlesen --help')\n";
    return kExitUsage;
  }

  try {
    for (const Command& c : commands) {
      if (c.app->parsed()) return c.action();
    }
    return kExitUsage;
  } catch (const Error& e) {
    std::cerr << "vorlesen: " << terminalLine(e.what()) << '\n';
    return e.exitCode();
  } catch (const std::bad_alloc&) {
    std::cerr << "vorlesen: out of memory\n";
    return kExitFailure;
  }
}

}  // namespace vorlesen::cli
