#include "vorlesen/batch.h"
#include "vorlesen/book.h"
#include "vorlesen/extract.h"
#include "vorlesen/i18n.h"

#include <espeak-ng/speak_lib.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "common/atomic_file.h"
#include "common/hash.h"
#include "common/signals.h"
#include "vorlesen/chapters.h"
#include "vorlesen/language_data.h"

namespace fs = std::filesystem;

namespace vorlesen {

namespace {

std::string replaceExtension(const std::string& path, const std::string& ext) {
  return fs::path(path).replace_extension(ext).string();
}

// Modification time in nanoseconds, or nullopt when the file is missing.
std::optional<std::int64_t> modificationTime(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// ---- worker side -------------------------------------------------------------------------------

std::atomic<bool> g_worker_stop{false};

extern "C" void onWorkerSignal(int) { g_worker_stop.store(true); }

// Result lines a worker sends its parent: "ok SAMPLES RATE", "warn MESSAGE", "fail KIND MESSAGE".
void sendLine(int fd, const std::string& line) {
  std::string_view rest = line;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent is gone; nothing left to tell
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

// One line of the worker-to-parent result protocol: a message with its newlines flattened.
std::string resultLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

[[noreturn]] void workerMain(const BatchJob& job, const RenderSettings& settings, const std::string& fingerprint,
                             const Pipeline& pipeline, int result_fd, pid_t parent, bool force,
                             const SignalBlock& blocked) {
  const SignalScope signals({SIGINT, SIGTERM, SIGHUP}, onWorkerSignal);  // ends with the process (_exit)
  blocked.restore();  // a signal the parent forwarded while this process started is handled now
  // Stop (and clean up) when the parent dies, however it dies.
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (::getppid() != parent) g_worker_stop.store(true);
  int code = 0;
  try {
    EspeakSynthesizer synth;
    synth.setVoice(settings.voice);
    // Progress for the parent's line, at most twice a second: "progress SHARE SAMPLES RATE".
    auto last = std::chrono::steady_clock::now();
    const RenderProgress progress = [&](double done, std::size_t samples) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last < std::chrono::milliseconds(500)) return;
      last = now;
      sendLine(result_fd, "progress " + std::to_string(done) + " " + std::to_string(samples) + " " +
                              std::to_string(synth.sampleRate()) + "\n");
    };
    const FileRender r = renderFile(job, settings, fingerprint, pipeline, synth, &g_worker_stop, force, progress);
    for (const std::string& w : r.warnings) sendLine(result_fd, "warn " + resultLine(w) + "\n");
    if (r.skipped) {
      sendLine(result_fd, "skip\n");
    } else {
      sendLine(result_fd, "ok " + std::to_string(r.samples) + " " + std::to_string(r.sample_rate) + "\n");
    }
  } catch (const Error& e) {
    sendLine(result_fd, "fail " + std::to_string(static_cast<int>(e.kind())) + " " + resultLine(e.what()) + "\n");
    code = 1;
  } catch (const std::exception& e) {
    sendLine(result_fd, "fail " + std::to_string(static_cast<int>(ErrorKind::Synthesis)) + " " + job.input + ": " +
                            resultLine(e.what()) + "\n");
    code = 1;
  }
  // _exit: the parent's atexit handlers and stdio buffers are not ours to run or flush.
  ::_exit(code);
}

// ---- parent side -------------------------------------------------------------------------------

int g_signal_pipe = -1;
volatile sig_atomic_t g_parent_signal = 0;
volatile sig_atomic_t g_parent_signal_count = 0;

extern "C" void onParentSignal(int sig) {
  g_parent_signal = sig;
  g_parent_signal_count = g_parent_signal_count + 1;
  const int saved = errno;
  const char byte = 1;
  [[maybe_unused]] const ssize_t n = ::write(g_signal_pipe, &byte, 1);
  errno = saved;
}

// The parent's handlers for the duration of runBatch(): each signal writes a byte to a pipe the
// parent polls beside its workers' result pipes.
class ParentSignals {
 public:
  ParentSignals() : pipe_(makePipe()), scope_({SIGINT, SIGTERM, SIGHUP}, onParentSignal) {}
  ~ParentSignals() {
    scope_.restore();
    g_signal_pipe = -1;
    ::close(pipe_.first);
    ::close(pipe_.second);
  }
  ParentSignals(const ParentSignals&) = delete;
  ParentSignals& operator=(const ParentSignals&) = delete;
  int readFd() const { return pipe_.first; }
  void drain() const {
    char bytes[64];
    while (::read(pipe_.first, bytes, sizeof bytes) > 0) {
    }
  }
  // Restores the default action in a freshly forked worker before it installs its own.
  void resetInChild() const { scope_.restore(); }

