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
#include "vorlesen/text.h"

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

Playback::Playback(PlaybackOptions options)
    : options_(std::move(options)), list_(options_.inputs), pending_(std::make_unique<Pending>()) {
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

std::shared_ptr<const Document> Playback::load(const ArticleInput& input, std::string_view bytes) {
  if (options_.load) return std::make_shared<const Document>(options_.load(bytes));
  return std::make_shared<const Document>(extractArticle(input, bytes, options_.extract));
}

struct Playback::Article {
  ArticleInput input;
  std::size_t head_end = 0;
  std::shared_ptr<const Document> doc;
};

Playback::Article Playback::loadArticle(std::size_t index) {
  const std::string& name = list_.input(index);
  Article article;
  article.input = options_.read ? options_.read(name) : readArticleInput(name, options_.extract);
  if (options_.head_first) article.head_end = headEnd(article.input, options_.extract);
  const std::string_view bytes = article.input.bytes;
  article.doc = load(article.input, article.head_end > 0 ? bytes.substr(0, article.head_end) : bytes);
  // In a list an article with nothing to say is passed over like one that cannot be read (alone,
  // Player::start() says so).
  if (list_.size() > 1 && article.head_end == 0 && article.doc->blocks.empty()) {
    throw Error::input(format(tr("{}: nothing to read aloud (the file is empty or has no words)"), name));
  }
  return article;
}

void Playback::install(Article article) {
  input_ = std::move(article.input);
  head_end_ = article.head_end;
  doc_ = std::move(article.doc);
}

// An input of the list that cannot be read: a warning naming it, and it is passed over from now on.
void Playback::skip(std::size_t index, const Error& error) {
  list_.markUnreadable(index);
  std::string message = format(tr("{} (this article is skipped)"), error.what());
  if (player_) {
    player_->warn(std::move(message));
  } else {
    warnings_.push_back(std::move(message));
  }
}

std::shared_ptr<const Document> Playback::document() {
  while (!doc_) {
    try {
      install(loadArticle(list_.current()));
    } catch (const Error& e) {
      if (list_.size() == 1 || e.kind() != ErrorKind::Input) throw;
      skip(list_.current(), e);
      // The next readable one; a list resumed at a later article goes on at its start when needed.
      std::optional<std::size_t> next = list_.next();
      for (std::size_t i = 0; !next && i < list_.size(); ++i) {
        if (!list_.unreadable(i)) next = i;
      }
      if (!next) throw Error::input(format(tr("none of the {} inputs can be read"), list_.size()));
      list_.moveTo(*next);
    }
  }
  return doc_;
}

// Stops the current article's Player (its hand-over first), keeping where it was left in the list
// and its warnings in the session's.
void Playback::leaveArticle() {
  handover_.reset();
  if (player_) {
    const PlayerSnapshot s = player_->snapshot();
    list_.leave(list_.current(), s.sentence, heardToEnd(s));
    for (std::string& w : player_->warnings()) warnings_.push_back(std::move(w));
    player_.reset();  // stops the output; the next start() starts it again with the new Player
  }
  doc_.reset();
  head_end_ = 0;
  started_ = false;
}

bool Playback::openArticle(std::size_t index) {
  std::optional<Article> article;
  try {
    article = loadArticle(index);  // the current article plays on meanwhile
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Input) throw;
    skip(index, e);
    return false;
  }
  leaveArticle();
  list_.moveTo(index);
  install(std::move(*article));
  return true;
}

bool Playback::switchArticle(bool forward) {
  for (;;) {
    const std::optional<std::size_t> to = forward ? list_.next() : list_.previous();
    if (!to) return false;
    if (openArticle(*to)) return true;
  }
}

std::string Playback::articleTitle() {
  const std::shared_ptr<const Document> doc = player_ ? player_->document() : document();
  if (!doc->blocks.empty() && doc->blocks.front().kind == BlockKind::Title) {
    return collapseWhiteSpace(doc->slice(doc->blocks.front().span));
  }
  const std::string& input = list_.input(list_.current());
  return input == "-" ? std::string(tr("standard input")) : input;
}

std::vector<std::string> Playback::warnings(std::size_t from) const {
  std::vector<std::string> out;
  if (from < warnings_.size()) out.assign(warnings_.begin() + static_cast<std::ptrdiff_t>(from), warnings_.end());
  if (player_) {
    const std::size_t own = from > warnings_.size() ? from - warnings_.size() : 0;
    for (std::string& w : player_->warnings(own)) out.push_back(std::move(w));
  }
  return out;
}

bool heardToEnd(const PlayerSnapshot& s) {
  return s.state == PlayerState::Finished && s.all_prepared && s.sentence + 1 >= s.sentence_count;
}

AudioOutput& Playback::output() {
  if (!output_) output_ = pending_->output.get();
  return *output_;
}

Player& Playback::prepare(std::optional<std::size_t> first_sentence) {
  if (player_) return *player_;
  const std::shared_ptr<const Document> doc = document();
  pipeline_ = pending_->pipeline.get();
  PlayerOptions options;
  options.voice = options_.voice;
  options.pauses = options_.pauses;
  options.style = options_.style;
  options.first_sentence = first_sentence.value_or(list_.position(list_.current()));
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
    handover_ = std::make_unique<Handover>([this] { return load(input_, input_.bytes); }, player);
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
