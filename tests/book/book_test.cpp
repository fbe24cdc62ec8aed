// The book writers on a hand-made article with hand-made timings (no eSpeak): ids, clips, markup,
// the three containers. tests/cli/render_book_*.sh check real books with epubcheck, daisy-player
// and Chromium.
#include <catch2/catch.hpp>
#include <zip.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "book/markup.h"
#include "book/staging.h"
#include "render/temp_files.h"
#include "vorlesen/audio_sink.h"
#include "vorlesen/book.h"
#include "vorlesen/error.h"

namespace fs = std::filesystem;
using namespace vorlesen;
using vorlesen::testing::readAll;
using vorlesen::testing::TempDir;

namespace {

constexpr int kRate = 22050;

// The span of the first `needle` in `text` at or after `from`.
Span find(const std::string& text, const std::string& needle, std::size_t from = 0) {
  const std::size_t at = text.find(needle, from);
  REQUIRE(at != std::string::npos);
  return Span{at, at + needle.size()};
}

// A short MP3 of `samples` samples of a quiet tone.
void writeMp3(const fs::path& path, std::size_t samples) {
  AudioFileWriter writer(path.string(), kRate, AudioFormat::Mp3);
  std::vector<std::int16_t> pcm(samples);
  for (std::size_t i = 0; i < samples; ++i) pcm[i] = static_cast<std::int16_t>(3000 * std::sin(i * 0.05));
  writer.write(pcm.data(), pcm.size());
  writer.commit();
}

// Kicker, title, byline, paragraph, heading, list, quote; every sentence timed, words for some.
BookArticle article(const fs::path& dir, const std::string& name = "nachricht.txt") {
  BookArticle a;
  a.doc.name = name;
  a.doc.text =
      "Eilmeldung\n\nTitel & <Co>\n\nVon Anna Autor, 8. Februar 2025\n\nErster Satz mit \"2024\". Zweiter\nSatz.\n\n"
      "Zwischentitel\n\nPunkt eins\n\nPunkt zwei\n\nEin Zitat.";
  const std::string& t = a.doc.text;
  const std::pair<BlockKind, const char*> blocks[] = {
      {BlockKind::Title, "Eilmeldung"},          {BlockKind::Title, "Titel & <Co>"},
      {BlockKind::Byline, "Von Anna Autor, 8. Februar 2025"},
      {BlockKind::Paragraph, "Erster Satz mit \"2024\". Zweiter\nSatz."},
      {BlockKind::Heading, "Zwischentitel"},     {BlockKind::ListItem, "Punkt eins"},
      {BlockKind::ListItem, "Punkt zwei"},       {BlockKind::Quote, "Ein Zitat."}};
  for (const auto& [kind, text] : blocks) a.doc.blocks.push_back(Block{kind, find(t, text)});
  const std::vector<std::pair<std::size_t, Span>> sentences = {
      {0, find(t, "Eilmeldung")},     {1, find(t, "Titel & <Co>")},     {2, find(t, "Von Anna Autor, 8. Februar 2025")},
      {3, find(t, "Erster Satz mit \"2024\".")}, {3, find(t, "Zweiter\nSatz.")}, {4, find(t, "Zwischentitel")},
      {5, find(t, "Punkt eins")},     {6, find(t, "Punkt zwei")},       {7, find(t, "Ein Zitat.")}};
  std::size_t sample = 0;
  for (const auto& [block, span] : sentences) {
    TimedSentence s;
    s.block = block;
    s.source = span;
    s.timing.first_sample = sample;
    s.timing.samples = 6000;
    s.timing.pause_samples = 1000;
    sample += 7000;
    a.timings.sentences.push_back(s);
  }
  // "Erster Satz mit "2024".": eSpeak speaks 2024 as three words that all point at it.
  auto& words = a.timings.sentences[3].timing.words;
  const std::size_t s3 = a.timings.sentences[3].timing.first_sample;
  words = {WordTiming{s3 + 100, find(t, "Erster")},  WordTiming{s3 + 900, find(t, "Satz")},
           WordTiming{s3 + 1500, find(t, "mit")},    WordTiming{s3 + 2000, find(t, "2024")},
           WordTiming{s3 + 2600, find(t, "2024")},   WordTiming{s3 + 3300, Span{find(t, "2024").begin, find(t, "2024").end + 2}}};
  a.timings.sample_rate = kRate;
  a.timings.total_samples = sample - 1000;  // no pause after the last sentence
  a.audio = (dir / (name + ".mp3")).string();
  writeMp3(a.audio, a.timings.total_samples);
  a.source = "/home/leser/artikel/" + name;
  a.date = articleDate(a.doc);
  return a;
}

BookOptions options(const std::string& title = "Zeitung") {
  BookOptions o;
  o.title = title;
  o.identifier = "urn:uuid:12345678-1234-5234-8234-123456789abc";
  o.modified = 1738972800;  // 2025-02-08
  o.narrator = "eSpeak NG de";
  o.fingerprint = "vorlesen-settings 0123456789abcdef";
  return o;
}

// Names and contents of a ZIP archive's entries, in order, and how each is stored.
struct ZipEntry {
  std::string name, content;
  bool stored;
};
std::vector<ZipEntry> readZip(const fs::path& path) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  REQUIRE(z != nullptr);
  std::vector<ZipEntry> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st);
    std::string content(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    zip_fread(f, content.data(), st.size);
    zip_fclose(f);
    out.push_back(ZipEntry{st.name, content, st.comp_method == ZIP_CM_STORE});
  }
  zip_discard(z);
  return out;
}

