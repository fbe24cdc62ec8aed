#include "vorlesen/batch.h"
#include "vorlesen/book.h"
#include "vorlesen/extract.h"

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
#include <iterator>
#include <map>
#include <sstream>
#include <utility>

#include "audio/atomic_file.h"
#include "audio/hash.h"
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
                             const Pipeline& pipeline, int result_fd, pid_t parent, bool force) {
  struct sigaction sa {};
  sa.sa_handler = onWorkerSignal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);
  // Stop (and clean up) when the parent dies, however it dies.
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (::getppid() != parent) g_worker_stop.store(true);
  int code = 0;
  try {
    EspeakSynthesizer synth;
    synth.setVoice(settings.voice);
    const FileRender r = renderFile(job, settings, fingerprint, pipeline, synth, &g_worker_stop, force);
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

// Installs the parent's handlers for the duration of runBatch() and restores the previous ones.
class SignalScope {
 public:
  SignalScope() {
    if (::pipe2(fds_, O_CLOEXEC | O_NONBLOCK) != 0) {
      throw Error::fromErrno(ErrorKind::Output, "vorlesen", "pipe", errno);
    }
    g_signal_pipe = fds_[1];
    g_parent_signal = 0;
    g_parent_signal_count = 0;
    struct sigaction sa {};
    sa.sa_handler = onParentSignal;
    sigemptyset(&sa.sa_mask);
    for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &sa, &old_[i]);
  }
  ~SignalScope() {
    for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &old_[i], nullptr);
    g_signal_pipe = -1;
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  SignalScope(const SignalScope&) = delete;
  SignalScope& operator=(const SignalScope&) = delete;
  int readFd() const { return fds_[0]; }
  // Restores the default action in a freshly forked worker before it installs its own.
  void resetInChild() const {
    for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &old_[i], nullptr);
  }

 private:
  static constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
  int fds_[2] = {-1, -1};
  std::array<struct sigaction, 3> old_{};
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
    r.error = WIFSIGNALED(status) ? "worker killed by " + signalName(WTERMSIG(status))
                                  : "worker exited with status " + std::to_string(WEXITSTATUS(status));
  }
  return r;
}

void removeJobTemporaries(const BatchJob& job) {
  for (const std::string* p : {&job.audio, &job.subtitles, &job.timings, &job.book_record}) {
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

std::string settingsFingerprint(const RenderSettings& s) {
  Fnv1a64 h;
  std::ostringstream desc;
  desc << "vorlesen " VORLESEN_VERSION "|espeak-ng " << espeak_Info(nullptr) << "|voice " << s.voice.voice << '|'
       << s.voice.rate << '|' << s.voice.pitch << '|' << s.voice.volume << "|pauses " << s.pauses.sentence_ms << '|'
       << s.pauses.paragraph_ms << "|format " << audioFormatName(s.format) << "|raw " << s.raw << '|';
  h.add(desc.str());
  // So do the user's lexicons, by content.
  for (const std::string& path : s.lexicons) {
    std::ifstream in(path, std::ios::binary);
    h.add("lexicon " + path);
    h.add(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
  }
  // The language data decides the spoken words: a changed abbreviation list must re-render.
  const LanguageData& data = LanguageData::german();
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(data.directory(), ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".tsv") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    h.add(f.filename().string());
    h.add(bytes);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h.value()));
  return std::string("vorlesen-settings ") + hex;
}

namespace {

// Every output of `job` exists and the audio records `fingerprint`.
bool outputsRecord(const BatchJob& job, const std::string& fingerprint) {
  for (const std::string* p : {&job.subtitles, &job.timings}) {
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
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h.value()));
  return fingerprint + " content " + hex;
}

}  // namespace

bool isUpToDate(const BatchJob& job, const std::string& fingerprint) {
  if (job.input == "-" || isUrl(job.input)) return false;  // known only once read: see renderFile()
  const auto input_time = modificationTime(job.input);
  if (!input_time) return false;
  for (const std::string* p : {&job.audio, &job.subtitles, &job.timings, &job.book_record}) {
    if (p->empty()) continue;
    const auto t = modificationTime(*p);
    if (!t || *t <= *input_time) return false;
  }
  return outputsRecord(job, fingerprint);
}

FileRender renderFile(const BatchJob& job, const RenderSettings& settings, const std::string& fingerprint,
                      const Pipeline& pipeline, Synthesizer& synth, const std::atomic<bool>* stop, bool force) {
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
  StreamOptions options;
  options.pauses = settings.pauses;
  options.stop = stop;
  options.on_sentence = [&](const Sentence& s, const SentenceTiming& t) {
    if (subtitles) subtitles->add(s, t);
    if (timings) timings->add(s, t);
    if (book_record) book_record->add(s, t);
  };
  SentenceStream sentences(pipeline, doc);
  RenderReport report;
  try {
    report = renderStream(sentences, synth, audio, options);
  } catch (const Error&) {
    if (stop && stop->load()) throw Error::output(job.input + ": interrupted");
    throw;  // already names its file
  }
  if (report.total_samples == 0) {
    throw Error::input(doc.name + ": nothing to read aloud (the file is empty or has no words)");
  }
  // The audio file goes last: its presence (with the fingerprint) marks the job as done.
  if (subtitles) subtitles->commit();
  if (timings) timings->commit(report.total_samples);
  if (book_record) book_record->commit(report.total_samples);
  audio.commit();
  result.samples = report.total_samples;
  result.sample_rate = report.sample_rate;
  return result;
}

