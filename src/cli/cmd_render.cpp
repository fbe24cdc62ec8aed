// `vorlesen render IN... -o OUT`: articles to audio files, in parallel worker processes, with
// optional subtitles and timings; progress on stderr. The work itself is runBatch() (vorlesen/batch.h).
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string.h>  // sigabbrev_np
#include <thread>

#include "cli/app.h"
#include "common/lifetime.h"
#include "vorlesen/audio_sink.h"
#include "vorlesen/batch.h"
#include "vorlesen/book.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pronouncer.h"
#include "vorlesen/text.h"

namespace fs = std::filesystem;

namespace vorlesen::cli {

namespace {

struct RenderOptions {
  std::vector<std::string> inputs;
  std::string list;
  std::string output;
  std::string format;
  std::string subtitles;
  std::string timings;
  std::string chapters;
  bool no_chapters = false;
  int jobs = 0;
  bool force = false;
  bool quiet = false;
  bool word_sync = false;  // books
  std::string title;       // books
  VoiceOptions voice;
  ExtractOptions extract;
};

int defaultJobs() { return std::max(1u, std::thread::hardware_concurrency()); }

// Paths from a list file ("-": standard input), one per line; blank lines are skipped.
std::vector<std::string> readList(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    text = readInput(path);  // the same checks and messages as for any input
  }
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string_view line = std::string_view(text).substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!trim(line).empty()) out.emplace_back(line);
    begin = end + 1;
  }
  return out;
}