const ZipEntry& entry(const std::vector<ZipEntry>& entries, const std::string& name) {
  for (const ZipEntry& e : entries) {
    if (e.name == name) return e;
  }
  FAIL("no entry " << name);
  return entries.front();
}

std::string base64Decode(const std::string& text) {
  const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned bits = 0, value = 0;
  for (char c : text) {
    if (c == '=') break;
    value = value << 6 | static_cast<unsigned>(digits.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>(value >> bits & 0xFF));
    }
  }
  return out;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("book layout: sentence clips tile the audio, words are merged and tile their sentence", "[book]") {
  TempDir dir;
  const BookArticle a = article(dir.path);
  const book::ArticleLayout l = book::layoutArticle(a, 3, 20);
  CHECK(l.prefix == "a3");
  CHECK(l.stem == "a003");
  REQUIRE(l.sentences.size() == 9);
  CHECK(l.sentences.front().clip.begin == 0);
  for (std::size_t i = 0; i + 1 < l.sentences.size(); ++i) {
    CHECK(l.sentences[i].clip.end == l.sentences[i + 1].clip.begin);  // the pause belongs to the sentence before
  }
  CHECK(l.sentences.back().clip.end == a.timings.total_samples);
  const book::SentenceLayout& s = l.sentences[3];
  CHECK(s.id == "a3s4");
  // Erster, Satz, mit, and one element for the three words of "2024" (the last reaching past it).
  REQUIRE(s.words.size() == 4);
  CHECK(a.doc.slice(s.words[3].source) == "2024\".");
  CHECK(s.words[3].id == "a3s4w4");
  CHECK(s.words[0].clip.begin == s.clip.begin);  // the first word starts with its sentence
  CHECK(s.words[1].clip.begin == s.words[0].clip.end);
  CHECK(s.words[3].clip.begin == s.clip.begin + 2000);
  CHECK(s.words[3].clip.end == s.clip.end);
  // The article is at its first sentence, the heading at its own.
  REQUIRE(l.nav.size() == 2);
  CHECK(l.nav[0].label == "Eilmeldung: Titel & <Co>");
  CHECK(l.nav[0].sentence == 0);
  CHECK(l.nav[1].level == 2);
  CHECK(l.nav[1].label == "Zwischentitel");
  CHECK(l.nav[1].sentence == 5);
}

TEST_CASE("book layout: timings that do not fit the document are refused", "[book]") {
  TempDir dir;
  BookArticle a = article(dir.path);
  a.timings.sentences[2].source.end = a.doc.text.size() + 5;
  CHECK_THROWS_AS(book::layoutArticle(a, 1, 1), Error);
}

TEST_CASE("article markup: the blocks as elements, sentences and words with ids, text escaped", "[book]") {
  TempDir dir;
  const BookArticle a = article(dir.path);
  const book::ArticleLayout l = book::layoutArticle(a, 1, 1);
  const std::string html = book::articleMarkup(a, l, false, true);
  CHECK(html ==
        "<h1><span class=\"kicker\"><span id=\"a1s1\">Eilmeldung</span></span> <span id=\"a1s2\">Titel &amp; "
        "&lt;Co&gt;</span></h1>\n"
        "<p class=\"byline\"><span id=\"a1s3\">Von Anna Autor, 8. Februar 2025</span></p>\n"
        "<p><span id=\"a1s4\">Erster Satz mit &quot;2024&quot;.</span> <span id=\"a1s5\">Zweiter Satz.</span></p>\n"
        "<h2><span id=\"a1s6\">Zwischentitel</span></h2>\n"
        "<ul>\n<li><span id=\"a1s7\">Punkt eins</span></li>\n<li><span id=\"a1s8\">Punkt zwei</span></li>\n</ul>\n"
        "<blockquote><p><span id=\"a1s9\">Ein Zitat.</span></p></blockquote>\n"
        "<footer class=\"source\"><p><cite>nachricht.txt</cite> \u00b7 <time datetime=\"2025-02-08\">2025-02-08</time>"
        "</p></footer>\n");
  const std::string words = book::articleMarkup(a, l, true, false);
  CHECK(words.find("<span id=\"a1s4\"><span id=\"a1s4w1\">Erster</span> <span id=\"a1s4w2\">Satz</span> "
                   "<span id=\"a1s4w3\">mit</span> &quot;<span id=\"a1s4w4\">2024&quot;.</span></span>") !=
        std::string::npos);
  CHECK(words.find("<p class=\"source\"><cite>nachricht.txt</cite> \u00b7 2025-02-08</p>") != std::string::npos);
}