 private:
  static std::pair<int, int> makePipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) throw Error::fromErrno(ErrorKind::Output, "vorlesen", "pipe", errno);
    g_signal_pipe = fds[1];
    g_parent_signal = 0;
    g_parent_signal_count = 0;
    return {fds[0], fds[1]};
  }
  std::pair<int, int> pipe_;
  SignalScope scope_;
};

// Owns one end of a pipe.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

struct Worker {
  std::size_t index = 0;
  Fd fd;  // read end of the result pipe
  std::string received;
  std::chrono::steady_clock::time_point started;
};

std::string signalName(int sig) {
  const char* name = ::sigabbrev_np(sig);
  return name ? std::string("SIG") + name : "signal " + std::to_string(sig);
}

JobResult decodeResult(const Worker& w, int status, double seconds) {
  JobResult r;
  r.seconds = seconds;
  std::istringstream lines(w.received);
  std::string line;
  bool reported = false;
  while (std::getline(lines, line)) {
    if (line.rfind("warn ", 0) == 0) {
      r.warnings.push_back(line.substr(5));
    } else if (line == "skip") {
      r.status = JobStatus::Skipped;
      reported = true;
    } else if (line.rfind("ok ", 0) == 0) {
      std::istringstream fields(line.substr(3));
      fields >> r.samples >> r.sample_rate;
      r.status = JobStatus::Rendered;
      reported = true;
    } else if (line.rfind("fail ", 0) == 0) {
      const std::size_t space = line.find(' ', 5);
      r.error_kind = static_cast<ErrorKind>(std::stoi(line.substr(5, space - 5)));
      r.error = space == std::string::npos ? std::string() : line.substr(space + 1);
      r.status = JobStatus::Failed;
      reported = true;
    }
  }
  if (!reported) {
    r.status = JobStatus::Failed;
    r.error_kind = ErrorKind::Synthesis;
    r.error = WIFSIGNALED(status) ? format(tr("worker killed by {}"), signalName(WTERMSIG(status)))
                                  : format(tr("worker exited with status {}"), WEXITSTATUS(status));
  }
  return r;
}

void removeJobTemporaries(const BatchJob& job) {
  for (const std::string* p : {&job.audio, &job.subtitles, &job.timings, &job.book_record, &job.chapters}) {
    if (!p->empty()) removeTemporaries(*p);
  }
}

}  // namespace

BatchJob jobForAudioFile(const std::string& input, const std::string& audio, const RenderSettings& settings) {
  BatchJob job;
  job.input = input;
  job.audio = audio;
  if (settings.subtitles) job.subtitles = replaceExtension(audio, subtitleExtension(*settings.subtitles));
  if (settings.timings_json) job.timings = replaceExtension(audio, ".json");
  return job;
}

BatchJob jobInDirectory(const std::string& input, const std::string& dir, const RenderSettings& settings) {
  const std::string stem = inputStem(input);
  return jobForAudioFile(input, (fs::path(dir) / (stem + audioFormatExtension(settings.format))).string(), settings);
}

namespace {

// Every value of a style that shapes the audio, for the fingerprint (the words are in spoken_words.tsv).
std::string styleDescription(const SpeechStyle& style) {
  std::ostringstream out;
  out << "|style " << style.list_numbers << style.quote_words;
  for (const BlockStyle& b : style.kinds) {
    out << '|' << b.pitch_offset << ',' << b.rate_percent << ',' << b.variant << ',' << b.pause_before_ms << ','
        << b.pause_after_ms;
  }
  return out.str();
}

}  // namespace

std::string settingsFingerprint(const RenderSettings& s) {
  Fnv1a64 h;
  std::ostringstream desc;
  desc << "vorlesen " VORLESEN_VERSION "|espeak-ng " << espeak_Info(nullptr) << "|voice " << s.voice.voice << '|'
       << s.voice.rate << '|' << s.voice.pitch << '|' << s.voice.volume << "|pauses " << s.pauses.sentence_ms << '|'
       << s.pauses.paragraph_ms << "|format " << audioFormatName(s.format) << "|raw " << s.raw << "|chapters "
       << s.chapters << '|';
  h.add(desc.str());
  // A style changes the audio; without one (--plain-style) the fingerprint is what it was before
  // styles existed, and so are the files' bytes.
  if (s.style.enabled) h.add(styleDescription(s.style));
  // So do the user's lexicons, by content.
  // (Read through rdbuf(): an istreambuf_iterator copy cost 3 M instructions for the language data.)
  const auto contents = [](const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    return bytes.str();
  };
  for (const std::string& path : s.lexicons) {
    h.add("lexicon " + path);
    h.add(contents(path));
  }
  // The language data decides the spoken words: a changed abbreviation list must re-render.
  const LanguageData& data = LanguageData::german();
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(data.directory(), ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".tsv") continue;
    if (!s.style.enabled && (it->path().stem() == "styles" || it->path().stem() == "spoken_words")) continue;
    files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    h.add(f.filename().string());
    h.add(contents(f));
  }
  return "vorlesen-settings " + h.hex();
}

