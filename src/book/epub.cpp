// EPUB 3 with Media Overlays (writeEpub in vorlesen/book.h).
//
//   mimetype                     stored, first
//   META-INF/container.xml       -> EPUB/package.opf
//   EPUB/package.opf             metadata (media:duration per overlay and in all), manifest, spine
//   EPUB/nav.xhtml               table of contents: articles, their headings
//   EPUB/style.css               includes the class readers put on the sentence being heard
//   EPUB/text/aNNN.xhtml         one per article
//   EPUB/smil/aNNN.smil          its overlay: a <par> per sentence (with --word-sync a <seq> of
//                                word <par>s), clips into
//   EPUB/audio/aNNN.mp3
#include <ctime>

#include "book/markup.h"
#include "book/zip_writer.h"
#include "vorlesen/book.h"

namespace vorlesen {

namespace {

using book::ArticleLayout;

constexpr const char* kActiveClass = "-epub-media-overlay-active";

std::string xhtmlHead(const std::string& title, const std::string& css) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
         "xml:lang=\"de\" lang=\"de\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>" +
         book::xmlText(title) + "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"" + css +
         "\"/>\n</head>\n";
}

std::string articleXhtml(const BookArticle& article, const ArticleLayout& layout, bool words) {
  return xhtmlHead(book::articleTitle(article), "../style.css") + "<body>\n<section id=\"" + layout.prefix +
         "\" epub:type=\"chapter\">\n" + book::articleMarkup(article, layout, words, true) +
         "</section>\n</body>\n</html>\n";
}

std::string parElement(const std::string& id, const std::string& text, const std::string& audio, book::Clip clip,
                       int rate) {
  return "<par id=\"" + id + "\"><text src=\"" + text + "\"/><audio src=\"" + audio + "\" clipBegin=\"" +
         book::clockValue(clip.begin, rate) + "\" clipEnd=\"" + book::clockValue(clip.end, rate) + "\"/></par>\n";
}

// The overlay of one article: a <par> per sentence, or with `words` a <seq> of word <par>s.
std::string overlaySmil(const ArticleLayout& layout, bool words) {
  const std::string text = "../text/" + layout.stem + ".xhtml";
  const std::string audio = "../audio/" + layout.stem + ".mp3";
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<smil xmlns=\"http://www.w3.org/ns/SMIL\" xmlns:epub=\"http://www.idpf.org/2007/ops\" version=\"3.0\">\n"
      "<body>\n<seq id=\"" + layout.prefix + "q\" epub:textref=\"" + text + "#" + layout.prefix +
      "\" epub:type=\"chapter\">\n";
  for (const book::SentenceLayout& s : layout.sentences) {
    if (s.clip.empty()) continue;
    std::vector<const book::WordLayout*> timed_words;
    if (words) {
      for (const book::WordLayout* w : book::wordsInTimeOrder(s)) {
        if (!w->clip.empty()) timed_words.push_back(w);
      }
    }
    if (timed_words.empty()) {
      out += parElement(s.id + "p", text + "#" + s.id, audio, s.clip, layout.sample_rate);
      continue;
    }
    out += "<seq id=\"" + s.id + "q\" epub:textref=\"" + text + "#" + s.id + "\">\n";
    for (const book::WordLayout* w : timed_words) {
      out += parElement(w->id + "p", text + "#" + w->id, audio, w->clip, layout.sample_rate);
    }
    out += "</seq>\n";
  }
  return out + "</seq>\n</body>\n</smil>\n";
}

std::string navXhtml(const std::vector<BookArticle>& articles, const std::vector<ArticleLayout>& layouts,
                     const std::string& title) {
  std::string out = xhtmlHead(title, "style.css") + "<body>\n<nav epub:type=\"toc\" id=\"toc\">\n<h1>" +
                    book::xmlText(title) + "</h1>\n<ol>\n";
  for (std::size_t i = 0; i < layouts.size(); ++i) {
    const ArticleLayout& layout = layouts[i];
    const std::string file = "text/" + layout.stem + ".xhtml";
    if (layout.nav.empty()) {
      out += "<li><a href=\"" + file + "\">" + book::xmlText(book::articleTitle(articles[i])) + "</a></li>\n";
      continue;
    }
    std::string headings;
    for (std::size_t n = 1; n < layout.nav.size(); ++n) {
      const book::NavPoint& p = layout.nav[n];
      headings += "<li><a href=\"" + file + "#" + layout.sentences[p.sentence].id + "\">" + book::xmlText(p.label) +
                  "</a></li>\n";
    }
    out += "<li><a href=\"" + file + "#" + layout.sentences[layout.nav[0].sentence].id + "\">" +
           book::xmlText(layout.nav[0].label) + "</a>" + (headings.empty() ? "" : "\n<ol>\n" + headings + "</ol>\n") +
           "</li>\n";
  }
  return out + "</ol>\n</nav>\n</body>\n</html>\n";
}

std::string packageMetadata(const std::vector<BookArticle>& articles, const std::vector<ArticleLayout>& layouts,
                            const BookOptions& options) {
  std::string out = "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:identifier id=\"book-id\">" +
                    book::xmlText(options.identifier) + "</dc:identifier>\n<dc:title>" + book::xmlText(options.title) +
                    "</dc:title>\n<dc:language>de</dc:language>\n";
  const std::string date = book::newestDate(articles);
  if (!date.empty()) out += "<dc:date>" + date + "</dc:date>\n";
  for (const BookArticle& a : articles) out += "<dc:source>" + book::xmlText(book::sourceName(a)) + "</dc:source>\n";
  out += "<meta property=\"dcterms:modified\">" + book::isoDateTime(options.modified) + "</meta>\n";
  std::size_t total_ms = 0;
  for (const ArticleLayout& layout : layouts) {
    const std::size_t ms = book::milliseconds(layout.total_samples, layout.sample_rate);
    total_ms += ms;
    out += "<meta property=\"media:duration\" refines=\"#mo-" + layout.stem + "\">" + book::clockValue(ms, 1000) +
           "</meta>\n";
  }
  out += "<meta property=\"media:duration\">" + book::clockValue(total_ms, 1000) + "</meta>\n";
  out += "<meta property=\"media:narrator\">" + book::xmlText(options.narrator) + "</meta>\n";
  out += "<meta property=\"media:active-class\">" + std::string(kActiveClass) + "</meta>\n";
  // EPUB Accessibility: what the book offers a reader who cannot see it, for reading systems and shops.
  out += "<meta property=\"schema:accessMode\">textual</meta>\n<meta property=\"schema:accessMode\">auditory</meta>\n"
         "<meta property=\"schema:accessModeSufficient\">textual</meta>\n"
         "<meta property=\"schema:accessModeSufficient\">auditory</meta>\n"
         "<meta property=\"schema:accessibilityFeature\">synchronizedAudioText</meta>\n"
         "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n"
         "<meta property=\"schema:accessibilityFeature\">readingOrder</meta>\n"
         "<meta property=\"schema:accessibilityHazard\">none</meta>\n";
  out += "<meta name=\"generator\" content=\"" + book::xmlText(book::generator(options)) + "\"/>\n";
  return out + "</metadata>\n";
}

std::string packageOpf(const std::vector<BookArticle>& articles, const std::vector<ArticleLayout>& layouts,
                       const BookOptions& options) {
  std::string manifest =
      "<manifest>\n<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
      "<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n";
  std::string spine = "<spine>\n";
  for (const ArticleLayout& l : layouts) {
    manifest += "<item id=\"" + l.stem + "\" href=\"text/" + l.stem +
                ".xhtml\" media-type=\"application/xhtml+xml\" media-overlay=\"mo-" + l.stem + "\"/>\n<item id=\"mo-" +
                l.stem + "\" href=\"smil/" + l.stem + ".smil\" media-type=\"application/smil+xml\"/>\n<item id=\"au-" +
                l.stem + "\" href=\"audio/" + l.stem + ".mp3\" media-type=\"audio/mpeg\"/>\n";
    spine += "<itemref idref=\"" + l.stem + "\"/>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" "
         "xml:lang=\"de\">\n" +
         packageMetadata(articles, layouts, options) + manifest + "</manifest>\n" + spine + "</spine>\n</package>\n";
}

std::string styleCss() {
  return std::string(book::kBookCss) + "." + kActiveClass + " { background-color: #fff0a0; color: #000; }\n";
}

}  // namespace

void writeEpub(const std::vector<BookArticle>& articles, const BookOptions& options, const std::string& path) {
  const std::vector<ArticleLayout> layouts = book::layoutBook(articles);
  ZipWriter zip(path, static_cast<std::time_t>(options.modified));
  zip.add("mimetype", "application/epub+zip", ZipWriter::Compression::Store);
  zip.add("META-INF/container.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n<rootfiles>\n"
          "<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
          "</rootfiles>\n</container>\n");
  zip.add("EPUB/package.opf", packageOpf(articles, layouts, options));
  zip.add("EPUB/nav.xhtml", navXhtml(articles, layouts, options.title));
  zip.add("EPUB/style.css", styleCss());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const ArticleLayout& l = layouts[i];
    zip.add("EPUB/text/" + l.stem + ".xhtml", articleXhtml(articles[i], l, options.word_sync));
    zip.add("EPUB/smil/" + l.stem + ".smil", overlaySmil(l, options.word_sync));
    zip.addFile("EPUB/audio/" + l.stem + ".mp3", articles[i].audio);
  }
  zip.setComment(options.fingerprint);
  zip.commit();
}

}  // namespace vorlesen
