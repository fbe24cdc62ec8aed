// Article extraction: the article in reading order, the page clutter gone, offsets back to the file.
#include <catch2/catch.hpp>

#include "extract/golden.h"
#include "read_file.h"

#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/page_markers.h"
#include "vorlesen/error.h"
#include "vorlesen/extract.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pipeline.h"

namespace vorlesen {
namespace {

const std::string kFixtures = VORLESEN_FIXTURES_DIR "/extract/";

const PageMarkers& markers() {
  static const PageMarkers m(LanguageData::german());
  return m;
}

std::vector<std::string> blockTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) out.emplace_back(doc.slice(b.span));
  return out;
}

std::string joined(const Document& doc) { return joinedBlocks(doc); }

TEST_CASE("a German news page dump: title, byline, body - breadcrumbs, teasers, ads gone", "[extract]") {
  const Document doc = loadArticle(kFixtures + "wirtschaft-dump.txt", ExtractOptions{});
  checkGolden(doc, kFixtures + "wirtschaft-dump.expected.tsv");
  // Plain text: the text is the file, the blocks point into it.
  CHECK(doc.text == readFile(kFixtures + "wirtschaft-dump.txt"));
  CHECK(doc.source_map.empty());
  CHECK(doc.sourceOffset(123) == 123);
}

TEST_CASE("a broadcaster's page dump: menu lines, date and author lines, caption, related links", "[extract]") {
  const Document doc = loadArticle(kFixtures + "regional-dump.txt", ExtractOptions{});
  checkGolden(doc, kFixtures + "regional-dump.expected.tsv");
}

TEST_CASE("a page dump with a numbered list in the article and a numbered link list after it", "[extract]") {
  const Document doc = loadArticle(kFixtures + "liste-dump.txt", ExtractOptions{});
  checkGolden(doc, kFixtures + "liste-dump.expected.tsv");
}

TEST_CASE("a text that is no page dump keeps every line, short ones too", "[extract]") {
  const Document doc = loadArticle(kFixtures + "brief.txt", ExtractOptions{});
  checkGolden(doc, kFixtures + "brief.expected.tsv");
  CHECK(doc.blocks.size() == loadDocument(kFixtures + "brief.txt").blocks.size());
}

TEST_CASE("a German news page in HTML: nav, cookie banner, aside, comments, footer gone", "[extract]") {
  const Document doc = loadArticle(kFixtures + "nachrichten.html", ExtractOptions{});
  checkGolden(doc, kFixtures + "nachrichten.expected.tsv");
  const std::string all = joined(doc);
  for (const char* clutter : {"Cookies", "Politik", "Startseite", "Mehr zum Thema", "Pegelstände", "Kommentare",
                              "Hoffentlich", "Meistgelesen", "Impressum", "Alle Rechte", "Anzeige", "Sandsäcke am",
                              "Teilen", "dataLayer", "position: fixed", "Elbtal-Kurier"}) {
    INFO(clutter);
    CHECK(all.find(clutter) == std::string::npos);
  }
}

TEST_CASE("a magazine page without <article>: kicker, byline, text split by an ad", "[extract]") {
  const Document doc = loadArticle(kFixtures + "magazin.html", ExtractOptions{});
  checkGolden(doc, kFixtures + "magazin.expected.tsv");
  const std::string all = joined(doc);
  for (const char* clutter : {"Cookies", "Abo", "Lesen Sie auch", "Tarifstreit", "Anzeige", "Mietwagen", "Facebook",
                              "schreibt seit 2019", "interessieren", "Flughafen", "Impressum", "NewsArticle",
                              "\u00B7", "DAS MAGAZIN"}) {
    INFO(clutter);
    CHECK(all.find(clutter) == std::string::npos);
  }
}

