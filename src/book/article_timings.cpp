// The timings file a worker writes beside an article's MP3 for the parent that assembles the book.
// Internal to vorlesen (the public timings format is --timings json): TAB-separated lines
//   vorlesen-article-timings 1
//   rate RATE / text HASH
//   s BLOCK BEGIN END FIRST_SAMPLE SAMPLES PAUSE_SAMPLES     one per sentence, in reading order
//   w SAMPLE BEGIN END                                       its words, after it
//   total SAMPLES                                            last: the file is complete
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "audio/atomic_file.h"
#include "audio/hash.h"
#include "vorlesen/book.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen {

namespace {

constexpr const char* kMagic = "vorlesen-article-timings 1";
constexpr std::size_t kFlushBytes = 1 << 16;

Error malformed(const std::string& path, std::size_t line) {
  return Error::data(format(tr("{}:{}: the article timings are damaged"), path, line));
}

std::size_t field(std::istringstream& in, const std::string& path, std::size_t line) {
  std::size_t value = 0;
  if (!(in >> value)) throw malformed(path, line);
  return value;
}

}  // namespace

std::uint64_t documentTextHash(const Document& doc) {
  Fnv1a64 h;
  h.add(doc.text);
  return h.value();
}

ArticleTimingsWriter::ArticleTimingsWriter(std::string path, const Document& doc, int sample_rate)
    : out_(std::make_unique<AtomicFile>(std::move(path))) {
  char hash[32];
  std::snprintf(hash, sizeof hash, "%016" PRIx64, documentTextHash(doc));
  buffer_ = std::string(kMagic) + "\nrate\t" + std::to_string(sample_rate) + "\ntext\t" + hash + "\n";
}

ArticleTimingsWriter::~ArticleTimingsWriter() = default;

void ArticleTimingsWriter::add(const Sentence& sentence, const SentenceTiming& timing) {
  buffer_ += "s\t" + std::to_string(sentence.block) + '\t' + std::to_string(sentence.source.begin) + '\t' +
             std::to_string(sentence.source.end) + '\t' + std::to_string(timing.first_sample) + '\t' +
             std::to_string(timing.samples) + '\t' + std::to_string(timing.pause_samples) + '\n';
  for (const WordTiming& w : timing.words) {
    buffer_ += "w\t" + std::to_string(w.sample) + '\t' + std::to_string(w.source.begin) + '\t' +
               std::to_string(w.source.end) + '\n';
  }
  if (buffer_.size() >= kFlushBytes) {
    out_->write(buffer_);
    buffer_.clear();
  }
}

void ArticleTimingsWriter::commit(std::size_t total_samples) {
  buffer_ += "total\t" + std::to_string(total_samples) + '\n';
  out_->write(buffer_);
  buffer_.clear();
  out_->commit();
}

ArticleTimings readArticleTimings(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error::fromErrno(ErrorKind::Data, path, tr("cannot open"), errno);
  ArticleTimings t;
  std::string line;
  std::size_t number = 0;
  bool complete = false;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (line != kMagic) throw malformed(path, number);
      continue;
    }
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    if (key == "rate") {
      t.sample_rate = static_cast<int>(field(fields, path, number));
    } else if (key == "text") {
      std::string hex;
      fields >> hex;
      t.text_hash = std::strtoull(hex.c_str(), nullptr, 16);
    } else if (key == "s") {
      TimedSentence s;
      s.block = field(fields, path, number);
      s.source.begin = field(fields, path, number);
      s.source.end = field(fields, path, number);
      s.timing.first_sample = field(fields, path, number);
      s.timing.samples = field(fields, path, number);
      s.timing.pause_samples = field(fields, path, number);
      t.sentences.push_back(std::move(s));
    } else if (key == "w" && !t.sentences.empty()) {
      WordTiming w;
      w.sample = field(fields, path, number);
      w.source.begin = field(fields, path, number);
      w.source.end = field(fields, path, number);
      t.sentences.back().timing.words.push_back(w);
    } else if (key == "total") {
      t.total_samples = field(fields, path, number);
      complete = true;
    } else {
      throw malformed(path, number);
    }
  }
  if (!complete || t.sample_rate <= 0) throw malformed(path, number);
  return t;
}

}  // namespace vorlesen
