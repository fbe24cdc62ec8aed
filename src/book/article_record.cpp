// The record a worker writes beside an article's MP3 for the parent that assembles the book: the
// Document as the worker read it, then its timings. Internal to vorlesen (the public timings format is
// --timings json). Lines separated by LF, fields by TAB:
//   vorlesen-article-record 1
//   doc NAME_BYTES TEXT_BYTES, then NAME and TEXT as they are, then LF
//   b KIND BEGIN END                                          one per block
//   rate RATE
//   s BLOCK BEGIN END FIRST_SAMPLE SAMPLES PAUSE_SAMPLES      one per sentence, in reading order
//   w SAMPLE BEGIN END                                        its words, after it
//   total SAMPLES                                             last: the file is complete
// The parent never reads the input again: standard input is gone by then, and a file may have changed.
#include <fstream>
#include <sstream>

#include "common/atomic_file.h"
#include "vorlesen/book.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen {

namespace {

constexpr const char* kMagic = "vorlesen-article-record 1";
constexpr std::size_t kFlushBytes = 1 << 16;

Error damaged(const std::string& path) {
  return Error::data(format(tr("{}: the record of a rendered article is damaged"), path));
}

std::size_t field(std::istringstream& in, const std::string& path) {
  std::size_t value = 0;
  if (!(in >> value)) throw damaged(path);
  return value;
}

// The document: its header line, then its name and text byte for byte.
Document readDocument(std::istream& in, const std::string& path) {
  std::string line;
  if (!std::getline(in, line) || line != kMagic || !std::getline(in, line)) throw damaged(path);
  std::istringstream header(line);
  std::string key;
  header >> key;
  const std::size_t name_bytes = field(header, path), text_bytes = field(header, path);
  if (key != "doc") throw damaged(path);
  Document doc;
  doc.name.resize(name_bytes);
  doc.text.resize(text_bytes);
  in.read(doc.name.data(), static_cast<std::streamsize>(name_bytes));
  in.read(doc.text.data(), static_cast<std::streamsize>(text_bytes));
  if (!in || in.get() != '\n') throw damaged(path);
  return doc;
}

}  // namespace

ArticleRecordWriter::ArticleRecordWriter(std::string path, const Document& doc, int sample_rate)
    : out_(std::make_unique<AtomicFile>(std::move(path))) {
  out_->write(std::string(kMagic) + "\ndoc\t" + std::to_string(doc.name.size()) + '\t' +
              std::to_string(doc.text.size()) + '\n');
  out_->write(doc.name);
  out_->write(doc.text);
  buffer_ = "\n";
  for (const Block& b : doc.blocks) {
    buffer_ += "b\t" + std::to_string(static_cast<int>(b.kind)) + '\t' + std::to_string(b.span.begin) + '\t' +
               std::to_string(b.span.end) + '\n';
  }
  buffer_ += "rate\t" + std::to_string(sample_rate) + '\n';
}

ArticleRecordWriter::~ArticleRecordWriter() = default;

void ArticleRecordWriter::add(const Sentence& sentence, const SentenceTiming& timing) {
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

void ArticleRecordWriter::commit(std::size_t total_samples) {
  buffer_ += "total\t" + std::to_string(total_samples) + '\n';
  out_->write(buffer_);
  buffer_.clear();
  out_->commit();
}

ArticleRecord readArticleRecord(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::fromErrno(ErrorKind::Data, path, tr("cannot open"), errno);
  ArticleRecord record;
  record.doc = readDocument(in, path);
  ArticleTimings& t = record.timings;
  std::string line;
  bool complete = false;
  while (!complete && std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    if (key == "b") {
      const auto kind = field(fields, path);
      if (kind > static_cast<std::size_t>(BlockKind::Quote)) throw damaged(path);
      const std::size_t begin = field(fields, path), end = field(fields, path);
      if (begin > end || end > record.doc.text.size()) throw damaged(path);
      record.doc.blocks.push_back(Block{static_cast<BlockKind>(kind), Span{begin, end}});
    } else if (key == "rate") {
      t.sample_rate = static_cast<int>(field(fields, path));
    } else if (key == "s") {
      TimedSentence s;
      s.block = field(fields, path);
      s.source.begin = field(fields, path);
      s.source.end = field(fields, path);
      s.timing.first_sample = field(fields, path);
      s.timing.samples = field(fields, path);
      s.timing.pause_samples = field(fields, path);
      t.sentences.push_back(std::move(s));
    } else if (key == "w" && !t.sentences.empty()) {
      WordTiming w;
      w.sample = field(fields, path);
      w.source.begin = field(fields, path);
      w.source.end = field(fields, path);
      t.sentences.back().timing.words.push_back(w);
    } else if (key == "total") {
      t.total_samples = field(fields, path);
      complete = true;
    } else {
      throw damaged(path);
    }
  }
  if (!complete || t.sample_rate <= 0) throw damaged(path);
  return record;
}

}  // namespace vorlesen