TEST_CASE("xml text: markup characters escaped, control characters and white space runs one space", "[book]") {
  CHECK(book::xmlText("a & b < c > \"d\"") == "a &amp; b &lt; c &gt; &quot;d&quot;");
  CHECK(book::xmlText(std::string("x\x01y\x7f\tz\n\n w", 10)) == "x y z w");
  CHECK(book::xmlText("a\xC2\x85" "b \xEF\xBF\xBE c \xEF\xBF\xBD") == "a b c \xEF\xBF\xBD");
  CHECK(book::xmlText(" über ") == " über ");
}

TEST_CASE("clock values for SMIL 3, SMIL 1 and DAISY metadata", "[book]") {
  CHECK(book::clockValue(22050 * 3723 + 11025, 22050) == "1:02:03.500");
  CHECK(book::nptValue(22050 * 62 + 7607, 22050) == "npt=62.345s");
  CHECK(book::hmsValue(22050 * 62 + 11025, 22050) == "00:01:03");
  CHECK(book::hmsValue(0, 22050) == "00:00:00");
}

TEST_CASE("article date: the byline's date in its German spellings", "[book]") {
  auto date = [](const std::string& byline) {
    Document doc = documentFromText("x", "Titel\n\n" + byline + "\n\nText.");
    doc.blocks[1].kind = BlockKind::Byline;
    return articleDate(doc);
  };
  CHECK(date("Martin Benninghoff 08.02.2025 - 15:57 Uhr") == "2025-02-08");
  CHECK(date("Von Anna Autor, 8. Februar 2025") == "2025-02-08");
  CHECK(date("Stand: 3. Feb. 2025") == "2025-02-03");
  CHECK(date("12. März 2024, 10:15") == "2024-03-12");
  CHECK(date("veröffentlicht 2024-12-31T08:00") == "2024-12-31");
  CHECK(date("Von Anna Autor") == "");
  CHECK(date("Ausgabe 12.2024") == "");
  CHECK(date("32.01.2025") == "");
}

TEST_CASE("article record: the document and its timings as rendered, read back, a damaged one refused",
          "[book]") {
  TempDir dir;
  const BookArticle a = article(dir.path);
  const std::string path = (dir.path / "a.record").string();
  {
    ArticleRecordWriter writer(path, a.doc, kRate);
    for (const TimedSentence& s : a.timings.sentences) {
      Sentence sentence;
      sentence.source = s.source;
      sentence.block = s.block;
      writer.add(sentence, s.timing);
    }
    writer.commit(a.timings.total_samples);
  }
  const ArticleRecord back = readArticleRecord(path);
  CHECK(back.doc.name == a.doc.name);
  CHECK(back.doc.text == a.doc.text);
  REQUIRE(back.doc.blocks.size() == a.doc.blocks.size());
  CHECK(back.doc.blocks[7].kind == BlockKind::Quote);
  CHECK(back.doc.blocks[7].span == a.doc.blocks[7].span);
  CHECK(back.timings.sample_rate == kRate);
  CHECK(back.timings.total_samples == a.timings.total_samples);
  REQUIRE(back.timings.sentences.size() == a.timings.sentences.size());
  CHECK(back.timings.sentences[3].source == a.timings.sentences[3].source);
  CHECK(back.timings.sentences[3].timing.pause_samples == 1000);
  REQUIRE(back.timings.sentences[3].timing.words.size() == 6);
  CHECK(back.timings.sentences[3].timing.words[5].source == a.timings.sentences[3].timing.words[5].source);
  // Cut short, or with a block outside the text.
  const std::string text = readAll(path);
  std::ofstream(path, std::ios::trunc) << text.substr(0, text.size() - 10);
  CHECK_THROWS_AS(readArticleRecord(path), Error);
  std::string outside = text;
  outside.replace(outside.find("\nb\t1\t"), 8, "\nb\t1\t900");
  std::ofstream(path, std::ios::trunc) << outside;
  CHECK_THROWS_AS(readArticleRecord(path), Error);
}