TEST_CASE("HTML offsets lead back to the bytes of the original file", "[extract]") {
  const std::string bytes = readFile(kFixtures + "nachrichten.html");
  const Document doc = extractHtml("nachrichten.html", bytes, markers());
  REQUIRE(doc.blocks.size() > 5);
  std::size_t words = 0;
  std::size_t entities = 0;
  for (const Block& b : doc.blocks) {
    const std::string_view text = doc.slice(b.span);
    // Every word starts at its own spelling in the file, or at the character reference it came from.
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t end = std::min(text.find(' ', i), text.size());
      const std::string word(text.substr(i, end - i));
      const std::size_t src = doc.sourceOffset(b.span.begin + i);
      INFO("word '" << word << "' at source byte " << src);
      REQUIRE(src < bytes.size());
      if (bytes[src] == '&') {
        ++entities;
      } else {
        // Up to the first character that was written as a reference ("5,40&nbsp;Metern").
        const std::string plain = word.substr(0, std::min(word.size(), bytes.find('&', src) - src));
        CHECK(bytes.compare(src, plain.size(), plain) == 0);
      }
      ++words;
      i = end + 1;
    }
  }
  CHECK(words > 100);
  CHECK(entities >= 2);  // „Wir (&bdquo;) and & in the ad that is gone, – (&ndash;) ...

  // A whole block's source span covers its markup-free original exactly, references included.
  for (const Block& b : doc.blocks) {
    const std::string text(doc.slice(b.span));
    if (text.rfind("\u201EWir sind", 0) != 0) continue;
    const Span src = doc.sourceSpan(b.span);
    const std::string original = bytes.substr(src.begin, src.size());
    CHECK(original.rfind("&bdquo;Wir sind gut vorbereitet&ldquo;", 0) == 0);
    CHECK(original.substr(original.size() - 9) == "verteilt.");
  }
  // The title taken from <h1>.
  const Span title = doc.sourceSpan(doc.blocks.front().span);
  CHECK(bytes.substr(title.begin, title.size()) == "Hochwasser an der Elbe: Dresden rüstet sich");
  CHECK(bytes.substr(title.begin - 4, 4) == "<h1>");
}

TEST_CASE("the pipeline reads the extracted HTML article, its sentences map back into the file", "[extract]") {
  const std::string bytes = readFile(kFixtures + "nachrichten.html");
  const Document doc = extractHtml("nachrichten.html", bytes, markers());
  const Pipeline pipeline(LanguageData::german());
  const std::vector<Sentence> sentences = pipeline.prepare(doc);
  REQUIRE(sentences.size() >= 14);
  CHECK(doc.slice(sentences.front().source) == "Hochwasser an der Elbe: Dresden r\u00FCstet sich");
  std::size_t exact = 0;
  for (const Sentence& s : sentences) {
    const Span src = doc.sourceSpan(s.source);
    REQUIRE(src.end <= bytes.size());
    // The original without its inline tags ("Von <a rel=author ...>Katrin Lehmann").
    std::string original;
    bool in_tag = false;
    for (char c : bytes.substr(src.begin, src.size())) {
      if (c == '<') in_tag = true;
      if (!in_tag) original += c;
      if (c == '>') in_tag = false;
    }
    if (original == doc.slice(s.source)) {
      ++exact;
    } else {
      // Only sentences with character references differ: "&bdquo;Wir sind ..." or "5,40&nbsp;Metern".
      INFO(original);
      CHECK(original.find('&') != std::string::npos);
    }
  }
  CHECK(exact >= sentences.size() - 3);
}

TEST_CASE("a numeric reference too large for gumbo becomes U+FFFD, not a stray byte", "[extract]") {
  const Document doc = extractHtml("gross.html", "<p>Wert &#2555555555; und &#x110000; Ende</p>", markers());
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.slice(doc.blocks[0].span) == "Wert \uFFFD und \uFFFD Ende");
}

TEST_CASE("offsets survive dropped white space, CR LF and references", "[extract]") {
  const std::string html = "<pre>\nZeile eins\r\nZeile &amp; zwei\rdrei</pre><p>&Auml;rger&#x21;</p>";
  const Document doc = extractHtml("pre.html", html, markers());
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.slice(doc.blocks[0].span) == "Zeile eins Zeile & zwei drei");
  // text offset of a word -> what the file has there
  const std::pair<std::size_t, std::string> words[] = {
      {0, "Zeile eins"}, {11, "Zeile &amp; zwei"}, {17, "&amp;"}, {19, "zwei\rdrei"}, {24, "drei</pre>"}};
  for (const auto& [at, original] : words) {
    INFO(original);
    CHECK(html.compare(doc.sourceOffset(at), original.size(), original) == 0);
  }
  const Span src = doc.sourceSpan(doc.blocks[1].span);
  CHECK(html.substr(src.begin, src.size()) == "&Auml;rger&#x21;");
}

