// `vorlesen play FILE` (and the shorthand `vorlesen FILE`): reads an article aloud.
//
// The front end here is plain mode: each sentence is printed, in its original spelling, as a new
// line when it starts being heard; no cursor movement, so screen readers and braille displays
// follow it. When stdin is a terminal, single keys control playback (termios raw mode, restored on
// every way out, signals and crashes included).
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <condition_variable>
#include <csignal>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>

#include "cli/app.h"
#include "vorlesen/audio_output.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/player.h"
#include "vorlesen/pronouncer.h"
#include "vorlesen/settings.h"
#include "vorlesen/synthesizer.h"
#include "vorlesen/text.h"
#include "vorlesen/ui.h"

namespace vorlesen::cli {

namespace {

struct PlayOptions {
  std::string input;
  std::string device;
  bool plain = false;
  VoiceOptions voice;
  ExtractOptions extract;
  CLI::Option* device_opt = nullptr;
  bool from_start = false;
  ScreenTheme theme = ScreenTheme::Default;
  CLI::Option* theme_opt = nullptr;
};

volatile std::sig_atomic_t g_stop_signal = 0;
termios g_saved_termios{};
volatile std::sig_atomic_t g_termios_saved = 0;

void onStopSignal(int sig) { g_stop_signal = sig; }

// Async-signal-safe: give the terminal back, then die of the same signal.
void onCrashSignal(int sig) {
  if (g_termios_saved) ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_termios);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// SIGINT/SIGTERM/SIGHUP ask the loop to stop; SIGSEGV/SIGABRT/SIGBUS restore the terminal first.
class SignalHandlers {
 public:
  SignalHandlers() {
    g_stop_signal = 0;
    install(SIGINT, onStopSignal);
    install(SIGTERM, onStopSignal);
    install(SIGHUP, onStopSignal);
    install(SIGSEGV, onCrashSignal);
    install(SIGABRT, onCrashSignal);
    install(SIGBUS, onCrashSignal);
  }
  ~SignalHandlers() {
    for (std::size_t i = 0; i < count_; ++i) ::sigaction(saved_[i].first, &saved_[i].second, nullptr);
  }
  SignalHandlers(const SignalHandlers&) = delete;
  SignalHandlers& operator=(const SignalHandlers&) = delete;

 private:
  void install(int sig, void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    saved_[count_].first = sig;
    ::sigaction(sig, &action, &saved_[count_].second);
    ++count_;
  }
  std::pair<int, struct sigaction> saved_[6];
  std::size_t count_ = 0;
};

// Single keys without Enter or echo while alive.
class RawKeys {
 public:
  RawKeys() {
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &g_saved_termios) != 0) return;
    termios raw = g_saved_termios;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    g_termios_saved = 1;
    active_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
  }
  ~RawKeys() {
    if (g_termios_saved) ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_termios);
    g_termios_saved = 0;
  }
  RawKeys(const RawKeys&) = delete;
  RawKeys& operator=(const RawKeys&) = delete;
  bool active() const { return active_; }

  // A key pressed within `timeout_ms`, or 0.
  static char poll(int timeout_ms) {
    pollfd fd{STDIN_FILENO, POLLIN, 0};
    if (::poll(&fd, 1, timeout_ms) <= 0 || !(fd.revents & POLLIN)) return 0;
    char c = 0;
    return ::read(STDIN_FILENO, &c, 1) == 1 ? c : 0;
  }

 private:
  bool active_ = false;
};

// The reading screen's keys work here too (h/l, j/k, the arrows, [/]), except n: there it is
// "next match".
const char* const kKeyHelp =
    "Keys: space pause/resume, n/p (l/h, Right/Left) next/previous sentence,\n"
    "      N/P (j/k, Down/Up) next/previous paragraph, r repeat, +/- faster/slower,\n"
    "      >/< (]/[) louder/quieter, q quit, ? this help";

