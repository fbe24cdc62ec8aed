// renderBook(): inputs -> worker processes (runBatch) -> one book written by the parent.
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/hash.h"
#include "book/markup.h"
#include "book/staging.h"
#include "book/zip_writer.h"
#include "vorlesen/book.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace fs = std::filesystem;

namespace vorlesen {

namespace {

std::string hex64(std::uint64_t value) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, value);
  return buf;
}

// Whole seconds of a file's modification time, or nullopt when it is missing.
std::optional<std::int64_t> modifiedSeconds(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return static_cast<std::int64_t>(st.st_mtim.tv_sec);
}

// The file whose presence and time stand for the whole book.
std::string bookMainFile(const BookJob& job) {
  return job.format == BookFormat::Daisy && !job.zip ? (fs::path(job.output) / "ncc.html").string() : job.output;
}

// The fingerprint recorded in a finished book ("" when it records none).
bool recordsFingerprint(const BookJob& job, const std::string& fingerprint) {
  if (job.format == BookFormat::Epub || job.zip) return zipComment(job.output) == fingerprint;
  // Text formats name it in their head, in the generator line.
  std::ifstream in(bookMainFile(job), std::ios::binary);
  std::string head(16384, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const std::size_t at = head.find(fingerprint);
  return at != std::string::npos && at + fingerprint.size() < head.size() && head[at + fingerprint.size()] == '"';
}

std::string fingerprintOf(const BookJob& job, const RenderSettings& settings, const std::vector<std::string>& inputs) {
  RenderSettings audio = settings;
  audio.format = AudioFormat::Mp3;
  audio.subtitles.reset();
  audio.timings_json = false;
  Fnv1a64 h;
  h.add(settingsFingerprint(audio));
  h.add("|book " + bookFormatName(job.format) + (job.zip ? " zip" : "") + (job.word_sync ? " words" : "") +
        "|title " + job.title + "|inputs");
  for (const std::string& input : inputs) {
    h.add(input);
    h.add("\n");
  }
  return "vorlesen-settings " + hex64(h.value());
}

// "urn:uuid:…" made from the fingerprint: the same book keeps its identifier.
std::string bookIdentifier(const std::string& fingerprint) {
  Fnv1a64 a, b;
  a.add(fingerprint);
  b.add(fingerprint + "#2");
  std::string hex = hex64(a.value()) + hex64(b.value());
  hex[12] = '5';                                                        // version 5: name-based
  hex[16] = "89ab"[std::strtoul(hex.substr(16, 1).c_str(), nullptr, 16) & 3];  // RFC 4122 variant
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) +
         "-" + hex.substr(20);
}

// When the book's content last changed: $SOURCE_DATE_EPOCH (reproducible builds), else the newest
// input, else now.
std::int64_t modificationTime(const std::vector<std::string>& inputs) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) return std::strtoll(epoch, nullptr, 10);
  std::int64_t newest = 0;
  for (const std::string& input : inputs) newest = std::max(newest, modifiedSeconds(input).value_or(0));
  if (newest > 0) return newest;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Passes the articles' results on as if each input were rendered into the book; the title page's
// job (the last, when there is one) is not the user's and is not reported.
class ArticleObserver final : public BatchObserver {
 public:
  ArticleObserver(BatchObserver& observer, const BookJob& book) : observer_(observer), book_(book) {}
  void finished(std::size_t index, const BatchJob& job, const JobResult& result) override {
    if (index >= book_.inputs.size()) return;
    BatchJob shown = job;
    shown.audio = book_.output;
    observer_.finished(index, shown, result);
  }
  void tick() override { observer_.tick(); }

 private:
  BatchObserver& observer_;
  const BookJob& book_;
};

// Reads back what a worker rendered: its record of the document and timings, and the MP3 beside it.
BookArticle loadRendered(const BatchJob& job) {
  ArticleRecord record = readArticleRecord(job.book_record);
  BookArticle article;
  article.doc = std::move(record.doc);
  article.timings = std::move(record.timings);
  article.audio = job.audio;
  article.source = job.input == "-" ? std::string() : job.input;
  article.date = articleDate(article.doc);
  return article;
}

// The good articles, in input order. An input whose record cannot be read is failed in `summary`
// and listed in `late`: the observer was told it was rendered.
std::vector<BookArticle> collectArticles(const std::vector<BatchJob>& jobs, BatchSummary& summary,
                                         std::vector<std::size_t>& late) {
  std::vector<BookArticle> articles;
  for (std::size_t i = 0; i < summary.results.size(); ++i) {
    JobResult& r = summary.results[i];
    if (r.status != JobStatus::Rendered) continue;
    try {
      articles.push_back(loadRendered(jobs[i]));
    } catch (const Error& e) {
      r.status = JobStatus::Failed;
      r.error_kind = e.kind();
      r.error = e.what();
      --summary.rendered;
      ++summary.failed;
      late.push_back(i);
    }
  }
  return articles;
}

