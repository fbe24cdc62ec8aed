// vorlesen — talking books: rendered articles as one EPUB 3, DAISY 2.02 or read-along HTML book
// (the stage after rendering).
//
//   inputs --renderBook()--> runBatch(): one worker per article --> staging/inN.mp3 + inN.record
//                            parent: readArticleRecord()         --> BookArticle
//                                    writeEpub() | writeDaisy() | writeReadAlong() --> one output
//
// Workers render each article to MP3 exactly as `render -f mp3` does and record, beside it, the
// Document they read and every sentence's and word's time and source span (ArticleRecordWriter, an
// internal file). The parent, which never runs eSpeak and never reads an input again (standard input
// is gone by then), writes the book from those records: XHTML from the Document's blocks in the
// original spelling, one sentence element per timed sentence (and word elements), clips from the
// timings, the MP3s. A clip runs from a sentence's first sample to the next
// sentence's first sample (the pause belongs to the sentence before it), so the clips of an article
// tile its audio and their durations add up to its length exactly.
//
// Every output appears complete or not at all: files via a temporary name and rename, a DAISY folder
// by building it beside the target and exchanging the two (renameat2). The book records
// `BookOptions::fingerprint`; bookIsUpToDate() reads it back for reruns.
//
// The writers are pure functions of their arguments plus the MP3 files they copy; not thread-safe
// only in that they write files. renderBook() has runBatch()'s contract (one thread, no eSpeak in
// this process, signal handlers for its duration).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vorlesen/batch.h"
#include "vorlesen/document.h"
#include "vorlesen/pipeline.h"

namespace vorlesen {

class AtomicFile;

enum class BookFormat { Epub, Daisy, Html };

// "epub", "daisy", "html"; std::nullopt for any other name (an audio format, say).
std::optional<BookFormat> bookFormatByName(const std::string& name);
// The book format a file name's extension implies (.epub, .html/.htm), else std::nullopt.
std::optional<BookFormat> bookFormatForPath(const std::string& path);
std::string bookFormatName(BookFormat format);

// One rendered sentence: where it is in Document::text, and when it is heard.
struct TimedSentence {
  Span source;
  std::size_t block = 0;
  SentenceTiming timing;  // samples from the start of the article's audio
};

struct ArticleTimings {
  int sample_rate = 0;
  std::size_t total_samples = 0;
  std::vector<TimedSentence> sentences;
};

// What a worker records beside an article's MP3 for the parent: the Document as it read it and,
// streamed as renderStream() reports them (a SentenceObserver), every sentence's and word's time and
// source span. Written through a temporary file renamed by commit(). Throws Error::output when
// `path` cannot be written.
class ArticleRecordWriter {
 public:
  ArticleRecordWriter(std::string path, const Document& doc, int sample_rate);
  ~ArticleRecordWriter();
  ArticleRecordWriter(const ArticleRecordWriter&) = delete;
  ArticleRecordWriter& operator=(const ArticleRecordWriter&) = delete;

  void add(const Sentence& sentence, const SentenceTiming& timing);
  void commit(std::size_t total_samples);

 private:
  std::unique_ptr<AtomicFile> out_;
  std::string buffer_;
};

struct ArticleRecord {
  Document doc;
  ArticleTimings timings;
};

// Reads what ArticleRecordWriter wrote. Throws Error::data naming the file when it is incomplete or
// malformed.
ArticleRecord readArticleRecord(const std::string& path);

// One article of a book.
struct BookArticle {
  Document doc;
  ArticleTimings timings;
  std::string audio;   // its MP3 file, read when the book is written
  std::string source;  // where it came from: the input's path or link ("" for standard input)
  std::string date;    // "YYYY-MM-DD" from the byline, empty when it names none
};

// The date a byline names ("08.02.2025", "8. Februar 2025", "2025-02-08") as "YYYY-MM-DD", or "".
// Month names come from voices/de/months.tsv.
std::string articleDate(const Document& doc);

struct BookOptions {
  std::string title;        // the book's title
  std::string identifier;   // "urn:uuid:…", stable for the same inputs and settings
  std::int64_t modified = 0;  // when the content last changed (seconds since 1970, UTC)
  std::string narrator;     // the voice, e.g. "eSpeak NG de"
  std::string fingerprint;  // settingsFingerprint()-style line the book records for reruns
  bool word_sync = false;   // EPUB: a <par> for every word too, not only for every sentence
  // DAISY: the spoken book title, the target of ncc.html's first heading (a book of several
  // articles); without it that heading is the first article's title.
  std::optional<BookArticle> title_page;
};

// EPUB 3 with Media Overlays: one XHTML file, one SMIL overlay and one MP3 per article, a
// navigation document of the titles and headings. Throws Error::output (or Error::input for an
// unreadable MP3); nothing is left at `path` then.
void writeEpub(const std::vector<BookArticle>& articles, const BookOptions& options, const std::string& path);
// DAISY 2.02: ncc.html, master.smil, per article an XHTML text file, a SMIL file and an MP3. `path`
// is a folder, or a ZIP archive (the folder inside it) when `zip` is set.
void writeDaisy(const std::vector<BookArticle>& articles, const BookOptions& options, const std::string& path,
                bool zip);
// One HTML page with the audio embedded that plays the articles and highlights the sentence and word
// being heard.
void writeReadAlong(const std::vector<BookArticle>& articles, const BookOptions& options, const std::string& path);

// ---- a whole book from input files --------------------------------------------------------------

struct BookJob {
  std::vector<std::string> inputs;
  std::string output;
  BookFormat format = BookFormat::Epub;
  bool zip = false;        // DAISY only: a .zip instead of a folder
  std::string title;       // empty: the article's title (one input) or the output's name
  bool word_sync = false;
};

// The fingerprint a book of `job` made with `settings` records.
std::string bookFingerprint(const BookJob& job, const RenderSettings& settings);
// True when the book exists, is newer than every input and records `fingerprint`.
bool bookIsUpToDate(const BookJob& job, const std::string& fingerprint);

struct BookSummary {
  BatchSummary batch;       // per input, as runBatch() reports it (the title page is not in it)
  bool up_to_date = false;  // nothing was done
  bool written = false;     // the book holds every input that did not fail
  // Inputs the observer heard were rendered but whose result could not be read back: their errors
  // are still to be reported.
  std::vector<std::size_t> failed_late;
};

// Renders every input in worker processes (`options.jobs` at once; `observer` hears about each
// input, with the book as its output) and writes the book of those that did not fail. With no input
// left nothing is written. Throws Error for a failure of the book itself.
BookSummary renderBook(const BookJob& job, const RenderSettings& settings, const BatchOptions& options,
                       BatchObserver& observer);

}  // namespace vorlesen