TEST_CASE("EPUB: mimetype first and stored, overlays per sentence or word, durations add up", "[book]") {
  TempDir dir;
  const std::vector<BookArticle> articles = {article(dir.path, "eins.txt"), article(dir.path, "zwei.txt")};
  const fs::path epub = dir.path / "zeitung.epub";
  BookOptions o = options();
  writeEpub(articles, o, epub.string());
  const std::vector<ZipEntry> entries = readZip(epub);
  REQUIRE(entries.size() == 11);
  CHECK(entries[0].name == "mimetype");
  CHECK(entries[0].content == "application/epub+zip");
  CHECK(entries[0].stored);
  CHECK(entry(entries, "EPUB/audio/a002.mp3").stored);
  CHECK(entry(entries, "EPUB/audio/a002.mp3").content == readAll(articles[1].audio));
  const std::string opf = entry(entries, "EPUB/package.opf").content;
  const std::string each = book::clockValue(articles[0].timings.total_samples, kRate);
  CHECK(count(opf, "<meta property=\"media:duration\" refines=\"#mo-a00") == 2);
  CHECK(opf.find(">" + each + "</meta>") != std::string::npos);
  CHECK(opf.find("<meta property=\"media:duration\">" +
                 book::clockValue(2 * book::milliseconds(articles[0].timings.total_samples, kRate), 1000) + "</meta>") !=
        std::string::npos);
  CHECK(opf.find("<dc:source>eins.txt</dc:source>") != std::string::npos);  // no directories
  CHECK(opf.find("<dc:date>2025-02-08</dc:date>") != std::string::npos);
  CHECK(opf.find("<meta property=\"dcterms:modified\">2025-02-08T00:00:00Z</meta>") != std::string::npos);
  const std::string smil = entry(entries, "EPUB/smil/a001.smil").content;
  CHECK(count(smil, "<par ") == 9);
  CHECK(smil.find("<par id=\"a1s4p\"><text src=\"../text/a001.xhtml#a1s4\"/><audio src=\"../audio/a001.mp3\" "
                  "clipBegin=\"0:00:00.952\" clipEnd=\"0:00:01.270\"/></par>") != std::string::npos);
  const std::string nav = entry(entries, "EPUB/nav.xhtml").content;
  CHECK(count(nav, "<li>") == 4);
  CHECK(nav.find("<a href=\"text/a002.xhtml#a2s6\">Zwischentitel</a>") != std::string::npos);
  int length = 0;
  int error = 0;
  zip_t* z = zip_open(epub.c_str(), ZIP_RDONLY, &error);
  CHECK(std::string(zip_get_archive_comment(z, &length, 0)) == o.fingerprint);
  zip_discard(z);

  // Word by word: the sentence with words is a sequence of four, the others stay one <par>.
  o.word_sync = true;
  writeEpub(articles, o, epub.string());
  const std::string words = entry(readZip(epub), "EPUB/smil/a001.smil").content;
  CHECK(count(words, "<par ") == 8 + 4);
  CHECK(words.find("<seq id=\"a1s4q\" epub:textref=\"../text/a001.xhtml#a1s4\">") != std::string::npos);
  CHECK(entry(readZip(epub), "EPUB/text/a001.xhtml").content.find("id=\"a1s4w4\"") != std::string::npos);
}