TEST_CASE("HTML in windows-1252 / ISO-8859-1 is converted, offsets still point into the file", "[extract]") {
  const std::string bytes = readFile(kFixtures + "latin1.html");
  SECTION("declared in a meta tag") {
    const Document doc = extractHtml("latin1.html", bytes, markers());
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.slice(doc.blocks[0].span) == "Gr\u00FC\u00DFe aus K\u00F6ln");
    CHECK(doc.bad_utf8 == 0);
    const std::size_t koeln = doc.text.find("K\u00F6ln");
    CHECK(bytes.compare(doc.sourceOffset(koeln), 5, "K\xF6ln<") == 0);
    const Span src = doc.sourceSpan(doc.blocks[1].span);
    CHECK(bytes.substr(src.begin, src.size()) ==
          "Die Stra\xDF" "enbahn f\xE4hrt wieder \xFC" "ber die Br\xFC" "cke \x96 seit Montag, sagte der Sprecher der "
          "Verkehrsbetriebe.");
  }
  SECTION("not declared, and not UTF-8") {
    std::string undeclared = bytes;
    undeclared.erase(undeclared.find("<meta"), undeclared.find('>', undeclared.find("<meta")) + 1 - undeclared.find("<meta"));
    const Document doc = extractHtml("alt.html", undeclared, markers());
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.slice(doc.blocks[0].span) == "Gr\u00FC\u00DFe aus K\u00F6ln");
  }
  SECTION("UTF-8 with one damaged byte stays UTF-8") {
    const std::string damaged = "<p>Gr\u00FC\u00DFe aus K\u00F6ln, \xFF und der Rest des Satzes ist unversehrt.</p>";
    const Document doc = extractHtml("kaputt.html", damaged, markers());
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.slice(doc.blocks[0].span) == "Gr\u00FC\u00DFe aus K\u00F6ln, \uFFFD und der Rest des Satzes ist unversehrt.");
    CHECK(doc.bad_utf8 == 1);
  }
}

TEST_CASE("malformed HTML still yields its text", "[extract]") {
  SECTION("unclosed tags and broken entities") {
    const Document doc = loadArticle(kFixtures + "kaputt.html", ExtractOptions{});
    REQUIRE(doc.blocks.size() == 3);
    CHECK(doc.blocks[0].kind == BlockKind::Title);
    CHECK(doc.slice(doc.blocks[0].span) == "Kaputte Seite");
    CHECK(doc.slice(doc.blocks[1].span) ==
          "Erster Absatz mit \u00E4rger & so weiter &unbekannt; und \u201EZitat\u201C ohne Ende.");
    CHECK(doc.slice(doc.blocks[2].span) == "Zweiter Absatz fett kursiv weiter ohne schlie\u00DFende Tags");
  }
  SECTION("no body, no paragraphs, a reference beyond Unicode") {
    const std::string html =
        "<html><head><title>Ohne K\u00F6rper</title></head>Nur Text ohne body-Element, mit &quot;Zeichen&quot; "
        "und &#9999999; kaputter Referenz</html>";
    const Document doc = extractHtml("x.html", html, markers());
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.slice(doc.blocks[1].span) ==
          "Nur Text ohne body-Element, mit \"Zeichen\" und \uFFFD kaputter Referenz");
    const Span src = doc.sourceSpan(doc.blocks[1].span);
    CHECK(html.substr(src.begin, src.size()) ==
          "Nur Text ohne body-Element, mit &quot;Zeichen&quot; und &#9999999; kaputter Referenz");
  }
  SECTION("an empty page has no blocks") {
    CHECK(extractHtml("leer.html", "<!DOCTYPE html><html><body><nav><a href=/>Start</a></nav></body></html>",
                      markers())
              .blocks.empty());
    CHECK(extractHtml("leer.html", "", markers()).blocks.empty());
  }
}