// The jobs for the workers: every input into the staging folder, and for a DAISY book of several
// articles its spoken title (written as a one-line HTML page, the last job).
std::vector<BatchJob> articleJobs(const BookJob& book, const std::string& title, bool raw,
                                  const StagingDirectory& staging) {
  std::vector<BatchJob> jobs;
  for (std::size_t i = 0; i < book.inputs.size(); ++i) {
    BatchJob job;
    job.input = book.inputs[i];
    job.audio = staging.file("in" + std::to_string(i + 1) + ".mp3");
    job.book_record = staging.file("in" + std::to_string(i + 1) + ".record");
    jobs.push_back(job);
  }
  if (book.format == BookFormat::Daisy && book.inputs.size() > 1) {
    BatchJob job;
    // Read the way the articles are: as it is with --raw, else through extraction (a title block).
    job.input = staging.file(raw ? "title.txt" : "title.html");
    std::ofstream(job.input) << (raw ? collapseWhiteSpace(title) + "\n"
                                     : "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>" +
                                           book::xmlText(title) + "</title></head><body><h1>" + book::xmlText(title) +
                                           "</h1></body></html>\n");
    job.audio = staging.file("title.mp3");
    job.book_record = staging.file("title.record");
    jobs.push_back(job);
  }
  return jobs;
}

void writeFormat(const BookJob& job, const std::vector<BookArticle>& articles, const BookOptions& options) {
  switch (job.format) {
    case BookFormat::Epub: return writeEpub(articles, options, job.output);
    case BookFormat::Daisy: return writeDaisy(articles, options, job.output, job.zip);
    case BookFormat::Html: return writeReadAlong(articles, options, job.output);
  }
}

BookOptions bookOptions(const BookJob& job, const RenderSettings& settings, const std::vector<BookArticle>& articles,
                        const std::string& title) {
  BookOptions options;
  options.title = title;
  std::vector<std::string> included;
  for (const BookArticle& a : articles) included.push_back(a.source.empty() ? "-" : a.source);
  // A book without some of its inputs records what it holds, so a rerun does not take it as done.
  options.fingerprint = fingerprintOf(job, settings, included);
  options.identifier = bookIdentifier(options.fingerprint);
  options.modified = modificationTime(included);
  options.narrator = "eSpeak NG " + settings.voice.voice;
  options.word_sync = job.word_sync;
  return options;
}

std::string defaultTitle(const BookJob& job) {
  if (!job.title.empty()) return job.title;
  const fs::path out = fs::path(job.output).filename().empty() ? fs::path(job.output).parent_path() : fs::path(job.output);
  return out.stem().string();
}

}  // namespace

std::optional<BookFormat> bookFormatByName(const std::string& name) {
  if (name == "epub") return BookFormat::Epub;
  if (name == "daisy") return BookFormat::Daisy;
  if (name == "html") return BookFormat::Html;
  return std::nullopt;
}

std::optional<BookFormat> bookFormatForPath(const std::string& path) {
  const std::string ext = lowerAscii(fs::path(path).extension().string());
  if (ext == ".epub") return BookFormat::Epub;
  if (ext == ".html" || ext == ".htm") return BookFormat::Html;
  return std::nullopt;
}

std::string bookFormatName(BookFormat format) {
  switch (format) {
    case BookFormat::Epub: return "epub";
    case BookFormat::Daisy: return "daisy";
    case BookFormat::Html: return "html";
  }
  return "epub";
}

std::string bookFingerprint(const BookJob& job, const RenderSettings& settings) {
  return fingerprintOf(job, settings, job.inputs);
}

bool bookIsUpToDate(const BookJob& job, const std::string& fingerprint) {
  const auto nanoseconds = [](const std::string& path) -> std::optional<std::int64_t> {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  };
  const auto book = nanoseconds(bookMainFile(job));
  if (!book) return false;
  for (const std::string& input : job.inputs) {
    const auto in = input == "-" ? std::nullopt : nanoseconds(input);
    if (!in || *in >= *book) return false;
  }
  return recordsFingerprint(job, fingerprint);
}

BookSummary renderBook(const BookJob& job, const RenderSettings& settings, const BatchOptions& options,
                       BatchObserver& observer) {
  BookSummary summary;
  if (!options.force && bookIsUpToDate(job, bookFingerprint(job, settings))) {
    summary.up_to_date = true;
    return summary;
  }
  removeStagingLeftovers(job.output);
  const StagingDirectory staging(job.output);
  const std::string title = defaultTitle(job);
  const std::vector<BatchJob> jobs = articleJobs(job, title, settings.raw, staging);
  RenderSettings audio = settings;
  audio.format = AudioFormat::Mp3;
  audio.subtitles.reset();
  audio.timings_json = false;
  BatchOptions batch = options;
  batch.force = true;  // the staging folder is new: nothing in it is up to date
  ArticleObserver articles_observer(observer, job);
  summary.batch = runBatch(jobs, audio, batch, articles_observer);
  std::optional<BookArticle> title_page;
  if (jobs.size() > job.inputs.size()) {
    if (summary.batch.results.back().status == JobStatus::Rendered) {
      try {
        title_page = loadRendered(jobs.back());
        title_page->source.clear();  // not an input: no source line
      } catch (const Error&) {
        // Without a spoken title, the first article's title leads the book.
      }
    }
    const JobResult& r = summary.batch.results.back();
    if (r.status == JobStatus::Rendered) --summary.batch.rendered;
    else if (r.error != "not started") --summary.batch.failed;  // (jobs not started are not counted)
    summary.batch.results.pop_back();
  }
  if (summary.batch.fatal || summary.batch.signal != 0) return summary;
  const std::vector<BookArticle> articles = collectArticles(jobs, summary.batch, summary.failed_late);
  if (articles.empty()) return summary;
  BookOptions book_options = bookOptions(job, settings, articles, job.title.empty() && job.inputs.size() == 1
                                                                      ? book::articleTitle(articles.front())
                                                                      : title);
  book_options.title_page = std::move(title_page);
  writeFormat(job, articles, book_options);
  summary.written = true;
  return summary;
}

}  // namespace vorlesen