namespace {

// Every output of `job` exists and the audio records `fingerprint`.
bool outputsRecord(const BatchJob& job, const std::string& fingerprint) {
  for (const std::string* p : {&job.subtitles, &job.timings, &job.chapters}) {
    if (!p->empty() && !modificationTime(*p)) return false;
  }
  try {
    return readAudioFileInfo(job.audio).comment == fingerprint;
  } catch (const Error&) {
    return false;  // missing or unreadable: render it again
  }
}

// A link has no modification time: its files record what was read from it, by a hash of the
// article's text, beside the settings.
std::string contentFingerprint(const std::string& fingerprint, const Document& doc) {
  Fnv1a64 h;
  h.add(doc.text);
  return fingerprint + " content " + h.hex();
}

}  // namespace

bool isUpToDate(const BatchJob& job, const std::string& fingerprint) {
  if (job.input == "-" || isUrl(job.input)) return false;  // known only once read: see renderFile()
  const auto input_time = modificationTime(job.input);
  if (!input_time) return false;
  for (const std::string* p : {&job.audio, &job.subtitles, &job.timings, &job.book_record, &job.chapters}) {
    if (p->empty()) continue;
    const auto t = modificationTime(*p);
    if (!t || *t <= *input_time) return false;
  }
  return outputsRecord(job, fingerprint);
}

FileRender renderFile(const BatchJob& job, const RenderSettings& settings, const std::string& fingerprint,
                      const Pipeline& pipeline, Synthesizer& synth, const std::atomic<bool>* stop, bool force,
                      const RenderProgress& progress) {
  FileRender result;
  ExtractOptions extract;
  extract.raw = settings.raw;
  extract.fetch = settings.fetch;
  const Document doc = loadArticle(job.input, extract);
  if (doc.bad_utf8 > 0) result.warnings.push_back(describeRepairs(doc));
  AudioTags tags;
  tags.title = job.input == "-" ? std::string() : inputStem(job.input);
  tags.comment = isUrl(job.input) ? contentFingerprint(fingerprint, doc) : fingerprint;
  if (!force && isUrl(job.input) && outputsRecord(job, tags.comment)) {
    result.skipped = true;
    return result;
  }
  AudioFileWriter audio(job.audio, synth.sampleRate(), settings.format, tags);
  std::optional<SubtitleWriter> subtitles;
  if (!job.subtitles.empty()) {
    subtitles.emplace(job.subtitles, settings.subtitles.value_or(SubtitleFormat::Vtt), doc, synth.sampleRate());
  }
  std::optional<TimingsJsonWriter> timings;
  if (!job.timings.empty()) {
    timings.emplace(job.timings, fs::path(job.audio).filename().string(), doc, synth.sampleRate());
  }
  std::optional<ArticleRecordWriter> book_record;
  if (!job.book_record.empty()) book_record.emplace(job.book_record, doc, synth.sampleRate());
  std::optional<ChapterCollector> chapters;
  if (settings.chapters || !job.chapters.empty()) chapters.emplace(doc);
  StreamOptions options;
  options.pauses = settings.pauses;
  options.style = settings.style;
  options.voice = settings.voice;  // what workerMain() set the synthesizer to
  options.stop = stop;
  options.on_sentence = [&](const Sentence& s, const SentenceTiming& t) {
    if (subtitles) subtitles->add(s, t);
    if (timings) timings->add(s, t);
    if (book_record) book_record->add(s, t);
    if (progress && !doc.text.empty()) {
      progress(static_cast<double>(s.source.end) / static_cast<double>(doc.text.size()),
               t.first_sample + t.samples + t.pause_samples);
    }
    if (chapters) chapters->add(s, t);
  };
  SentenceStream sentences(pipeline, doc, 0, SIZE_MAX, &settings.style);
  RenderReport report;
  try {
    report = renderStream(sentences, synth, audio, options);
  } catch (const Error&) {
    if (stop && stop->load()) throw Error::output(format(tr("{}: interrupted"), job.input));
    throw;  // already names its file
  }
  if (report.total_samples == 0) {
    throw Error::input(format(tr("{}: nothing to read aloud (the file is empty or has no words)"), doc.name));
  }
  // The audio file goes last: its presence (with the fingerprint) marks the job as done.
  if (subtitles) subtitles->commit();
  if (timings) timings->commit(report.total_samples);
  if (book_record) book_record->commit(report.total_samples);
  if (chapters) {
    const std::vector<AudioChapter> marks = chapters->finish(report.total_samples);
    if (!job.chapters.empty()) writeFfmetadata(job.chapters, tags.title, marks, report.sample_rate);
    if (settings.chapters) audio.setChapters(marks);
  }
  audio.commit();
  result.samples = report.total_samples;
  result.sample_rate = report.sample_rate;
  return result;
}