TEST_CASE("10,000 nested elements do not crash the extractor", "[extract]") {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "<p>Ganz unten steht der Satz, der gelesen werden soll.</p>";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "</body></html>";
  const Document doc = extractHtml("tief.html", html, markers());
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.slice(doc.blocks[0].span) == "Ganz unten steht der Satz, der gelesen werden soll.");
  CHECK(html.compare(doc.sourceOffset(doc.blocks[0].span.begin), 9, "Ganz unte") == 0);
}

TEST_CASE("HTML is recognized by extension or content", "[extract]") {
  CHECK(looksLikeHtml("seite.HTML", "Hallo"));
  CHECK(looksLikeHtml("seite.xhtml", ""));
  CHECK(looksLikeHtml("-", "\xEF\xBB\xBF  <!doctype html><html>"));
  CHECK(looksLikeHtml("-", "<html lang=de><body>x</body></html>"));
  CHECK(looksLikeHtml("dump.txt", "<meta charset=utf-8><p>Hallo</p>"));
  CHECK_FALSE(looksLikeHtml("dump.txt", "Startseite > Politik\n\nEin Satz <mit> spitzen Klammern."));
  CHECK_FALSE(looksLikeHtml("-", ""));
}

TEST_CASE("raw input: no extraction, the file as it is", "[extract]") {
  ExtractOptions raw;
  raw.raw = true;
  const Document doc = loadArticle(kFixtures + "wirtschaft-dump.txt", raw);
  const Document plain = loadDocument(kFixtures + "wirtschaft-dump.txt");
  REQUIRE(doc.blocks.size() == plain.blocks.size());
  CHECK(doc.slice(doc.blocks.front().span) == "Startseite > Wirtschaft > Energie");
  CHECK(loadArticle(kFixtures + "nachrichten.html", raw).slice(Span{0, 15}) == "<!DOCTYPE html>");
}

// foldCase() folds ASCII, Latin-1 and General Punctuation itself; ICU's full case folding decides.
TEST_CASE("foldCase agrees with ICU's full case folding, with and without its fast path", "[extract]") {
  const auto icuFold = [](const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).foldCase().toUTF8String(out);
    return out;
  };
  std::string all;
  const auto check = [&](UChar32 cp) {
    std::string one;
    icu::UnicodeString(cp).toUTF8String(one);
    INFO("U+" << std::hex << cp);
    CHECK(foldCase(one) == icuFold(one));
    CHECK(foldCase("A" + one + "\u00C4") == icuFold("A" + one + "\u00C4"));
    all += one;
  };
  for (UChar32 cp = 1; cp <= 0x24F; ++cp) check(cp);  // ASCII, Latin-1, Latin Extended-A/B (ICU)
  for (UChar32 cp = 0x2000; cp <= 0x2070; ++cp) check(cp);  // General Punctuation and beyond its end
  for (UChar32 cp : {0x0390, 0x1E9E, 0x212A, 0xFB00, 0x10400}) check(cp);
  CHECK(foldCase(all) == icuFold(all));
  CHECK(foldCase("Stra\u00DFe \u201EZ\u00DCRICH\u201C \u2013 \u00C0 \u00D7 \u00B5") ==
        "strasse \u201Ez\u00FCrich\u201C \u2013 \u00E0 \u00D7 \u03BC");
}

TEST_CASE("page markers: case-insensitive lines, captions, a broken data file", "[extract]") {
  CHECK(markers().lineIs(PageMarkers::Kind::Block, "  ANZEIGE: "));
  CHECK(markers().lineIs(PageMarkers::Kind::Block, "Mehr zum Thema"));
  CHECK_FALSE(markers().lineIs(PageMarkers::Kind::Block, "Anzeige erstattet"));
  CHECK(markers().isCaption("Der Hafen am Morgen. Foto: dpa"));
  CHECK(markers().isCaption("Foto: Max Muster/Agentur"));
  CHECK_FALSE(markers().isCaption("Er sagte, das Foto: sei eine F\u00E4lschung gewesen und m\u00FCsse sofort aus dem Netz."));
  CHECK_FALSE(markers().isCaption("Er zeigte das Foto: Man sah zwei M\u00E4nner. Dann ging er."));
  CHECK(foldCase("STRASSE") == foldCase("Stra\u00DFe"));

  const std::string dir = (std::filesystem::temp_directory_path() / "vorlesen-markers-test").string();
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/page_markers.tsv") << "# comment\nline\tTeilen\nsometimes\tAnzeige\n";
  try {
    PageMarkers bad(LanguageData::load(dir));
    FAIL("no error for an unknown kind");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == dir + "/page_markers.tsv:3: unknown marker kind 'sometimes'");
  }
}

