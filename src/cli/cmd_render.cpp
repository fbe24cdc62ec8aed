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
#include "vorlesen/audio_sink.h"
#include "vorlesen/batch.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
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
  int jobs = 0;
  bool force = false;
  bool quiet = false;
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
// Failures and warnings are printed whatever --quiet says.
class Progress final : public BatchObserver {
 public:
  Progress(const std::vector<BatchJob>& jobs, bool quiet)
      : terminal_(::isatty(STDERR_FILENO) == 1), quiet_(quiet), sizes_(jobs.size(), 0), total_(jobs.size()) {
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
    } else if (!quiet_ && !terminal_) {
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

  void end() {
    if (drawn_) std::cerr << '\n';
    drawn_ = false;
  }

 private:
  void printAbove(const std::string& line) {
    if (drawn_) std::cerr << "\r\033[K";
    drawn_ = false;
    std::cerr << line << '\n';
  }

  void draw() {
    if (quiet_ || !terminal_) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
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
  bool drawn_ = false;
  bool fatal_seen_ = false;
  std::vector<double> sizes_;
  std::size_t total_;
  std::size_t done_ = 0;
  double bytes_total_ = 0, bytes_done_ = 0;
  double audio_seconds_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// The jobs the command line asks for; throws Error::usage for contradictions.
std::vector<BatchJob> planJobs(const RenderOptions& opt, RenderSettings& settings) {
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
    return {jobForAudioFile(inputs[0], opt.output, settings)};
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
  return jobs;
}

int render(const RenderOptions& opt) {
  const Settings resolved = resolveSettings(opt.voice);
  RenderSettings settings;
  settings.voice = resolved.voiceParams();
  settings.pauses = resolved.pauses();
  settings.lexicons = resolved.lexicons;
  settings.raw = opt.extract.raw;
  settings.fetch = opt.extract.fetch;
  warnAboutLexicons(resolved);  // once, here; the batch builds the same pipeline before forking
  if (!opt.subtitles.empty()) settings.subtitles = subtitleFormatByName(opt.subtitles);
  if (!opt.timings.empty() && opt.timings != "json") {
    throw Error::usage(format(tr("unknown timings format '{}' (supported: json)"), opt.timings));
  }
  settings.timings_json = !opt.timings.empty();
  const std::vector<BatchJob> jobs = planJobs(opt, settings);

  BatchOptions batch;
  batch.jobs = std::min<int>(opt.jobs > 0 ? opt.jobs : defaultJobs(), static_cast<int>(jobs.size()));
  batch.force = opt.force;
  // One input is not a batch: no progress, as quiet as the single-file render always was.
  Progress progress(jobs, opt.quiet || jobs.size() == 1);
  const BatchSummary summary = runBatch(jobs, settings, batch, progress);
  progress.end();

  if (summary.fatal) {
    // A bad voice from the config file: say which file it came from.
    if (resolved.voice.source == SettingSource::ConfigFile) {
      throw Error(summary.fatal->kind(), format(tr("{}: voice: {}"), resolved.config_path, summary.fatal->what()));
    }
    throw *summary.fatal;
  }
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
                   "24 kHz)"),
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
                     "IN gives OUT/<IN's name>.<ext> (a link: its last path segment or host)"))
      ->required();
  sub->add_option("-f,--format", opt->format, formatHelp());
  sub->add_option("-j,--jobs", opt->jobs, tr("worker processes at once (default: the number of cores)"))
      ->check(CLI::Range(1, 1024));
  sub->add_option("--subtitles", opt->subtitles, tr("also write sentence cues beside each audio file (.vtt or .srt)"))
      ->check(CLI::IsMember({"vtt", "srt"}));
  sub->add_option("--timings", opt->timings,
                  tr("also write sentence and word timings with source byte spans and paragraph chapter marks (.json)"))
      ->check(CLI::IsMember({"json"}));
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
