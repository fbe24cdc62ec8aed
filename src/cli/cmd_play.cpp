// `vorlesen play FILE...` (and the shorthand `vorlesen FILE...`): reads an article aloud, or several
// as a reading list (keys a / A, the next starts by itself). The options become a Playback (vorlesen/playback.h: output, pipeline and document made in parallel) and a
// front end (vorlesen/ui.h): the reading screen on a terminal, else plain mode.
#include <algorithm>
#include <map>
#include <memory>

#include "cli/app.h"
#include "ui/keys.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/playback.h"
#include "vorlesen/settings.h"
#include "vorlesen/ui.h"

namespace vorlesen::cli {

namespace {

struct PlayOptions {
  std::vector<std::string> inputs;
  std::string device;
  bool plain = false;
  VoiceOptions voice;
  ExtractOptions extract;
  CLI::Option* device_opt = nullptr;
  bool from_start = false;
  bool announce = false;
  CLI::Option* announce_opt = nullptr;
  ScreenTheme theme = ScreenTheme::Default;
  CLI::Option* theme_opt = nullptr;
};

// The theme: --theme, else the config file's "theme" (an unknown name there is a warning).
ScreenTheme chooseTheme(const PlayOptions& opt, const Settings& settings) {
  if (opt.theme_opt->count() > 0) return opt.theme;
  const std::string& name = settings.theme.value;
  if (name == "high-contrast") return ScreenTheme::HighContrast;
  if (name == "mono") return ScreenTheme::Mono;
  if (name != "default") {
    warn(format(tr("{}: theme: unknown theme '{}' (default, high-contrast, mono)"), settings.config_path, name));
  }
  return ScreenTheme::Default;
}

int play(const PlayOptions& opt) {
  // Settings first: their warnings are printed before anything starts.
  const Settings settings = resolveSettings(opt.voice);
  const bool screen = !opt.plain && canUseReadingScreen();
  const ScreenTheme theme = screen ? chooseTheme(opt, settings) : ScreenTheme::Default;
  if (std::count(opt.inputs.begin(), opt.inputs.end(), "-") > 1) {
    throw Error::usage(tr("-: standard input can be read only once in a reading list"));
  }
  const bool stdin_is_input = std::count(opt.inputs.begin(), opt.inputs.end(), "-") > 0;
  PlaybackOptions options;
  options.inputs = opt.inputs;
  options.extract = opt.extract;
  options.device = opt.device_opt->count() > 0 ? opt.device : settings.device.value;
  options.voice = settings.voiceParams();
  options.pauses = settings.pauses();
  const auto words = std::make_shared<const SpokenWords>(loadSpokenWords(LanguageData::german()));
  options.style = settings.speechStyle(words);
  SpeechFeedback speech;
  speech.announce = opt.announce_opt->count() > 0 ? opt.announce : settings.announce.value;
  speech.words = words;
  options.lexicons = settings.lexicons;
  options.head_first = !screen;  // the screen lays out, and remembers positions in, the whole article
  Playback playback(std::move(options));
  SessionResult result;
  if (screen) {
    ScreenOptions screen_options;
    screen_options.theme = theme;
    screen_options.from_start = opt.from_start;
    screen_options.speech = speech;
    result = runReadingScreen(playback, screen_options);
  } else {
    PlainOptions plain;
    plain.speech = speech;
    plain.keys = !stdin_is_input;  // standard input is the text, not the keyboard
    result = runPlainMode(playback, plain);
  }
  return result.stop_signal ? 128 + result.stop_signal : kExitOk;
}

}  // namespace

Command addPlayCommand(CLI::App& app) {
  auto opt = std::make_shared<PlayOptions>();
  CLI::App* sub = app.add_subcommand("play", tr("read German articles aloud (also: vorlesen FILE...)"));
  sub->add_option("input", opt->inputs,
                  tr("text or HTML files or links (http/https) to read, or - for standard input; several are "
                     "a reading list: each article after the other, a and A for the next and previous one"))
      ->required();
  opt->device_opt = sub->add_option("-d,--device", opt->device,
                  tr("output device: an index or name from 'vorlesen devices', or null (silent, for machines "
                  "without audio); default: the system's default device"));
  sub->add_flag("--plain", opt->plain,
                tr("plain mode: print each sentence as a line when it is heard (automatic when stdout is not "
                "a terminal); for screen readers and braille displays"));
  sub->add_flag("--from-start", opt->from_start,
                tr("(reading screen) start at the beginning, not where this article was left"));
  opt->announce_opt = sub->add_flag("--announce", opt->announce,
                                    tr("speak short confirmations of keys (\"Tempo 220\", \"Lauter\"), for listeners "
                                       "without a screen reader; default: the config file's announce, else off"));
  opt->theme_opt = sub->add_option("--theme", opt->theme, tr("(reading screen) colours: default, high-contrast or mono"))
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ScreenTheme>{{"default", ScreenTheme::Default},
                                             {"high-contrast", ScreenTheme::HighContrast},
                                             {"mono", ScreenTheme::Mono}},
          CLI::ignore_case));
  addVoiceOptions(*sub, opt->voice);
  addInputOptions(*sub, opt->extract);
  sub->footer(std::string(tr("Keys (plain mode, when standard input is a terminal):")) + "\n" +
              ui::keyHelp(ui::Front::Plain) + "\n" + tr("The reading screen lists its keys with ?.") + "\n\n" +
              tr("Several inputs are a reading list: at the end of an article the next one starts by itself, "
                 "a and A go to the next and the previous article, and each article keeps its own position. An "
                 "input that cannot be read is reported and skipped. The reading screen offers to continue the "
                 "list at the article heard last."));
  return Command{sub, [opt] { return play(*opt); }};
}

std::vector<char*> expandPlayShorthand(CLI::App& app, int argc, char** argv) {
  std::vector<char*> args(argv, argv + argc);
  if (argc < 2) return args;
  const std::string first = argv[1];
  if (first == "-h" || first == "--help" || first == "--version") return args;
  const auto subs = app.get_subcommands([](CLI::App*) { return true; });
  for (int i = 1; i < argc; ++i) {
    for (const CLI::App* sub : subs) {
      if (sub->check_name(argv[i])) return args;  // a subcommand was named
    }
  }
  static char play_word[] = "play";
  args.insert(args.begin() + 1, play_word);
  return args;
}

}  // namespace vorlesen::cli
