// vorlesen — batch rendering: many documents to audio files, in worker processes (render stage).
//
//   BatchJob list --runBatch()--> fork one worker per file, at most `jobs` at once
//                                   worker: loadArticle -> SentenceStream -> EspeakSynthesizer
//                                           -> AudioFileWriter (+ SubtitleWriter, TimingsJsonWriter,
//                                              ChapterCollector: marks in the audio, ffmetadata file)
//                                 <-- one result line per worker over a pipe; BatchObserver told
//
// eSpeak NG keeps its state in process globals and is not thread-safe, so parallelism comes from
// processes. runBatch() never initializes eSpeak (it only reads its version string): it loads the
// language data and builds the Pipeline once, then forks, and each worker starts its own
// EspeakSynthesizer. A worker renders one file and exits, so a crash inside eSpeak fails that file
// only. Output does not depend on the
// number of workers: every file is rendered by a fresh process the same way.
//
// Every output goes to a temporary file renamed into place when complete. SIGINT, SIGTERM and SIGHUP
// during runBatch() stop the workers (they remove their temporary files; a second signal kills them and
// runBatch() removes them), and runBatch() returns with `signal` set; workers also get SIGTERM when
// the parent dies. A finished audio file records a
// fingerprint of the settings in its comment tag: isUpToDate() compares it, and the modification
// times, to decide what a rerun may skip.
//
// runBatch() installs signal handlers for its duration and waits for its children: call it from one
// thread only, in a process that has no EspeakSynthesizer.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"
#include "vorlesen/fetch.h"
#include "vorlesen/pipeline.h"
#include "vorlesen/synthesizer.h"
#include "vorlesen/timing_files.h"

namespace vorlesen {

// Everything besides the input text that shapes the output files.
struct RenderSettings {
  VoiceParams voice;
  Pauses pauses;
  SpeechStyle style;                  // structure by voice; disabled (--plain-style): as before styles
  std::vector<std::string> lexicons;  // user lexicon files, in order (their contents are fingerprinted)
  bool raw = false;                   // no article extraction
  FetchOptions fetch;                 // for links (timeouts; not part of the fingerprint)
  AudioFormat format = AudioFormat::Wav;
  std::optional<SubtitleFormat> subtitles;
  bool timings_json = false;
  bool chapters = true;  // chapter marks inside the audio file (chapters.h)
};

struct BatchJob {
  std::string input;      // a path, an http(s) link, or "-" for standard input
  std::string audio;      // where the audio goes
  std::string subtitles;  // empty: none
  std::string timings;    // empty: none
  std::string book_record;  // empty: none; else the document and timings a book is made from (book.h)
  std::string chapters;   // ffmetadata chapter file (chapters.h); empty: none
};

// The job for `input` written to `audio`, with the subtitle and timing files beside it (same name,
// extension .vtt/.srt and .json) when the settings ask for them.
BatchJob jobForAudioFile(const std::string& input, const std::string& audio, const RenderSettings& settings);
// The job for `input` written into directory `dir` as "<input's stem><format's extension>"
// (inputStem(): "stdin" for "-", a link's last path segment or host).
BatchJob jobInDirectory(const std::string& input, const std::string& dir, const RenderSettings& settings);

// "vorlesen-settings <hex>": a hash of the program and eSpeak NG versions, the language data files
// and `settings` — what a finished file records so that a rerun can tell whether it is current.
std::string settingsFingerprint(const RenderSettings& settings);

// True when every output of `job` exists, is newer than the input, and the audio records
// `fingerprint`. Standard input and links are never up to date here: a link's files record the
// article they were made from (a hash of its text after the settings' fingerprint), which
// renderFile() compares once it has fetched the page.
bool isUpToDate(const BatchJob& job, const std::string& fingerprint);

struct FileRender {
  std::size_t samples = 0;
  int sample_rate = 0;
  std::vector<std::string> warnings;  // e.g. invalid UTF-8 repaired
  bool skipped = false;               // a link whose files record these settings and this article
};

// Renders one job in this process with `synth` (already set to settings.voice). Throws Error; on
// any failure, including *stop becoming true, no output file is left behind. A link whose files
// are current (see isUpToDate) is not rendered again unless `force`: `skipped` says so.
// `progress`, when set, is called after each sentence with the share of the text read (0..1) and
// the samples written so far.
using RenderProgress = std::function<void(double done, std::size_t samples)>;
FileRender renderFile(const BatchJob& job, const RenderSettings& settings, const std::string& fingerprint,
                      const Pipeline& pipeline, Synthesizer& synth, const std::atomic<bool>* stop = nullptr,
                      bool force = false, const RenderProgress& progress = {});

enum class JobStatus { Rendered, Skipped, Failed };

struct JobResult {
  JobStatus status = JobStatus::Failed;
  std::size_t samples = 0;           // audio rendered (Rendered only)
  int sample_rate = 0;
  double seconds = 0;                // wall time the worker took
  ErrorKind error_kind = ErrorKind::Input;
  std::string error;                 // Failed: one line naming the file and the problem
  std::vector<std::string> warnings;
};

class BatchObserver {
 public:
  virtual ~BatchObserver() = default;
  // Called in the parent for every job, in the order they finish (skipped ones first).
  virtual void finished(std::size_t index, const BatchJob& job, const JobResult& result) = 0;
  // Called about once a second while workers run.
  virtual void tick() {}
  // Called in the parent when a running job reports how far it is (about twice a second): the share
  // of its text read (0..1) and the seconds of audio written so far.
  virtual void progress(std::size_t index, double done, double audio_seconds) {
    (void)index, (void)done, (void)audio_seconds;
  }
};

struct BatchOptions {
  int jobs = 1;        // worker processes at once
  bool force = false;  // render even when isUpToDate()
  // The text pipeline the workers use (the caller's, with its lexicons); null: runBatch builds one
  // from RenderSettings::lexicons (the CLI passes the one it built to print the lexicons' warnings).
  const Pipeline* pipeline = nullptr;
};

struct BatchSummary {
  std::vector<JobResult> results;  // parallel to the jobs
  std::size_t rendered = 0, skipped = 0, failed = 0;
  int signal = 0;                  // the signal that interrupted the batch, 0 if none
  // Set when a worker failed with a usage error (unknown voice): every job would fail the same way,
  // so the batch stopped there.
  std::optional<Error> fatal;
};

BatchSummary runBatch(const std::vector<BatchJob>& jobs, const RenderSettings& settings, const BatchOptions& options,
                      BatchObserver& observer);

}  // namespace vorlesen
