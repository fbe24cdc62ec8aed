#include "vorlesen/document.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

// Closes the descriptor on every path out of readInput().
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ > 2) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

bool endsSentence(std::string_view line) {
  line = trim(line);
  if (line.empty()) return true;
  const char c = line.back();
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"') return true;
  // Closing quotes „…“ and »…« end with multi-byte characters.
  for (std::string_view q : {"\u201C", "\u201D", "\u00AB", "\u00BB"}) {
    if (line.size() >= q.size() && line.substr(line.size() - q.size()) == q) return true;
  }
  return false;
}


// A line with nothing to read: only white space (Unicode's, so also NEL, NBSP, U+2028 LINE
// SEPARATOR) and control characters. Such a line separates paragraphs like an empty one; kept as
// a block it would be a paragraph without a sentence (found by fuzz/segmenter).
bool isBlankLine(std::string_view line) {
  for (std::size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) {
      if (c > 0x20 && c != 0x7F) return false;
      ++i;
      continue;
    }
    const auto cp = static_cast<UChar32>(nextCodepoint(line, i));
    if (!u_isUWhiteSpace(cp) && !u_iscntrl(cp)) return false;
  }
  return true;
}

void addBlock(Document& doc, std::size_t begin, std::size_t end) {
  const std::string_view raw = std::string_view(doc.text).substr(begin, end - begin);
  const std::string_view t = trim(raw);
  if (t.empty()) return;
  const std::size_t b = begin + static_cast<std::size_t>(t.data() - raw.data());
  doc.blocks.push_back(Block{BlockKind::Paragraph, Span{b, b + t.size()}});
}

}  // namespace

std::string readInput(const std::string& path) {
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "<stdin>" : path;
  // O_NONBLOCK so that opening a FIFO without a writer cannot hang; cleared before reading.
  FileDescriptor fd(is_stdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) throw Error::fromErrno(ErrorKind::Input, name, N_("cannot open"), errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw Error::fromErrno(ErrorKind::Input, name, N_("cannot read"), errno);
  if (S_ISDIR(st.st_mode)) throw Error::input(format(tr("{}: is a directory, expected a text or HTML file"), name));
  if (!is_stdin) {
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
  }
  std::string data;
  if (S_ISREG(st.st_mode) && st.st_size > 0) data.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n > 0) {
      data.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      throw Error::fromErrno(ErrorKind::Input, name, N_("cannot read"), errno);
    }
  }
  return data;
}

Document documentFromText(std::string name, std::string_view bytes) {
  Document doc;
  doc.name = std::move(name);
  Utf8Repair repaired = repairUtf8(bytes);
  doc.text = std::move(repaired.text);
  doc.bad_utf8 = repaired.bad_sequences;
  doc.first_bad_utf8_offset = repaired.first_bad_offset;

  // Blocks: blank lines always separate. Inside a run of non-blank lines, a line break separates
  // paragraphs too (page dumps put one paragraph per line), except where the text is evidently
  // hard-wrapped: the line does not end a sentence and the next one continues in lower case.
  const std::string_view text = doc.text;
  std::size_t block_begin = std::string_view::npos;
  std::string_view prev_line;
  std::size_t pos = 0;
  for (;;) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    if (isBlankLine(line)) {
      if (block_begin != std::string_view::npos) addBlock(doc, block_begin, pos);
      block_begin = std::string_view::npos;
    } else if (block_begin == std::string_view::npos) {
      block_begin = pos;
    } else if (endsSentence(prev_line) || !startsWithLowercase(trim(line))) {
      addBlock(doc, block_begin, pos);
      block_begin = pos;
    }
    prev_line = line;
    if (eol == text.size()) break;
    pos = eol + 1;
  }
  if (block_begin != std::string_view::npos) addBlock(doc, block_begin, text.size());
  return doc;
}

std::size_t Document::sourceOffset(std::size_t text_offset) const {
  const auto after = std::upper_bound(source_map.begin(), source_map.end(), text_offset,
                                       [](std::size_t t, const SourceAnchor& a) { return t < a.text; });
  if (after == source_map.begin()) return text_offset;
  const SourceAnchor& a = *std::prev(after);
  return a.source + (text_offset - a.text);
}

Span Document::sourceSpan(Span s) const { return Span{sourceOffset(s.begin), sourceOffset(s.end)}; }

std::string describeRepairs(const Document& doc) {
  return format(trn("{}: invalid UTF-8 at byte {} ({} sequence replaced by U+FFFD)",
                    "{}: invalid UTF-8 at byte {} ({} sequences replaced by U+FFFD)", doc.bad_utf8),
                doc.name, doc.first_bad_utf8_offset, doc.bad_utf8);
}

Document loadDocument(const std::string& path) {
  return documentFromText(path == "-" ? "<stdin>" : path, readInput(path));
}

}  // namespace vorlesen