TEST_CASE("DAISY: a folder appears whole, replaces an older book and nothing else", "[book]") {
  TempDir dir;
  const std::vector<BookArticle> articles = {article(dir.path, "eins.txt"), article(dir.path, "zwei.txt")};
  BookOptions o = options();
  o.title_page = article(dir.path, "titel.txt");
  o.title_page->source.clear();
  const fs::path book = dir.path / "buch";
  writeDaisy(articles, o, book.string(), false);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(book)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"a001.html", "a001.mp3", "a001.smil", "a002.html", "a002.mp3", "a002.smil",
                                          "daisy.css", "master.smil", "ncc.html", "title.html", "title.mp3",
                                          "title.smil"});
  const std::string ncc = readAll(book / "ncc.html");
  CHECK(ncc.find("<h1 class=\"title\" id=\"nav1\"><a href=\"title.smil#a0s1t\">Zeitung</a></h1>") != std::string::npos);
  CHECK(ncc.find("<h1 id=\"nav2\"><a href=\"a001.smil#a1s1t\">Eilmeldung: Titel &amp; &lt;Co&gt;</a></h1>") !=
        std::string::npos);
  CHECK(ncc.find("<h2 id=\"nav5\"><a href=\"a002.smil#a2s6t\">Zwischentitel</a></h2>") != std::string::npos);
  CHECK(ncc.find("<meta name=\"ncc:files\" content=\"12\"/>") != std::string::npos);
  CHECK(ncc.find("<meta name=\"ncc:tocItems\" content=\"5\"/>") != std::string::npos);
  CHECK(ncc.find("<meta name=\"ncc:totalTime\" content=\"00:00:08\"/>") != std::string::npos);  // 3 x 2.812 s
  const std::string smil = readAll(book / "a002.smil");
  CHECK(smil.find("<meta name=\"ncc:totalElapsedTime\" content=\"00:00:06\"/>") != std::string::npos);
  CHECK(smil.find("<seq dur=\"2.812s\">") != std::string::npos);
  CHECK(smil.find("<text src=\"a002.html#a2s4\" id=\"a2s4t\"/>\n<audio src=\"a002.mp3\" clip-begin=\"npt=0.952s\" "
                  "clip-end=\"npt=1.270s\" id=\"a2s4c\"/>") != std::string::npos);
  CHECK((fs::status(book).permissions() & fs::perms::others_read) != fs::perms::none);

  // A second book takes the first one's place; no staging folder is left.
  writeDaisy({articles[0]}, options("Neu"), book.string(), false);
  CHECK(readAll(book / "ncc.html").find("<title>Neu</title>") != std::string::npos);
  CHECK(!fs::exists(book / "a002.mp3"));
  for (const auto& e : fs::directory_iterator(dir.path)) {
    CHECK(e.path().filename().string().find(".vorlesen-") == std::string::npos);
  }

  // A folder that is not a book is not replaced.
  fs::create_directory(dir.path / "fotos");
  std::ofstream(dir.path / "fotos" / "urlaub.jpg") << "x";
  CHECK_THROWS_WITH(writeDaisy(articles, o, (dir.path / "fotos").string(), false),
                    Catch::Contains("is a folder with other files in it"));
  CHECK(fs::exists(dir.path / "fotos" / "urlaub.jpg"));

  // Zipped: the same files in a folder named like the archive.
  writeDaisy(articles, o, (dir.path / "buch.zip").string(), true);
  const std::vector<ZipEntry> entries = readZip(dir.path / "buch.zip");
  CHECK(entries.size() == 12);
  CHECK(entry(entries, "buch/ncc.html").content == ncc);
}

TEST_CASE("read-along page: one file with the audio, the clips and no outside references", "[book]") {
  TempDir dir;
  const std::vector<BookArticle> articles = {article(dir.path, "eins.txt")};
  const fs::path page = dir.path / "seite.html";
  writeReadAlong(articles, options(), page.string());
  const std::string html = readAll(page);
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';") != std::string::npos);
  CHECK(html.find("<div class=\"text\" aria-live=\"off\">") != std::string::npos);
  CHECK(count(html, "<button type=\"button\"") == 3);
  // The MP3 is in the page, base64 encoded.
  const std::string prefix = "src=\"data:audio/mpeg;base64,";
  const std::size_t begin = html.find(prefix) + prefix.size();
  CHECK(base64Decode(html.substr(begin, html.find('"', begin) - begin)) == readAll(articles[0].audio));
  CHECK(html.find("[952,1270,[[952,1],[993,2],[1020,3],[1043,4]]]") != std::string::npos);
  // Nothing that would load from elsewhere.
  for (const char* outside : {"src=\"http", "href=\"http", "src=\"//", "href=\"//"}) {
    CHECK(html.find(outside) == std::string::npos);
  }
}

TEST_CASE("staging leftovers of a killed run are removed, other files are not", "[book]") {
  TempDir dir;
  fs::create_directory(dir.path / ".buch.epub.vorlesen-abcdef");
  std::ofstream(dir.path / ".buch.epub.vorlesen-abcdef" / "in1.mp3") << "x";
  std::ofstream(dir.path / ".buch.epub.vorlesen-ghijkl.XYZ123") << "x";  // libzip's own temporary
  std::ofstream(dir.path / ".other.epub.vorlesen-abcdef") << "x";
  std::ofstream(dir.path / "buch.epub") << "x";
  removeStagingLeftovers((dir.path / "buch.epub").string());
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir.path)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{".other.epub.vorlesen-abcdef", "buch.epub"});
}