TEST_CASE("the shared Handelsblatt dump: the article, nothing else", "[extract][shared]") {
#ifdef VORLESEN_SHARED_DIR
  const std::string path = VORLESEN_SHARED_DIR "/articles/handelsblatt-deepseek.txt";
  const std::string file = readFile(path);
  const Document doc = loadArticle(path, ExtractOptions{});
  const std::vector<std::string> blocks = blockTexts(doc);
  REQUIRE(blocks.size() > 10);

  // It starts with the headline (its kicker split off), then the byline split from the teaser.
  CHECK(blocks[0] == "KI-Durchbruch");
  CHECK(blocks[1] == "Wie der Deepseek-Erfolg Chinas Staatsf\u00FChrung hilft");
  CHECK(doc.blocks[1].kind == BlockKind::Title);
  CHECK(blocks[2] == "Martin Benninghoff 08.02.2025 - 15:57 Uhr");
  CHECK(doc.blocks[2].kind == BlockKind::Byline);
  CHECK(blocks[3].substr(blocks[3].size() - 22) == "hilfreich f\u00FCr Peking.");
  // It ends with the last sentence of the article.
  const std::string& last = blocks.back();
  CHECK(last.substr(last.size() - 27) == "\u2013 aber lieber im Stillen.");

  // Every body paragraph of the file, in order: the long lines that are not picture captions.
  std::vector<std::string> body;
  std::istringstream lines(file);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > 200 && line.find("Foto: ") == std::string::npos && line.find("Uhr Artikel") == std::string::npos) {
      body.push_back(line);
    }
  }
  REQUIRE(body.size() >= 12);
  std::size_t next = 3;
  for (const std::string& paragraph : body) {
    INFO(paragraph);
    const auto it = std::find(blocks.begin() + static_cast<long>(next), blocks.end(), paragraph);
    REQUIRE(it != blocks.end());
    next = static_cast<std::size_t>(it - blocks.begin()) + 1;
  }

  // None of the page clutter.
  const std::string all = joined(doc);
  for (const char* clutter : {"Startseite", "2. Politik", "International\n", "Artikel anh\u00F6ren", "Foto: CCTV",
                              "Foto: AFP", "Liang Wenfeng: Der Deepseek-Chef", "Essay", "Chinese Way of Life",
                              "Asia Techonomics", "Kursplus trotz Trump", "Verwandte Themen", "K\u00FCnstliche Intelligenz\n",
                              "Mehr zum Thema", "Unsere Partner", "Anzeige", "remind.me", "Homeday", "STELLENMARKT",
                              "Produktvergleich"}) {
    INFO(clutter);
    CHECK(all.find(clutter) == std::string::npos);
  }
  // Both subheadings are kept, as headings.
  std::size_t headings = 0;
  for (const Block& b : doc.blocks) headings += b.kind == BlockKind::Heading;
  CHECK(headings == 2);
  // Spans point into the file itself.
  CHECK(doc.text == file);
  // The pipeline reads it in reading order: the byline (from the middle of line 8) before the teaser.
  const std::vector<Sentence> sentences = Pipeline(LanguageData::german()).prepare(doc);
  REQUIRE(sentences.size() > 30);
  CHECK(doc.slice(sentences[0].source) == "KI-Durchbruch");
  CHECK(sentences[2].block == 2);
  CHECK(doc.slice(sentences.back().source).find("aber lieber im Stillen.") != std::string_view::npos);
#endif
}

}  // namespace
}  // namespace vorlesen