namespace {

// The parent's loop: starts workers (at most options.jobs at once), reads their result lines,
// forwards signals, and fills the summary.
class Scheduler {
 public:
  Scheduler(const std::vector<BatchJob>& jobs, const RenderSettings& settings, const std::string& fingerprint,
            const Pipeline& pipeline, const BatchOptions& options, BatchObserver& observer, BatchSummary& summary)
      : jobs_(jobs), settings_(settings), fingerprint_(fingerprint), pipeline_(pipeline),
        max_workers_(static_cast<std::size_t>(std::max(1, options.jobs))), force_(options.force), observer_(observer),
        summary_(summary) {}

  // Runs the jobs `pending` names (taken from the back).
  void run(std::vector<std::size_t> pending) {
    pending_ = std::move(pending);
    auto last_tick = Clock::now();
    while (!pending_.empty() || !running_.empty()) {
      startWorkers();
      if (running_.empty()) break;
      waitForWorkers();
      if (Clock::now() - last_tick >= std::chrono::seconds(1)) {
        last_tick = Clock::now();
        observer_.tick();
      }
    }
  }

 private:
  using Clock = std::chrono::steady_clock;

  void startWorkers() {
    const bool stopping = g_parent_signal != 0 || summary_.fatal.has_value();
    while (!stopping && !pending_.empty() && running_.size() < max_workers_) {
      if (!startWorker(pending_.back())) break;  // try again when a worker has finished
      pending_.pop_back();
    }
    if (stopping && !pending_.empty()) {
      // Not started: they count as neither rendered nor failed.
      for (std::size_t index : pending_) summary_.results[index].error = "not started";
      pending_.clear();
    }
  }

  // Forks the worker for job `index`; false when the system has no process to spare right now.
  bool startWorker(std::size_t index) {
    // Leftovers of an earlier run that was killed outright (worker and all) go before a new try.
    removeJobTemporaries(jobs_[index]);
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw Error::fromErrno(ErrorKind::Output, "vorlesen", "pipe", errno);
    Fd read_end(pipe_fds[0]), write_end(pipe_fds[1]);
    std::fflush(nullptr);  // nothing buffered may be written twice
    const pid_t parent = ::getpid();
    // Until the worker has its own handlers, a forwarded SIGTERM must wait for them (see SignalBlock).
    const SignalBlock blocked({SIGINT, SIGTERM, SIGHUP});
    const pid_t pid = ::fork();
    if (pid < 0) {
      const int err = errno;
      if (running_.empty()) throw Error::fromErrno(ErrorKind::Output, "vorlesen", N_("cannot start a worker process"), err);
      return false;
    }
    if (pid == 0) {
      signals_.resetInChild();
      read_end.reset();
      for (auto& [other_pid, other] : running_) other.fd.reset();
      workerMain(jobs_[index], settings_, fingerprint_, pipeline_, write_end.get(), parent, force_, blocked);
    }
    running_.emplace(pid, Worker{index, std::move(read_end), {}, Clock::now()});
    return true;
  }

  // Waits up to a second for a signal or a worker's output, and handles what came.
  void waitForWorkers() {
    std::vector<pollfd> fds;
    fds.push_back(pollfd{signals_.readFd(), POLLIN, 0});
    for (const auto& [pid, w] : running_) fds.push_back(pollfd{w.fd.get(), POLLIN, 0});
    const int ready = ::poll(fds.data(), fds.size(), 1000);
    if (ready < 0 && errno != EINTR) throw Error::fromErrno(ErrorKind::Output, "vorlesen", "poll", errno);
    if (fds[0].revents & POLLIN) signals_.drain();
    forwardSignals();
    for (std::size_t k = 1; k < fds.size(); ++k) {
      if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      auto it = std::find_if(running_.begin(), running_.end(),
                             [&](const auto& p) { return p.second.fd.get() == fds[k].fd; });
      readFrom(it);
    }
  }