// An arrow key (ESC [ A..D) read after its ESC, as the letter that does the same; 0 for anything else.
char arrowAsLetter() {
  if (RawKeys::poll(10) != '[') return 0;
  switch (RawKeys::poll(10)) {
    case 'A': return 'P';
    case 'B': return 'N';
    case 'C': return 'n';
    case 'D': return 'p';
    default: return 0;
  }
}


// What a key does, and the line that confirms it (empty: none).
std::string handleKey(char key, Player& player) {
  switch (key) {
    case ' ': {
      // Decide from the state shown, so that the action and the line that confirms it agree.
      const bool paused = player.snapshot().state == PlayerState::Paused;
      player.send(paused ? PlayerCommand::Resume : PlayerCommand::Pause);
      return paused ? "[playing]" : "[paused]";
    }
    case 'n':
    case 'l': player.send(PlayerCommand::NextSentence); return "";
    case 'p':
    case 'h': player.send(PlayerCommand::PrevSentence); return "";
    case 'N':
    case 'j': player.send(PlayerCommand::NextBlock); return "";
    case 'P':
    case 'k': player.send(PlayerCommand::PrevBlock); return "";
    case 'r': player.send(PlayerCommand::Repeat); return "";
    case '+':
    case '-': {
      player.send(key == '+' ? PlayerCommand::RateUp : PlayerCommand::RateDown);
      const int rate = player.snapshot().rate + (key == '+' ? kRateStep : -kRateStep);
      return "[rate " + std::to_string(std::clamp(rate, 80, 450)) + " words/min from the next sentence]";
    }
    case '>':
    case ']':
    case '<':
    case '[': {
      const bool up = key == '>' || key == ']';
      player.send(up ? PlayerCommand::VolumeUp : PlayerCommand::VolumeDown);
      const int volume = player.snapshot().volume + (up ? kVolumeStep : -kVolumeStep);
      return "[volume " + std::to_string(std::clamp(volume, 0, 200)) + "]";
    }
    case 'q': player.send(PlayerCommand::Quit); return "";
    case '?': return kKeyHelp;
    default: return "";
  }
}

// Plays until the end, `q` or a signal; returns the exit code.
int runPlainMode(Player& player, bool keys_allowed) {
  SignalHandlers signals;
  RawKeys keys;
  const bool use_keys = keys_allowed && keys.active();
  std::size_t printed = SIZE_MAX;
  PlayerSnapshot snap = player.snapshot();
  while (true) {
    if (g_stop_signal) {
      player.send(PlayerCommand::Quit);
      return 128 + g_stop_signal;
    }
    if (use_keys) {
      char key = RawKeys::poll(20);
      if (key == '\x1b') key = arrowAsLetter();
      if (key) {
        const std::string note = handleKey(key, player);
        if (!note.empty()) std::cout << note << std::endl;
      }
      snap = player.snapshot();
    } else {
      snap = player.waitForChange(snap.version, std::chrono::milliseconds(20));
    }
    if (snap.state == PlayerState::Error) {
      if (snap.error.rfind("audio", 0) == 0) throw Error::audio(snap.error);
      throw Error::synthesis(snap.error);
    }
    const bool heard = snap.state == PlayerState::Playing || snap.state == PlayerState::Paused ||
                       snap.state == PlayerState::Finished;
    if (heard && !snap.sentence_source.empty() && snap.sentence != printed) {
      // Asked each time: a head document is replaced by the whole one (its text a prefix of it).
      std::cout << collapseWhiteSpace(player.document()->slice(snap.sentence_source)) << std::endl;
      printed = snap.sentence;
    }
    if (snap.state == PlayerState::Finished) return kExitOk;
  }
}

// The theme: --theme, else the config file's "theme" (an unknown name there is a warning).
ScreenTheme chooseTheme(const PlayOptions& opt, const Settings& settings) {
  if (opt.theme_opt->count() > 0) return opt.theme;
  const std::string& name = settings.theme.value;
  if (name == "high-contrast") return ScreenTheme::HighContrast;
  if (name == "mono") return ScreenTheme::Mono;
  if (name != "default") warn(settings.config_path + ": theme: unknown theme '" + name + "' (default, high-contrast, mono)");
  return ScreenTheme::Default;
}

