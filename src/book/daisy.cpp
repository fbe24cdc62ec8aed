// DAISY 2.02 (writeDaisy in vorlesen/book.h): a folder, or a ZIP archive holding that folder.
//
//   ncc.html       the navigation centre: <h1 class="title"> first, then per article an <h1> and an
//                  <h2> per heading, each linking to the SMIL <text> element of its first sentence
//   master.smil    the SMIL files in reading order
//   title.*        (books of several articles) the spoken book title, the target of the first heading
//   aNNN.html      an article's text (XHTML 1.0), a <span id> per sentence
//   aNNN.smil      SMIL 1.0: a <par> per sentence with its clip of aNNN.mp3
//   aNNN.mp3, daisy.css
// Ids are unique across the book: players look SMIL ids up without regard to the file.
#include <filesystem>
#include <fstream>

#include "book/markup.h"
#include "book/staging.h"
#include "book/zip_writer.h"
#include "vorlesen/book.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace fs = std::filesystem;

namespace vorlesen {

namespace {

using book::ArticleLayout;
using book::xmlText;

constexpr const char* kSmilDoctype =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<!DOCTYPE smil PUBLIC \"-//W3C//DTD SMIL 1.0//EN\" \"http://www.w3.org/TR/REC-smil/SMIL10.dtd\">\n";
constexpr const char* kXhtmlDoctype =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n";

// One article (or the title page) of the book, with what DAISY adds to it.
struct Part {
  const BookArticle* article;
  ArticleLayout layout;
  std::size_t elapsed_ms = 0;  // audio of the parts before it
};

std::string meta(const std::string& name, const std::string& content) {
  return "<meta name=\"" + name + "\" content=\"" + xmlText(content) + "\"/>\n";
}

std::string xhtmlPage(const std::string& title, const std::string& head, const std::string& body) {
  return std::string(kXhtmlDoctype) +
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"de\" lang=\"de\">\n<head>\n"
         "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>\n<title>" +
         xmlText(title) + "</title>\n" + head + "</head>\n<body>\n" + body + "</body>\n</html>\n";
}

std::string textId(const book::SentenceLayout& s) { return s.id + "t"; }

std::string partSmil(const Part& part, const BookOptions& options) {
  const ArticleLayout& l = part.layout;
  std::string out = std::string(kSmilDoctype) + "<smil>\n<head>\n" + meta("dc:format", "Daisy 2.02") +
                    meta("dc:identifier", options.identifier) + meta("dc:title", book::articleTitle(*part.article)) +
                    meta("ncc:generator", book::generator(options)) +
                    meta("ncc:totalElapsedTime", book::hmsValue(part.elapsed_ms, 1000)) +
                    meta("ncc:timeInThisSmil", book::hmsValue(l.total_samples, l.sample_rate)) +
                    "<layout>\n<region id=\"txtView\"/>\n</layout>\n</head>\n<body>\n<seq dur=\"" +
                    book::nptValue(l.total_samples, l.sample_rate).substr(4) + "\">\n";
  for (const book::SentenceLayout& s : l.sentences) {
    if (s.clip.empty()) continue;
    out += "<par endsync=\"last\" id=\"" + s.id + "p\">\n<text src=\"" + l.stem + ".html#" + s.id + "\" id=\"" +
           textId(s) + "\"/>\n<audio src=\"" + l.stem + ".mp3\" clip-begin=\"" + book::nptValue(s.clip.begin, l.sample_rate) +
           "\" clip-end=\"" + book::nptValue(s.clip.end, l.sample_rate) + "\" id=\"" + s.id + "c\"/>\n</par>\n";
  }
  return out + "</seq>\n</body>\n</smil>\n";
}

std::string partXhtml(const Part& part) {
  return xhtmlPage(book::articleTitle(*part.article),
                   meta("dc:format", "Daisy 2.02") + "<link rel=\"stylesheet\" type=\"text/css\" href=\"daisy.css\"/>\n",
                   book::articleMarkup(*part.article, part.layout, false, false));
}

std::string nccHeading(const Part& part, std::size_t nav, const std::string& tag, const std::string& label,
                       std::size_t& count) {
  const book::SentenceLayout& s = part.layout.sentences[part.layout.nav[nav].sentence];
  const std::string open = tag == "title" ? "h1 class=\"title\"" : tag;
  const std::string close = tag == "title" ? "h1" : tag;
  return "<" + open + " id=\"nav" + std::to_string(++count) + "\"><a href=\"" + part.layout.stem + ".smil#" +
         textId(s) + "\">" + xmlText(label) + "</a></" + close + ">\n";
}

// The headings of ncc.html: the book title first, then every article and its headings.
std::string nccBody(const std::vector<Part>& parts, const BookOptions& options, std::size_t& count, int& depth) {
  std::string body;
  depth = 1;
  bool first = true;
  for (const Part& part : parts) {
    const std::vector<book::NavPoint>& nav = part.layout.nav;
    // The title page is one heading: the book's title.
    const std::size_t points = options.title_page && &part == &parts.front() ? std::min<std::size_t>(1, nav.size())
                                                                               : nav.size();
    for (std::size_t n = 0; n < points; ++n) {
      if (first) {
        body += nccHeading(part, n, "title", options.title_page ? options.title : nav[n].label, count);
        first = false;
      } else {
        body += nccHeading(part, n, nav[n].level == 1 ? "h1" : "h2", nav[n].label, count);
        depth = std::max(depth, nav[n].level);
      }
    }
  }
  return body;
}

std::string nccHtml(const std::vector<Part>& parts, const BookOptions& options, std::size_t files) {
  std::size_t headings = 0, total_ms = 0;
  int depth = 1;
  const std::string body = nccBody(parts, options, headings, depth);
  for (const Part& p : parts) total_ms += book::milliseconds(p.layout.total_samples, p.layout.sample_rate);
  std::string date;
  for (const Part& p : parts) date = std::max(date, p.article->date);
  if (date.empty()) date = book::isoDateTime(options.modified).substr(0, 10);
  const std::string head =
      meta("dc:creator", "vorlesen") + meta("dc:date", date) + meta("dc:format", "Daisy 2.02") +
      meta("dc:identifier", options.identifier) + meta("dc:language", "de") + meta("dc:publisher", "vorlesen") +
      meta("dc:title", options.title) + meta("ncc:charset", "utf-8") + meta("ncc:depth", std::to_string(depth)) +
      meta("ncc:files", std::to_string(files)) + meta("ncc:footnotes", "0") +
      meta("ncc:generator", book::generator(options)) + meta("ncc:maxPageNormal", "0") +
      meta("ncc:multimediaType", "audioFullText") + meta("ncc:narrator", options.narrator) +
      meta("ncc:pageFront", "0") + meta("ncc:pageNormal", "0") + meta("ncc:pageSpecial", "0") +
      meta("ncc:prodNotes", "0") + meta("ncc:setInfo", "1 of 1") + meta("ncc:sidebars", "0") +
      meta("ncc:tocItems", std::to_string(headings)) + meta("ncc:totalTime", book::hmsValue(total_ms, 1000));
  return xhtmlPage(options.title, head, body);
}

std::string masterSmil(const std::vector<Part>& parts, const BookOptions& options) {
  std::size_t total_ms = 0;
  std::string refs;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    total_ms += book::milliseconds(parts[i].layout.total_samples, parts[i].layout.sample_rate);
    refs += "<ref src=\"" + parts[i].layout.stem + ".smil\" title=\"" + xmlText(book::articleTitle(*parts[i].article)) +
            "\" id=\"ref" + std::to_string(i + 1) + "\"/>\n";
  }
  return std::string(kSmilDoctype) + "<smil>\n<head>\n" + meta("dc:format", "Daisy 2.02") +
         meta("dc:identifier", options.identifier) + meta("dc:title", options.title) +
         meta("ncc:generator", book::generator(options)) + meta("ncc:timeInThisSmil", book::hmsValue(total_ms, 1000)) +
         "<layout>\n<region id=\"txtView\"/>\n</layout>\n</head>\n<body>\n" + refs + "</body>\n</smil>\n";
}

std::vector<Part> bookParts(const std::vector<BookArticle>& articles, const BookOptions& options) {
  std::vector<Part> parts;
  if (options.title_page) {
    Part title{&*options.title_page, book::layoutArticle(*options.title_page, 0, articles.size())};
    title.layout.stem = "title";
    parts.push_back(std::move(title));
  }
  std::vector<ArticleLayout> layouts = book::layoutBook(articles);
  for (std::size_t i = 0; i < articles.size(); ++i) parts.push_back(Part{&articles[i], std::move(layouts[i])});
  std::size_t elapsed_ms = 0;
  for (Part& p : parts) {
    p.elapsed_ms = elapsed_ms;
    elapsed_ms += book::milliseconds(p.layout.total_samples, p.layout.sample_rate);
  }
  return parts;
}

// Where the files go: a folder being built, or the archive.
class DaisyOutput {
 public:
  DaisyOutput(const std::string& path, bool zip, std::int64_t mtime) : path_(path) {
    if (zip) {
      zip_ = std::make_unique<ZipWriter>(path, static_cast<std::time_t>(mtime));
      folder_ = fs::path(path).stem().string() + "/";
    } else {
      staging_ = std::make_unique<StagingDirectory>(path);
    }
  }
  void add(const std::string& name, std::string content) {
    if (zip_) return zip_->add(folder_ + name, std::move(content));
    std::ofstream out(staging_->file(name), std::ios::binary);
    out << content;
    if (!out.flush()) throw Error::fromErrno(ErrorKind::Output, path_, tr("cannot write"), errno);
  }
  void addFile(const std::string& name, const std::string& file) {
    if (zip_) return zip_->addFile(folder_ + name, file);
    linkOrCopy(file, staging_->file(name));
  }
  void commit(const std::string& fingerprint) {
    if (zip_) {
      zip_->setComment(fingerprint);
      return zip_->commit();
    }
    publishDirectory(staging_->path(), path_, "ncc.html");
  }

 private:
  std::string path_;
  std::unique_ptr<ZipWriter> zip_;
  std::string folder_;
  std::unique_ptr<StagingDirectory> staging_;
};

}  // namespace

void writeDaisy(const std::vector<BookArticle>& articles, const BookOptions& options, const std::string& path,
                bool zip) {
  const std::vector<Part> parts = bookParts(articles, options);
  DaisyOutput out(path, zip, options.modified);
  const std::size_t files = 3 + 3 * parts.size();  // ncc.html, master.smil, daisy.css; html, smil, mp3 each
  out.add("ncc.html", nccHtml(parts, options, files));
  out.add("master.smil", masterSmil(parts, options));
  out.add("daisy.css", book::kBookCss);
  for (const Part& part : parts) {
    out.add(part.layout.stem + ".html", partXhtml(part));
    out.add(part.layout.stem + ".smil", partSmil(part, options));
    out.addFile(part.layout.stem + ".mp3", part.article->audio);
  }
  out.commit(options.fingerprint);
}

}  // namespace vorlesen