  void forwardSignals() {
    if (g_parent_signal != 0 && summary_.signal == 0) {
      summary_.signal = g_parent_signal;
      for (const auto& [pid, w] : running_) ::kill(pid, SIGTERM);
    }
    if (g_parent_signal_count >= 2) {
      // Asked twice: do not wait for the workers to wind down; their temporaries are removed later.
      for (const auto& [pid, w] : running_) ::kill(pid, SIGKILL);
    }
  }

  void readFrom(std::map<pid_t, Worker>::iterator it) {
    Worker& w = it->second;
    char buf[4096];
    const ssize_t n = ::read(w.fd.get(), buf, sizeof buf);
    if (n > 0) {
      w.received.append(buf, static_cast<std::size_t>(n));
      reportProgress(w);
      return;
    }
    if (n < 0 && errno == EINTR) return;
    finish(it);  // end of the pipe: the worker is exiting
  }

  // The newest complete "progress" line the worker sent, to the observer.
  void reportProgress(const Worker& w) {
    const std::size_t end = w.received.rfind('\n');
    if (end == std::string::npos) return;
    const std::size_t begin = w.received.rfind("progress ", end);
    if (begin == std::string::npos || (begin > 0 && w.received[begin - 1] != '\n')) return;
    std::istringstream fields(w.received.substr(begin + 9, end - begin - 9));
    double done = 0;
    double samples = 0;
    int rate = 0;
    if (fields >> done >> samples >> rate && rate > 0) observer_.progress(w.index, done, samples / rate);
  }

  void finish(std::map<pid_t, Worker>::iterator it) {
    Worker& w = it->second;
    w.fd.reset();
    int status = 0;
    while (::waitpid(it->first, &status, 0) < 0 && errno == EINTR) {
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - w.started).count();
    JobResult r = decodeResult(w, status, seconds);
    const BatchJob& job = jobs_[w.index];
    if (WIFSIGNALED(status)) removeJobTemporaries(job);  // it could not clean up after itself
    if (r.status == JobStatus::Rendered) {
      ++summary_.rendered;
    } else if (r.status == JobStatus::Skipped) {
      ++summary_.skipped;  // a link whose content had not changed (renderFile())
    } else {
      ++summary_.failed;
      if (r.error_kind == ErrorKind::Usage && !summary_.fatal) stopAll(Error(r.error_kind, r.error), it->first);
    }
    summary_.results[w.index] = r;
    observer_.finished(w.index, job, summary_.results[w.index]);
    running_.erase(it);
  }

  // A usage error (unknown voice) fails every job the same way: stop the others.
  void stopAll(const Error& fatal, pid_t failed) {
    summary_.fatal = fatal;
    for (const auto& [pid, other] : running_) {
      if (pid != failed) ::kill(pid, SIGTERM);
    }
  }

  const std::vector<BatchJob>& jobs_;
  const RenderSettings& settings_;
  const std::string& fingerprint_;
  const Pipeline& pipeline_;
  const std::size_t max_workers_;
  const bool force_;
  BatchObserver& observer_;
  BatchSummary& summary_;
  ParentSignals signals_;
  std::vector<std::size_t> pending_;
  std::map<pid_t, Worker> running_;
};

}  // namespace

BatchSummary runBatch(const std::vector<BatchJob>& jobs, const RenderSettings& settings, const BatchOptions& options,
                      BatchObserver& observer) {
  BatchSummary summary;
  summary.results.resize(jobs.size());
  const std::string fingerprint = settingsFingerprint(settings);

  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (!options.force && isUpToDate(jobs[i], fingerprint)) {
      summary.results[i].status = JobStatus::Skipped;
      ++summary.skipped;
      observer.finished(i, jobs[i], summary.results[i]);
    } else {
      pending.push_back(i);
    }
  }
  std::reverse(pending.begin(), pending.end());  // taken from the back: in order
  if (pending.empty()) return summary;

  // Everything the workers share is built before the first fork (copy-on-write); no eSpeak here.
  // (Bad lexicon lines are the caller's to report: it loads the same files before the batch.)
  std::optional<Pipeline> own;
  if (!options.pipeline) {
    std::vector<Lexicon> lexicons;
    for (const std::string& path : settings.lexicons) lexicons.push_back(Lexicon::load(path));
    own.emplace(LanguageData::german(), std::move(lexicons), espeakHasLanguage);
  }
  const Pipeline& pipeline = options.pipeline ? *options.pipeline : *own;
  Scheduler(jobs, settings, fingerprint, pipeline, options, observer, summary).run(std::move(pending));
  return summary;
}

}  // namespace vorlesen
