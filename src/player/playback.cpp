// Playback: the Player's start-up, in one place (see include/vorlesen/playback.h).
#include "vorlesen/playback.h"

#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pronouncer.h"
#include "vorlesen/synthesizer.h"

namespace vorlesen {

namespace {

// At most this long the hand-over waits for the first sound: until then PortAudio's start and the
// first sentence need the two cores of a small machine. A head with nothing to say makes the
// player wait for the whole document, so the wait must end by itself.
constexpr auto kHandoverWait = std::chrono::milliseconds(300);

// eSpeak NG's voice list and data (loaded once per process, 10 to 30 ms) and the pipeline with the
// user's lexicons. An unknown voice fails here, before anything plays.
std::shared_ptr<const Pipeline> makePipeline(const VoiceParams& voice, const std::vector<std::string>& files) {
  espeakHasLanguage("en");  // eSpeak NG's voice list, read once before any synthesis
  {
    EspeakSynthesizer warm;  // the player's synthesizer, made later, finds eSpeak NG ready
    warm.setVoice(voice);
  }
  std::vector<Lexicon> lexicons;
  for (const std::string& path : files) lexicons.push_back(Lexicon::load(path));
  return std::make_shared<const Pipeline>(LanguageData::german(), std::move(lexicons), espeakHasLanguage);
}

}  // namespace

std::size_t headEnd(const ArticleInput& input, const ExtractOptions& extract) {
  const std::string_view bytes = input.bytes;
  if (bytes.size() < kSplitBytes) return 0;
  if (!extract.raw && (input.media_type.find("html") != std::string::npos || looksLikeHtml(input.name, bytes))) return 0;
  const std::size_t blank = bytes.find("\n\n", kHeadBytes);
  return blank == std::string_view::npos || blank > kSplitBytes ? 0 : blank;
}

struct Playback::Pending {
  std::shared_future<std::shared_ptr<AudioOutput>> output;
  std::shared_future<std::shared_ptr<const Pipeline>> pipeline;
};

// The thread that gives the Player the whole document of a head. It waits until release() (at
// most kHandoverWait), then loads the whole and calls extend(), or fail() with the loading error;
// released with `go` false it only ends the hand-over (extend(null)). Joined by the destructor.
class Playback::Handover {
 public:
  Handover(std::function<std::shared_ptr<const Document>()> load_whole, Player& player)
      : load_whole_(std::move(load_whole)), player_(player), thread_([this] { run(); }) {}
  ~Handover() {
    release(false);
    thread_.join();
  }
  Handover(const Handover&) = delete;
  Handover& operator=(const Handover&) = delete;

  void release(bool go) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (released_) return;
      released_ = true;
      go_ = go;
    }
    cv_.notify_all();
  }

 private:
  void run() {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait_for(lock, kHandoverWait, [&] { return released_; });
      if (released_ && !go_) {
        player_.extend(nullptr);
        return;
      }
    }
    try {
      const std::shared_ptr<const Document> whole = load_whole_();
      if (whole->bad_utf8 > 0) player_.warn(describeRepairs(*whole));  // about the whole file, once
      player_.extend(whole);
    } catch (const Error& e) {
      player_.fail(e);
    } catch (const std::exception& e) {
      player_.fail(Error::input(format(tr("cannot load the rest of the document: {}"), e.what())));
    }
  }

  std::function<std::shared_ptr<const Document>()> load_whole_;
  Player& player_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool released_ = false;  // guarded by mutex_, as is go_
  bool go_ = true;
  std::thread thread_;  // last: it starts running in the constructor
};

Playback::Playback(PlaybackOptions options) : options_(std::move(options)), pending_(std::make_unique<Pending>()) {
  // PortAudio takes 50-200 ms to start (it probes ALSA and JACK): begin at once, in parallel with
  // loading the document and synthesizing its first sentence.
  auto open = options_.open_output;
  if (!open) open = [device = options_.device] { return openAudioOutput(device); };
  pending_->output = std::async(std::launch::async, [open] { return std::shared_ptr<AudioOutput>(open()); }).share();
  auto make = options_.make_pipeline;
  if (!make) make = [voice = options_.voice, files = options_.lexicons] { return makePipeline(voice, files); };
  pending_->pipeline = std::async(std::launch::async, make).share();
}

Playback::~Playback() {
  handover_.reset();  // cancels a hand-over still waiting, joins it
  player_.reset();    // stops the output and joins the engine's threads
}

std::shared_ptr<const Document> Playback::load(std::string_view bytes) {
  if (options_.load) return std::make_shared<const Document>(options_.load(bytes));
  return std::make_shared<const Document>(extractArticle(input_, bytes, options_.extract));
}

std::shared_ptr<const Document> Playback::document() {
  if (doc_) return doc_;
  input_ = options_.read ? options_.read() : readArticleInput(options_.input, options_.extract);
  if (options_.head_first) head_end_ = headEnd(input_, options_.extract);
  const std::string_view bytes = input_.bytes;
  doc_ = load(head_end_ > 0 ? bytes.substr(0, head_end_) : bytes);
  return doc_;
}

AudioOutput& Playback::output() {
  if (!output_) output_ = pending_->output.get();
  return *output_;
}

Player& Playback::prepare(std::size_t first_sentence) {
  if (player_) return *player_;
  const std::shared_ptr<const Document> doc = document();
  pipeline_ = pending_->pipeline.get();
  PlayerOptions options;
  options.voice = options_.voice;
  options.pauses = options_.pauses;
  options.style = options_.style;
  options.first_sentence = first_sentence;
  options.pipeline = pipeline_;
  // Blocks near the cut may be judged differently with the text after it: read only the first half.
  if (head_end_ > 0) options.head_until = head_end_ / 2;
  player_ = std::make_unique<Player>(doc, LanguageData::german(), std::move(options), options_.make_synth);
  for (const std::string& w : pipeline_->pronouncer().warnings()) player_->warn(w);
  // A head's repairs are told with the whole document's (Handover).
  if (head_end_ == 0 && doc->bad_utf8 > 0) player_->warn(describeRepairs(*doc));
  return *player_;
}

Player& Playback::start() {
  Player& player = prepare();
  if (started_) return player;
  if (head_end_ > 0 && !handover_) {
    handover_ = std::make_unique<Handover>([this] { return load(input_.bytes); }, player);
  }
  // The hand-over goes on once the first sound is out, and is cancelled when starting fails.
  struct Release {
    Handover* handover;
    bool started = false;
    ~Release() {
      if (handover) handover->release(started);
    }
  } release{handover_.get()};
  player.start(output());
  release.started = started_ = true;
  return player;
}

}  // namespace vorlesen