std::string clock(double seconds) {
  const long s = std::lround(seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

// Progress on stderr: one redrawn line on a terminal, one line per finished file otherwise.
// Failures and warnings are printed whatever --quiet says. One input is not a batch: on a terminal
// its line shows how far that file is (a long book takes minutes), and it is wiped at the end; on
// anything else nothing is printed.
class Progress final : public BatchObserver {
 public:
  Progress(const std::vector<BatchJob>& jobs, bool quiet)
      : terminal_(::isatty(STDERR_FILENO) == 1), quiet_(quiet), single_(jobs.size() == 1), sizes_(jobs.size(), 0),
        total_(jobs.size()) {
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      struct stat st {};
      if (jobs[i].input != "-" && ::stat(jobs[i].input.c_str(), &st) == 0) sizes_[i] = static_cast<double>(st.st_size);
      bytes_total_ += sizes_[i];
    }
  }

  void finished(std::size_t index, const BatchJob& job, const JobResult& r) override {
    ++done_;
    if (r.status == JobStatus::Skipped) {
      bytes_total_ -= sizes_[index];  // costs nothing; leave it out of the rate and ETA
    } else {
      bytes_done_ += sizes_[index];
    }
    if (r.status == JobStatus::Rendered && r.sample_rate > 0) audio_seconds_ += double(r.samples) / r.sample_rate;
    for (const std::string& w : r.warnings) printAbove("vorlesen: " + format(tr("warning: {}"), w));
    if (r.status == JobStatus::Failed) {
      // A usage error (unknown voice) ends the batch and is reported once, by the caller; the
      // workers stopped because of it have nothing to add.
      if (r.error_kind == ErrorKind::Usage) fatal_seen_ = true;
      if (!fatal_seen_ && r.error != "not started") printAbove("vorlesen: " + r.error);
    } else if (!quiet_ && !terminal_ && !single_) {
      if (r.status == JobStatus::Skipped) {
        std::cerr << format(tr("skipped {}: {} is up to date"), job.input, job.audio) << '\n';
      } else {
        // TRANSLATORS: input, output file, the audio's length (h:mm:ss), seconds it took.
        std::cerr << format(tr("rendered {} -> {} ({} audio in {:.1f} s)"), job.input, job.audio,
                            clock(double(r.samples) / r.sample_rate), r.seconds)
                  << '\n';
      }
    }
    draw();
  }

  void tick() override { draw(); }

  void progress(std::size_t, double done, double audio_seconds) override {
    file_done_ = done;
    file_audio_ = audio_seconds;
    draw();
  }

  void end() {
    if (drawn_) std::cerr << (single_ ? "\r\033[K" : "\n") << std::flush;
    drawn_ = false;
  }

 private:
  void printAbove(const std::string& line) {
    if (drawn_) std::cerr << "\r\033[K";
    drawn_ = false;
    std::cerr << line << '\n';
  }

  // One file: "37 % read, 0.42 h audio, 150x real time, ETA 0:01:23".
  void drawFile(double elapsed) {
    if (file_done_ <= 0 || done_ > 0) return;
    std::ostringstream audio, speed;
    audio << std::fixed << std::setprecision(2) << file_audio_ / 3600;
    speed << std::fixed << std::setprecision(0) << (elapsed > 0 ? file_audio_ / elapsed : 0);
    const double eta = elapsed * (1 - file_done_) / file_done_;
    std::cerr << "\r\033[K"
              << format(tr("{} % read, {} h audio, {}x real time, ETA {}"), std::lround(file_done_ * 100), audio.str(),
                        speed.str(), clock(eta))
              << std::flush;
    drawn_ = true;
  }

  void draw() {
    if (quiet_ || !terminal_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (single_) return drawFile(elapsed);
    std::ostringstream line;
    // TRANSLATORS: the progress line of render: files done of all, hours of audio written so far.
    line << "\r\033[K" << format(tr("{}/{} files, {:.2f} h audio"), done_, total_, audio_seconds_ / 3600);
    if (elapsed > 0 && audio_seconds_ > 0) {
      line << ", " << format(tr("{:.0f}x real time"), audio_seconds_ / elapsed);
    }
    if (bytes_done_ > 0 && bytes_total_ > bytes_done_) {
      // TRANSLATORS: estimated time until the batch is done (h:mm:ss).
      line << ", " << format(tr("ETA {}"), clock(elapsed * (bytes_total_ - bytes_done_) / bytes_done_));
    }
    std::cerr << line.str() << std::flush;
    drawn_ = true;
  }

  bool terminal_;
  bool quiet_;
  bool single_;
  double file_done_ = 0, file_audio_ = 0;  // the one file's progress (single_)
  bool drawn_ = false;
  bool fatal_seen_ = false;
  std::vector<double> sizes_;
  std::size_t total_;
  std::size_t done_ = 0;
  double bytes_total_ = 0, bytes_done_ = 0;
  double audio_seconds_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// --chapters: the ffmetadata file when OUT is one audio file, else the directory that gets
// "<audio name>.ffmetadata" for each input. Throws Error::usage when it would overwrite another output.
void assignChapterFiles(std::vector<BatchJob>& jobs, const std::string& chapters, bool to_file) {
  if (chapters.empty()) return;
  std::error_code ec;
  if (!to_file) {
    if (fs::exists(chapters, ec) && !fs::is_directory(chapters, ec)) {
      throw Error::usage(format(tr("{}: --chapters must name a directory when the output is a directory."), chapters));
    }
    fs::create_directories(chapters, ec);
    if (ec) throw Error::output(format(tr("{}: cannot create the directory: {}"), chapters, ec.message()));
  }
  for (BatchJob& job : jobs) {
    const fs::path name = fs::path(job.audio).filename().replace_extension(".ffmetadata");
    job.chapters = to_file ? chapters : (fs::path(chapters) / name).string();
    for (const std::string* other : {&job.audio, &job.subtitles, &job.timings}) {
      if (!other->empty() && fs::path(*other).lexically_normal() == fs::path(job.chapters).lexically_normal()) {
        throw Error::usage(format(tr("{}: the chapter file would overwrite another output."), job.chapters));
      }
    }
  }
}

// The inputs named on the command line and in --from-list; throws Error::usage for contradictions.
std::vector<std::string> collectInputs(const RenderOptions& opt) {
  std::vector<std::string> inputs = opt.inputs;
  if (!opt.list.empty()) {
    const std::vector<std::string> listed = readList(opt.list);
    inputs.insert(inputs.end(), listed.begin(), listed.end());
  }
  if (inputs.empty()) {
    throw Error::usage(opt.list.empty() ? std::string(tr("no input given"))
                                        : format(tr("{}: lists no input files"), opt.list));
  }
  if (inputs.size() > 1 && std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    throw Error::usage(tr("'-' (standard input) can only be rendered on its own"));
  }
  if (!opt.list.empty() && opt.list == "-" && std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    throw Error::usage(tr("'-' cannot be both the list and an input"));
  }
  if (opt.output.empty()) throw Error::usage(tr("--output: empty file or directory name"));
  return inputs;
}

// The jobs the command line asks for; throws Error::usage for contradictions.
std::vector<BatchJob> planJobs(const RenderOptions& opt, RenderSettings& settings) {
  const std::vector<std::string> inputs = collectInputs(opt);
  std::error_code ec;
  // A list may name any number of files, so with --from-list OUT is always a directory.
  const bool to_file =
      inputs.size() == 1 && opt.list.empty() && !fs::is_directory(opt.output, ec) && opt.output.back() != '/';
  if (to_file) {
    const AudioFormat by_name = audioFormatForPath(opt.output);
    if (!opt.format.empty() && audioFormatByName(opt.format) != by_name) {
      throw Error::usage(format(tr("{}: the extension does not match --format {}"), opt.output, opt.format));
    }
    settings.format = by_name;
    std::vector<BatchJob> one{jobForAudioFile(inputs[0], opt.output, settings)};
    assignChapterFiles(one, opt.chapters, true);
    return one;
  }
  settings.format = opt.format.empty() ? AudioFormat::Wav : audioFormatByName(opt.format);
  if (!fs::is_directory(opt.output, ec)) {
    if (fs::exists(opt.output, ec)) {
      throw Error::output(format(tr("{}: is not a directory (several inputs need one)"), opt.output));
    }
    fs::create_directories(opt.output, ec);
    if (ec) throw Error::output(format(tr("{}: cannot create directory: {}"), opt.output, ec.message()));
  }
  std::vector<BatchJob> jobs;
  std::map<std::string, std::string> seen;  // output -> input
  for (const std::string& in : inputs) {
    jobs.push_back(jobInDirectory(in, opt.output, settings));
    const auto [it, fresh] = seen.emplace(jobs.back().audio, in);
    if (!fresh) throw Error::usage(format(tr("{} and {} would both be written to {}"), in, it->second, it->first));
  }
  assignChapterFiles(jobs, opt.chapters, false);
  return jobs;
}

// A usage error every job would have failed with (a bad voice) is the command's error.
void throwIfFatal(const BatchSummary& summary, const Settings& resolved) {
  if (!summary.fatal) return;
  // A bad voice from the config file: say which file it came from.
  if (resolved.voice.source == SettingSource::ConfigFile) {
    throw Error(summary.fatal->kind(), resolved.config_path + ": voice: " + summary.fatal->what());
  }
  throw *summary.fatal;
}

// ---- talking books (-f epub|daisy|html) ---------------------------------------------------------

// The book the command line asks for, or nothing when it asks for audio files.
std::optional<BookJob> planBook(const RenderOptions& opt) {
  const std::optional<BookFormat> by_name = opt.format.empty() ? std::nullopt : bookFormatByName(opt.format);
  const std::optional<BookFormat> by_path = bookFormatForPath(opt.output);
  if (!by_name && !by_path) {
    if (opt.word_sync || !opt.title.empty()) {
      throw Error::usage(tr("--word-sync and --title are for books: use -f epub, daisy or html"));
    }
    return std::nullopt;
  }
  // -f names a book format (or none is given) and the extension fits it: .epub, .html, a DAISY folder
  // with any name or a .zip.
  const bool named = by_name.has_value(), path_names_book = by_path.has_value();
  const BookFormat chosen = named ? *by_name : *by_path;
  const bool fits = opt.format.empty() ||
                    (named && (chosen == BookFormat::Daisy ? !path_names_book : path_names_book && *by_path == chosen));
  if (!fits) {
    throw Error::usage(format(tr("{}: the extension does not fit --format {} (epub: .epub, html: .html, daisy: a "
                                 "folder or .zip)"),
                              opt.output, opt.format));
  }
  if (!opt.subtitles.empty() || !opt.timings.empty()) {
    throw Error::usage(tr("--subtitles and --timings are for audio files; a book has its own timings"));
  }
  if (opt.word_sync && chosen != BookFormat::Epub) {
    throw Error::usage(tr("--word-sync is for EPUB books (the read-along page always follows the words)"));
  }
  BookJob job;
  job.inputs = collectInputs(opt);
  job.output = opt.output;
  job.format = chosen;
  job.zip = chosen == BookFormat::Daisy && lowerAscii(fs::path(opt.output).extension().string()) == ".zip";
  job.title = opt.title;
  job.word_sync = opt.word_sync;
  return job;
}

// The summary after a book: what failed, and whether the book was written.
int reportBook(const BookJob& job, const BookSummary& summary, bool quiet) {
  const BatchSummary& batch = summary.batch;
  const std::size_t inputs = job.inputs.size();
  for (std::size_t i : summary.failed_late) std::cerr << "vorlesen: " << batch.results[i].error << '\n';
  if (summary.up_to_date) {
    if (!quiet) std::cerr << format(tr("vorlesen: {} is up to date (--force renders it again)"), job.output) << '\n';
    return kExitOk;
  }
  if (batch.signal != 0) {
    std::cerr << format(tr("vorlesen: interrupted by SIG{}: the book was not written; the same command starts it "
                           "again"),
                        ::sigabbrev_np(batch.signal))
              << '\n';
    return 128 + batch.signal;
  }
  if (batch.failed == 0) {
    if (!quiet && inputs > 1) {
      std::cerr << format(trn("vorlesen: wrote {} with {} article", "vorlesen: wrote {} with {} articles", inputs),
                          job.output, inputs)
                << '\n';
    }
    return kExitOk;
  }
  // One input: its error is the command's error (and the message was printed already).
  if (inputs == 1) return Error(batch.results[0].error_kind, "").exitCode();
  std::cerr << (summary.written ? format(tr("vorlesen: {} of {} inputs failed; {} holds the other {}:"), batch.failed,
                                         inputs, job.output, inputs - batch.failed)
                                : format(tr("vorlesen: all {} inputs failed; no book was written:"), inputs))
            << '\n';
  for (const JobResult& r : batch.results) {
    if (r.status == JobStatus::Failed) std::cerr << "  " << r.error << '\n';
  }
  return kExitSomeFailed;
}

int renderBookCommand(const RenderOptions& opt, const BookJob& job, const RenderSettings& settings,
                      const Settings& resolved) {
  BatchOptions batch;
  // One more worker than inputs: a DAISY book of several articles also speaks its title.
  batch.jobs = std::min<int>(opt.jobs > 0 ? opt.jobs : defaultJobs(), static_cast<int>(job.inputs.size()) + 1);
  batch.force = opt.force;
  std::vector<BatchJob> shown;  // what the progress line measures: each input, into the book
  for (const std::string& input : job.inputs) shown.push_back(BatchJob{input, job.output, {}, {}, {}, {}});
  Progress progress(shown, opt.quiet || shown.size() == 1);
  const BookSummary summary = renderBook(job, settings, batch, progress);
  progress.end();
  throwIfFatal(summary.batch, resolved);
  return reportBook(job, summary, opt.quiet);
}

int render(const RenderOptions& opt) {
  const Settings resolved = resolveSettings(opt.voice);
  RenderSettings settings;
  settings.voice = resolved.voiceParams();
  settings.pauses = resolved.pauses();
  settings.style =
      resolved.speechStyle(keepUntilExit(std::make_shared<const SpokenWords>(loadSpokenWords(LanguageData::german()))));
  settings.lexicons = resolved.lexicons;
  settings.raw = opt.extract.raw;
  settings.fetch = opt.extract.fetch;
  // Built once, here (its lexicon warnings printed); the batch's workers share it copy-on-write.
  const std::shared_ptr<const Pipeline> pipeline = pipelineFor(resolved);
  if (!opt.subtitles.empty()) settings.subtitles = subtitleFormatByName(opt.subtitles);
  if (!opt.timings.empty() && opt.timings != "json") {
    throw Error::usage(format(tr("unknown timings format '{}' (supported: json)"), opt.timings));
  }
  settings.timings_json = !opt.timings.empty();
  settings.chapters = !opt.no_chapters;
  if (const std::optional<BookJob> book = planBook(opt)) return renderBookCommand(opt, *book, settings, resolved);
  const std::vector<BatchJob> jobs = planJobs(opt, settings);

  BatchOptions batch;
  batch.jobs = std::min<int>(opt.jobs > 0 ? opt.jobs : defaultJobs(), static_cast<int>(jobs.size()));
  batch.force = opt.force;
  batch.pipeline = pipeline.get();
  Progress progress(jobs, opt.quiet);
  const BatchSummary summary = runBatch(jobs, settings, batch, progress);
  progress.end();

  throwIfFatal(summary, resolved);
  if (summary.signal != 0) {
    std::cerr << "vorlesen: "
              << format(tr("interrupted by SIG{}: {} rendered, {} up to date, {} in all; the same command finishes "
                           "the rest"),
                        ::sigabbrev_np(summary.signal), summary.rendered, summary.skipped, jobs.size())
              << '\n';
    return 128 + summary.signal;
  }
  if (jobs.size() == 1 && summary.skipped == 1 && !opt.quiet) {
    std::cerr << "vorlesen: " << format(tr("{} is up to date (--force renders it again)"), jobs[0].audio) << '\n';
  }
  if (summary.failed == 0) return kExitOk;
  if (jobs.size() == 1) {
    // One input: its error is the command's error (and the message was printed already).
    return Error(summary.results[0].error_kind, "").exitCode();
  }
  std::cerr << "vorlesen: "
            << format(tr("{} of {} inputs failed ({} rendered, {} up to date):"), summary.failed, jobs.size(),
                      summary.rendered, summary.skipped)
            << '\n';
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (summary.results[i].status == JobStatus::Failed) std::cerr << "  " << summary.results[i].error << '\n';
  }
  return kExitSomeFailed;
}

std::string formatHelp() {
  std::string names;
  for (AudioFormat f : availableAudioFormats()) names += (names.empty() ? "" : ", ") + audioFormatName(f);
  return format(tr("audio format when OUT is a directory (default wav); available here: {} (opus is resampled to "
                   "24 kHz); or a talking book of all inputs: epub (EPUB 3 with Media Overlays), daisy (DAISY 2.02, "
                   "a folder or .zip), html (a read-along page)"),
                names);
}

}  // namespace

Command addRenderCommand(CLI::App& app) {
  auto opt = std::make_shared<RenderOptions>();
  CLI::App* sub = app.add_subcommand("render", tr("read German articles into audio files"));
  sub->add_option("input", opt->inputs, tr("text or HTML files or links (http/https) to read, or - for standard input (alone)"));
  sub->add_option("--from-list", opt->list, tr("read input paths or links from FILE, one per line (- for standard input)"));
  sub->add_option("-o,--output", opt->output,
                  tr("audio file to write (one input; format from the extension), or a directory: each input "
                     "IN gives OUT/<IN's name>.<ext> (a link: its last path segment or host); or a book of all "
                     "inputs (.epub, .html, or with -f daisy a folder or .zip)"))
      ->required();
  sub->add_option("-f,--format", opt->format, formatHelp());
  sub->add_option("-j,--jobs", opt->jobs, tr("worker processes at once (default: the number of cores)"))
      ->check(CLI::Range(1, 1024));
  sub->add_option("--subtitles", opt->subtitles, tr("also write sentence cues beside each audio file (.vtt or .srt)"))
      ->check(CLI::IsMember({"vtt", "srt"}));
  sub->add_option("--timings", opt->timings,
                  tr("also write sentence and word timings with source byte spans and paragraph chapter marks (.json)"))
      ->check(CLI::IsMember({"json"}));
  sub->add_flag("--word-sync", opt->word_sync,
                tr("EPUB: synchronize the text with the audio word by word, not only sentence by sentence"));
  sub->add_option("--title", opt->title,
                  tr("the title of a book (default: the article's title, or OUT's name for several articles)"));
  sub->add_option("--chapters", opt->chapters,
                  tr("also write the chapters (headings, else paragraphs) as an ffmpeg metadata file: FILE when OUT "
                     "is a file, else a directory that gets <audio name>.ffmetadata for each input"))
      ->type_name("FILE");
  sub->add_flag("--no-chapters", opt->no_chapters,
                tr("write no chapter marks into the audio file (by default: ID3 chapters in MP3, CHAPTER comments "
                   "in Ogg, Opus and FLAC, cue points in WAV)"));
  sub->add_flag("--force", opt->force, tr("render even outputs that are newer than their input and settings"));
  sub->add_flag("-q,--quiet", opt->quiet, tr("no progress on stderr (failures are still reported)"));
  addVoiceOptions(*sub, opt->voice);
  addInputOptions(*sub, opt->extract);
  sub->footer(tr(
      "Outputs are written to a temporary file and renamed when complete; an interrupted batch leaves no partial "
      "files, and running the same command again skips what is up to date. Exit 4: some inputs failed."));
  return Command{sub, [opt] { return render(*opt); }};
}

}  // namespace vorlesen::cli