BatchSummary runBatch(const std::vector<BatchJob>& jobs, const RenderSettings& settings, const BatchOptions& options,
                      BatchObserver& observer) {
  using Clock = std::chrono::steady_clock;
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
  std::reverse(pending.begin(), pending.end());  // pop_back() takes them in order
  if (pending.empty()) return summary;

  // Everything the workers share is built before the first fork (copy-on-write); no eSpeak here.
  std::vector<Lexicon> lexicons;
  for (const std::string& path : settings.lexicons) lexicons.push_back(Lexicon::load(path));
  const Pipeline pipeline(LanguageData::german(), std::move(lexicons), espeakHasLanguage);
  // (Bad lexicon lines are the caller's to report: it loads the same files before the batch.)
  SignalScope signals;
  std::map<pid_t, Worker> running;
  const std::size_t max_workers = static_cast<std::size_t>(std::max(1, options.jobs));
  auto last_tick = Clock::now();

  while (!pending.empty() || !running.empty()) {
    const bool stopping = g_parent_signal != 0 || summary.fatal.has_value();
    while (!stopping && !pending.empty() && running.size() < max_workers) {
      const std::size_t index = pending.back();
      // Leftovers of an earlier run that was killed outright (worker and all) go before a new try.
      removeJobTemporaries(jobs[index]);
      int pipe_fds[2];
      if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw Error::fromErrno(ErrorKind::Output, "vorlesen", "pipe", errno);
      Fd read_end(pipe_fds[0]), write_end(pipe_fds[1]);
      std::fflush(nullptr);  // nothing buffered may be written twice
      const pid_t parent = ::getpid();
      const pid_t pid = ::fork();
      if (pid < 0) {
        const int err = errno;
        if (running.empty()) {
          throw Error::fromErrno(ErrorKind::Output, "vorlesen", "cannot start a worker process", err);
        }
        break;  // try again when a worker has finished
      }
      if (pid == 0) {
        signals.resetInChild();
        read_end.reset();
        for (auto& [other_pid, other] : running) other.fd.reset();
        workerMain(jobs[index], settings, fingerprint, pipeline, write_end.get(), parent, options.force);
      }
      write_end.reset();
      pending.pop_back();
      running.emplace(pid, Worker{index, std::move(read_end), {}, Clock::now()});
    }
    if (stopping && !pending.empty()) {
      // Not started: they count as neither rendered nor failed.
      for (std::size_t index : pending) summary.results[index].error = "not started";
      pending.clear();
    }
    if (running.empty()) break;

    std::vector<pollfd> fds;
    fds.push_back(pollfd{signals.readFd(), POLLIN, 0});
    for (const auto& [pid, w] : running) fds.push_back(pollfd{w.fd.get(), POLLIN, 0});
    const int ready = ::poll(fds.data(), fds.size(), 1000);
    if (ready < 0 && errno != EINTR) throw Error::fromErrno(ErrorKind::Output, "vorlesen", "poll", errno);
    if (fds[0].revents & POLLIN) {
      char drain[64];
      while (::read(signals.readFd(), drain, sizeof drain) > 0) {
      }
    }
    if (g_parent_signal != 0 && summary.signal == 0) {
      summary.signal = g_parent_signal;
      for (const auto& [pid, w] : running) ::kill(pid, SIGTERM);
    }
    if (g_parent_signal_count >= 2) {
      // Asked twice: do not wait for the workers to wind down; their temporaries are removed below.
      for (const auto& [pid, w] : running) ::kill(pid, SIGKILL);
    }
    for (std::size_t k = 1; k < fds.size(); ++k) {
      if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      auto it = std::find_if(running.begin(), running.end(),
                             [&](const auto& p) { return p.second.fd.get() == fds[k].fd; });
      Worker& w = it->second;
      char buf[4096];
      const ssize_t n = ::read(w.fd.get(), buf, sizeof buf);
      if (n > 0) {
        w.received.append(buf, static_cast<std::size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      // End of the pipe: the worker is exiting.
      w.fd.reset();
      int status = 0;
      while (::waitpid(it->first, &status, 0) < 0 && errno == EINTR) {
      }
      const double seconds = std::chrono::duration<double>(Clock::now() - w.started).count();
      JobResult r = decodeResult(w, status, seconds);
      const BatchJob& job = jobs[w.index];
      if (WIFSIGNALED(status)) removeJobTemporaries(job);  // it could not clean up after itself
      if (r.status == JobStatus::Rendered) {
        ++summary.rendered;
      } else if (r.status == JobStatus::Skipped) {
        ++summary.skipped;
      } else {
        ++summary.failed;
        if (r.error_kind == ErrorKind::Usage && !summary.fatal) {
          summary.fatal = Error(r.error_kind, r.error);
          for (const auto& [pid, other] : running) {
            if (pid != it->first) ::kill(pid, SIGTERM);
          }
        }
      }
      summary.results[w.index] = r;
      observer.finished(w.index, job, summary.results[w.index]);
      running.erase(it);
    }
    if (Clock::now() - last_tick >= std::chrono::seconds(1)) {
      last_tick = Clock::now();
      observer.tick();
    }
  }
  return summary;
}

}  // namespace vorlesen