// What the player needs besides the article, made on another thread while the article loads (10 to
// 30 ms): eSpeak NG's voice list and data (loaded once per process), and the pipeline with the
// user's lexicons. Throws what they throw (an unknown voice, a missing lexicon file).
std::shared_ptr<const Pipeline> makePipeline(const Settings& settings) {
  espeakHasLanguage("en");  // eSpeak NG's voice list, read once before any synthesis
  {
    EspeakSynthesizer warm;                 // the player's synthesizer, made later, finds eSpeak NG ready
    warm.setVoice(settings.voiceParams());  // and an unknown voice fails here, before anything plays
  }
  std::vector<Lexicon> lexicons;
  for (const std::string& path : settings.lexicons) lexicons.push_back(Lexicon::load(path));
  return std::make_shared<const Pipeline>(LanguageData::german(), std::move(lexicons), espeakHasLanguage);
}

// Warnings about the input and the lexicons; only once PortAudio has started (stderr is /dev/null
// meanwhile, to keep ALSA's chatter off the terminal).
void warnAboutStart(const Document& doc, const Pipeline& pipeline) {
  warnAboutInput(doc);
  for (const std::string& w : pipeline.pronouncer().warnings()) warn(w);
}

// The ncurses reading screen: it asks about resuming before it creates the Player itself.
int playOnScreen(const PlayOptions& opt, ScreenTheme theme, std::shared_ptr<const Document> doc,
                 const PlayerOptions& options, std::unique_ptr<AudioOutput> output) {
  warnAboutStart(*doc, *options.pipeline);
  ScreenOptions screen;
  screen.theme = theme;
  screen.from_start = opt.from_start;
  const ScreenResult result = runReadingScreen(std::move(doc), LanguageData::german(), options, *output, screen);
  for (const std::string& w : result.warnings) warn(w);
  return result.stop_signal ? 128 + result.stop_signal : kExitOk;
}

// Plain text this long is extracted twice: a head first, so that playback starts at once, and the
// whole file while the head is read (5 MB take 40-70 ms, on a core PortAudio's start also needs).
constexpr std::size_t kSplitBytes = 512 * 1024;
constexpr std::size_t kHeadBytes = 64 * 1024;

// Where the head of `bytes` ends: the first blank line after kHeadBytes, or 0 for no head (HTML
// needs its whole tree; short files are extracted at once).
std::size_t headEnd(const std::string& path, std::string_view bytes, const ExtractOptions& extract) {
  if (bytes.size() < kSplitBytes || (!extract.raw && looksLikeHtml(path, bytes))) return 0;
  const std::size_t blank = bytes.find("\n\n", kHeadBytes);
  return blank == std::string_view::npos || blank > kSplitBytes ? 0 : blank;
}

