#include "cli/app.h"

#include <algorithm>
#include <iostream>
#include <vector>

#include "common/stderr.h"
#include "ui/layout.h"
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

std::string column(const std::string& text, int width) {
  return text + std::string(static_cast<std::size_t>(std::max(1, width - ui::displayWidth(text))), ' ');
}

void addInputOptions(CLI::App& sub, ExtractOptions& options) {
  sub.add_flag("--raw", options.raw, tr("read the file as it is: no article extraction (HTML is then read as text)"));
  sub.add_option("--timeout", options.fetch.timeout_seconds,
                 tr("for links: give up on a page that has not arrived after SECONDS (default 30)"))
      ->type_name("SECONDS")
      ->check(CLI::Range(0.1, 3600.0));
}

void warnAboutInput(const Document& doc) {
  if (doc.bad_utf8 == 0) return;
  warn(describeRepairs(doc));
}

namespace {

// CLI11's own words in --help (labels, group titles, the help flag), in the user's language. Set on
// the root before the subcommands are added: they inherit the formatter, groups and help flag.
void translateHelpWords(CLI::App& app) {
  static const char* const kLabels[] = {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("Positionals"),
                                        N_("REQUIRED"), N_("FILE"), N_("SECONDS")};
  for (const char* label : kLabels) app.get_formatter()->label(label, tr(label));
  app.option_defaults()->group(tr("Options"));
  app.group(tr("Subcommands"));
  app.set_help_flag("-h,--help", tr("print this help message and exit"));
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{tr("vorlesen — reads German articles aloud (eSpeak NG)"), "vorlesen"};
  translateHelpWords(app);
  app.set_version_flag("--version", versionText, tr("print the version of vorlesen and of the libraries it runs with"));
  app.require_subcommand(1);
  app.footer(tr("Exit codes: 0 success, 1 failure (input, output, synthesis), 2 usage error, 3 no usable audio device,\n"
                "4 some inputs of a batch failed, 128+N interrupted by signal N.\n"
                "Run 'vorlesen COMMAND --help' for a command's options; 'man vorlesen' for more."));

  std::vector<Command> commands;
  commands.push_back(addRenderCommand(app));
  commands.push_back(addVoicesCommand(app));
  commands.push_back(addSegmentCommand(app));
  commands.push_back(addExtractCommand(app));
  commands.push_back(addNormalizeCommand(app));
  commands.push_back(addConfigCommand(app));
  commands.push_back(addPlayCommand(app));
  commands.push_back(addDevicesCommand(app));
  // A subcommand makes its help flag before it copies the parent's option defaults: regroup it.
  for (const Command& c : commands) c.app->get_help_ptr()->group(tr("Options"));

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
    // CLI11 words its own errors, in English; our sentence around it is translated.
    std::cerr << "vorlesen: " << terminalLine(format(tr("{} (see 'vorlesen --help')"), e.what())) << '\n';
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
    std::cerr << "vorlesen: " << tr("out of memory") << '\n';
    return kExitFailure;
  }
}

}  // namespace vorlesen::cli