// Plain mode. A long text file plays from its head while the whole is extracted on another thread.
int playPlain(const PlayOptions& opt, const ArticleInput& input, PlayerOptions options,
              std::future<std::shared_ptr<const Pipeline>> pending_pipeline,
              std::future<std::unique_ptr<AudioOutput>> pending_output) {
  const std::string& bytes = input.bytes;
  const std::size_t head_end = headEnd(opt.input, bytes, opt.extract);
  std::shared_ptr<const Document> doc;
  if (head_end > 0) {
    doc = std::make_shared<const Document>(extractArticle(input, std::string_view(bytes).substr(0, head_end), opt.extract));
    // Blocks near the cut may be judged differently with the text after it: read only the first half.
    options.head_until = head_end / 2;
  } else {
    doc = std::make_shared<const Document>(extractArticle(input, bytes, opt.extract));
  }
  options.pipeline = pending_pipeline.get();
  std::unique_ptr<AudioOutput> output;  // outlives the player, which stops it
  Player player(doc, LanguageData::german(), options);
  // Extracts the whole document and hands it over; joined before the player goes. It waits for
  // the first sound: until then PortAudio's start and the first sentence need the two cores of a
  // small machine. (At most 300 ms: a head with nothing to say has the player wait for the whole.)
  std::mutex started_mutex;
  std::condition_variable started_cv;
  bool started = false;
  std::future<void> handover;
  if (head_end > 0) {
    handover = std::async(std::launch::async, [&] {
      {
        std::unique_lock<std::mutex> lock(started_mutex);
        started_cv.wait_for(lock, std::chrono::milliseconds(300), [&] { return started; });
      }
      doc = std::make_shared<const Document>(extractArticle(input, bytes, opt.extract));  // text: no throw
      player.extend(doc);
    });
  }
  // Lets the extraction go once playing, or at once when starting fails (no device).
  struct Release {
    std::mutex& mutex;
    std::condition_variable& cv;
    bool& started;
    void operator()() {
      {
        std::lock_guard<std::mutex> lock(mutex);
        started = true;
      }
      cv.notify_all();
    }
    ~Release() { (*this)(); }
  } release{started_mutex, started_cv, started};
  output = pending_output.get();
  player.start(*output);
  release();
  if (handover.valid()) handover.wait();  // the warnings are about the whole file
  warnAboutStart(*doc, *options.pipeline);
  // With --plain, or when stdin or stdout is not a terminal.
  return runPlainMode(player, opt.input != "-");
}

int play(const PlayOptions& opt) {
  // PortAudio takes 100-200 ms to start (it probes ALSA and JACK): begin at once, in parallel with
  // loading the document and synthesizing its first sentence.
  const Settings settings = resolveSettings(opt.voice);
  const std::string device = opt.device_opt->count() > 0 ? opt.device : settings.device.value;
  auto pending_output = std::async(std::launch::async, [device] { return openAudioOutput(device); });
  auto pending_pipeline = std::async(std::launch::async, [&settings] { return makePipeline(settings); });
  const ArticleInput input = readArticleInput(opt.input, opt.extract);
  PlayerOptions options;
  options.voice = settings.voiceParams();
  options.pauses = settings.pauses();
  // Waiting for the output first: PortAudio is done with stderr before the screen redirects it.
  if (!opt.plain && canUseReadingScreen()) {
    // The screen shows, lays out and remembers the whole article: it is extracted first.
    auto doc = std::make_shared<const Document>(extractArticle(input, input.bytes, opt.extract));
    options.pipeline = pending_pipeline.get();
    return playOnScreen(opt, chooseTheme(opt, settings), doc, options, pending_output.get());
  }
  return playPlain(opt, input, std::move(options), std::move(pending_pipeline), std::move(pending_output));
}

}  // namespace

Command addPlayCommand(CLI::App& app) {
  auto opt = std::make_shared<PlayOptions>();
  CLI::App* sub = app.add_subcommand("play", "read a German article aloud (also: vorlesen FILE)");
  sub->add_option("input", opt->input, tr("text or HTML file or link (http/https) to read, or - for standard input"))->required();
  opt->device_opt = sub->add_option("-d,--device", opt->device,
                  "output device: an index or name from 'vorlesen devices', or null (silent, for machines "
                  "without audio); default: the system's default device");
  sub->add_flag("--plain", opt->plain,
                "plain mode: print each sentence as a line when it is heard (automatic when stdout is not "
                "a terminal); for screen readers and braille displays");
  sub->add_flag("--from-start", opt->from_start,
                "(reading screen) start at the beginning, not where this article was left");
  opt->theme_opt = sub->add_option("--theme", opt->theme, "(reading screen) colours: default, high-contrast or mono")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ScreenTheme>{{"default", ScreenTheme::Default},
                                             {"high-contrast", ScreenTheme::HighContrast},
                                             {"mono", ScreenTheme::Mono}},
          CLI::ignore_case));
  addVoiceOptions(*sub, opt->voice);
  addInputOptions(*sub, opt->extract);
  sub->footer(kKeyHelp);
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
