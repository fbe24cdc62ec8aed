// HTML extraction on the kinds of real pages that lost text (issue 16): one fixture page per cause,
// each written for these tests, compared with its golden file; and what each rule must not drop.
#include <catch2/catch.hpp>

#include "extract/golden.h"
#include "read_file.h"

#include <string>
#include <vector>

#include "extract/page_markers.h"
#include "vorlesen/error.h"
#include "vorlesen/extract.h"
#include "vorlesen/language_data.h"

namespace vorlesen {
namespace {

const std::string kFixtures = VORLESEN_FIXTURES_DIR "/extract/";

// The page's article against its golden file.
void checkGolden(const std::string& page) {
  checkGolden(loadArticle(kFixtures + page + ".html", ExtractOptions{}), kFixtures + page + ".expected.tsv");
}

void checkAbsent(const Document& doc, const std::vector<const char*>& clutter) {
  const std::string all = joinedBlocks(doc);
  for (const char* c : clutter) {
    INFO(c);
    CHECK(all.find(c) == std::string::npos);
  }
}

TEST_CASE("class words are whole words; the wrapper holding the article is not dropped", "[extract]") {
  // content-sidebar-wrap, field--label-hidden, elementor-widget-container, commentary,
  // js-dynamic-advertorial, non-paywall, tag-werbung: none of them is clutter here.
  checkGolden("klassenwoerter");
  const Document doc = loadArticle(kFixtures + "klassenwoerter.html", ExtractOptions{});
  // The real sidebar, the comments, the ad box and the share bar inside the article still go.
  checkAbsent(doc, {"Radweg", "Meistgelesen", "Endlich", "Strompreis", "Kommentare", "Anzeige", "Facebook",
                    "Teilen", "Kreisbote"});
}

TEST_CASE("a lead in the article's header is read after the headline, also as a teaser-text box", "[extract]") {
  checkGolden("vorspann");
  const Document doc = loadArticle(kFixtures + "vorspann.html", ExtractOptions{});
  REQUIRE(doc.blocks.size() >= 4);
  CHECK(doc.blocks[3].kind == BlockKind::Paragraph);
  CHECK(doc.slice(doc.blocks[3].span).substr(0, 21) == "Ab Mai f\u00E4hrt der Bus");
  // Other teasers stay out.
  checkAbsent(doc, {"Radweg", "Bauarbeiten", "Startseite", "Seekurier"});
}

TEST_CASE("an article split over sibling builder modules is gathered; <br><br> divides paragraphs", "[extract]") {
  checkGolden("baukasten");
  const Document doc = loadArticle(kFixtures + "baukasten.html", ExtractOptions{});
  checkAbsent(doc, {"Impressum", "Datenschutz", "Nachbarschaftsverein"});
}

TEST_CASE("an article inside a page-wide <form> and an <aside> is read, the other aside is not", "[extract]") {
  checkGolden("formular");
  const Document doc = loadArticle(kFixtures + "formular.html", ExtractOptions{});
  checkAbsent(doc, {"Termine", "Gemeinderat", "Impressum", "Suchen", "Gemeinde Lindenau"});
}

TEST_CASE("JSON-LD: headline shown in an <h2>, authors and date, articleBody behind a paywall", "[extract]") {
  checkGolden("metadaten");
  const std::string bytes = readFile(kFixtures + "metadaten.html");
  const Document doc = loadArticle(kFixtures + "metadaten.html", ExtractOptions{});
  REQUIRE(doc.blocks.size() >= 4);
  // The title comes from the element that shows it, not from <title>.
  const Span title = doc.sourceSpan(doc.blocks[0].span);
  CHECK(bytes.substr(title.begin - 26, 26) == "<h2 class=\"artikel-titel\">");
  // Text from JSON-LD points into the script it came from.
  const std::size_t script = bytes.find("application/ld+json");
  const std::size_t script_end = bytes.find("</script>");
  for (std::size_t i = 1; i < doc.blocks.size(); ++i) {
    const Span src = doc.sourceSpan(doc.blocks[i].span);
    INFO(doc.slice(doc.blocks[i].span));
    CHECK(src.begin > script);
    CHECK(src.end < script_end);
  }
  checkAbsent(doc, {"Lesen Sie weiter", "testen", "K\u00FCstenblatt"});
}

TEST_CASE("the site name after ' · ', ' | ', ' – ', ' - ' is not part of the <title> headline", "[extract]") {
  checkGolden("titel");
  for (const char* sep : {" \u00B7 ", " | ", " \u2013 ", " - "}) {
    const std::string html = std::string("<title>Neue Br\u00FCcke er\u00F6ffnet") + sep +
                             "Stadtanzeiger</title><p>Die neue Br\u00FCcke \u00FCber den Kanal ist seit heute Morgen "
                             "f\u00FCr Fu\u00DFg\u00E4nger und Radfahrer ge\u00F6ffnet.</p>";
    const Document doc = extractHtml("t.html", html, PageMarkers::german());
    REQUIRE(!doc.blocks.empty());
    CHECK(doc.slice(doc.blocks[0].span) == "Neue Br\u00FCcke er\u00F6ffnet");
  }
}

TEST_CASE("clutter at the article's end and in it: end markers, pointers, captions, picture boxes, labels, bars",
          "[extract]") {
  // "Kommentare (12)" above the text does not end the article before it starts.
  checkGolden("schluss");
  const Document doc = loadArticle(kFixtures + "schluss.html", ExtractOptions{});
  checkAbsent(doc, {"Anzeige", "Abbildung", "Sprungturm", "Vergr\u00F6\u00DFern", "Rutsche", "Aktualisiert", "Drucken", "B\u00E4derf\u00FChrer",
                    "\u00C4hnliche", "Hallenbad", "Kommentare", "schwimmen gehen"});
}

TEST_CASE("a caption in a <strong> beside its picture is not read; a lead set as a heading beside one is",
          "[extract]") {
  // schluss.html: "Vergrößern" and an 89-byte caption in <strong>s beside a <picture> (no <p>).
  const Document doc = loadArticle(kFixtures + "schluss.html", ExtractOptions{});
  checkAbsent(doc, {"Kiosk"});
  const std::string page =
      "<html><body><article><div class=\"kopf\"><h1>Was wurde aus dem Stadtbad?</h1><div><h2>Vor zehn Jahren "
      "schloss das Stadtbad, seitdem steht es leer. Jetzt gibt es einen Plan f\u00FCr das Haus am Markt.</h2>"
      "<img src=\"bad.jpg\" alt=\"\"></div></div><p>Der Stadtrat hat am Dienstag beschlossen, das alte Stadtbad "
      "zu einer Bibliothek mit Caf\u00E9 umzubauen, die Arbeiten sollen im Herbst beginnen.</p><p>Die Kosten "
      "von rund acht Millionen Euro teilen sich Stadt und Land, ein F\u00F6rderverein sammelt Spenden.</p>"
      "</article></body></html>";
  CHECK(joinedBlocks(extractHtml("bad.html", page, PageMarkers::german())).find("Jetzt gibt es einen Plan") !=
        std::string::npos);
}

TEST_CASE("an author box after the article ends it", "[extract]") {
  // "Autor" as a line of its own: the name and biography after it are not the article's; above the
  // text it is a label, not the end.
  const std::string page =
      "<html><body><article><h1>Neue Regeln f\u00FCr Bewertungen</h1><p>Autor</p><p>Jana Beispiel</p>"
      "<p>Ab Juni m\u00FCssen Portale offenlegen, ob sie Bewertungen pr\u00FCfen, und gekaufte Bewertungen sind "
      "ausdr\u00FCcklich verboten.</p><p>Wer Bewertungen f\u00E4lscht, dem drohen Bu\u00DFgelder, die "
      "Verbraucherzentralen k\u00F6nnen abmahnen.</p><p>AUTOR</p><h3>Dr. Max Muster</h3><p>ist Partner einer "
      "Kanzlei in Berlin. Zu seinen Schwerpunkten z\u00E4hlen Wettbewerbsrecht und Verbraucherschutz.</p>"
      "</article></body></html>";
  const Document doc = extractHtml("bewertungen.html", page, PageMarkers::german());
  const std::string all = joinedBlocks(doc);
  CHECK(all.find("Ab Juni") != std::string::npos);
  CHECK(all.find("Wer Bewertungen") != std::string::npos);
  checkAbsent(doc, {"Max Muster", "Schwerpunkten", "AUTOR"});
}

TEST_CASE("sections of one template are one article beside the help box that scores best", "[extract]") {
  // A holiday flat: description, location and prices in boxes of the page's template
  // (objekt-box), none of them a sibling of the long help box (also an objekt-box) that wins the
  // scoring; before, only the help box was read.
  checkGolden("ferienwohnung");
  const Document doc = loadArticle(kFixtures + "ferienwohnung.html", ExtractOptions{});
  checkAbsent(doc, {"Urlaubsportal", "Merkliste", "Impressum"});
}

TEST_CASE("template boxes share class names, not grid classes, and hold no list of posts", "[extract]") {
  // The author box shares only the grid classes (col-md-10 ...) with the article: not read.
  const Document grid = loadArticle(kFixtures + "raster.html", ExtractOptions{});
  CHECK(joinedBlocks(grid).find("Geizen Sie") != std::string::npos);
  checkAbsent(grid, {"Jana Beispiel"});
  // Builder modules of other posts share the builder's class names with the text module: not read.
  const Document posts = loadArticle(kFixtures + "module.html", ExtractOptions{});
  CHECK(joinedBlocks(posts).find("Gasthaus Krone") != std::string::npos);
  checkAbsent(posts, {"Spielplatz", "Feuerwehr"});
}

TEST_CASE("a page of many similar tables is read whole, not only the best-scoring table", "[extract]") {
  // Four tables of short cells score nearly alike; their common ancestor is the article, with the
  // headings and paragraphs between them (before, only the fourth table was read).
  checkGolden("lehrplan");
  const Document doc = loadArticle(kFixtures + "lehrplan.html", ExtractOptions{});
  const std::string all = joinedBlocks(doc);
  for (const char* part : {"Lernfelder", "1. Semester", "Holzarten: Grundlagen", "Beschlagen: Grundlagen", "Schularbeit"}) {
    INFO(part);
    CHECK(all.find(part) != std::string::npos);
  }
  checkAbsent(doc, {"Startseite", "Impressum"});
}

TEST_CASE("the server's charset goes before the page's <meta>", "[extract]") {
  // "Grüße aus Köln" in windows-1252, while the page claims UTF-8.
  const std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><h1>Gr\xFC\xDF" "e aus K\xF6ln</h1><p>Die Stra\xDF" "enbahn "
      "f\xE4hrt wieder \xFC" "ber die Br\xFC" "cke, sagte der Sprecher der Verkehrsbetriebe am Montag.</p></body></html>";
  ArticleInput input;
  input.name = "https://example.org/koeln";
  input.media_type = "text/html";
  input.charset = "iso-8859-1";
  const Document doc = extractArticle(input, page, ExtractOptions{});
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.slice(doc.blocks[0].span) == "Gr\u00FC\u00DFe aus K\u00F6ln");
  CHECK(doc.bad_utf8 == 0);
  // The same bytes without the server's word: the <meta> says UTF-8, so they are repaired.
  input.charset.clear();
  CHECK(extractArticle(input, page, ExtractOptions{}).bad_utf8 > 0);
  // Text served in a legacy charset is converted too, and is a text dump whatever it looks like.
  ArticleInput text;
  text.name = "https://example.org/wetter.txt";
  text.media_type = "text/plain";
  text.charset = "windows-1252";
  const Document dump = extractArticle(text, "Sch\xF6nes Wetter in M\xFCnchen.\n", ExtractOptions{});
  REQUIRE(dump.blocks.size() == 1);
  CHECK(dump.slice(dump.blocks[0].span) == "Sch\u00F6nes Wetter in M\u00FCnchen.");
}

TEST_CASE("a page that is only a consent notice says so; a page with a cookie banner is read", "[extract]") {
  try {
    loadArticle(kFixtures + "web/einwilligung.html", ExtractOptions{});
    FAIL("no error for a consent wall");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Input);
    CHECK(std::string(e.what()).find("einwilligung.html: the page shows only a cookie or consent notice") !=
          std::string::npos);
  }
  // A cookie banner beside an article, and a short article about cookies, are articles.
  CHECK_NOTHROW(loadArticle(kFixtures + "nachrichten.html", ExtractOptions{}));
  const std::string about_cookies =
      "<html><body><article><h1>Gericht kippt Cookie-Banner</h1><p>Das Landgericht hat entschieden, dass ein "
      "Cookie-Banner die Ablehnung so einfach machen muss wie die Zustimmung. Geklagt hatte ein Verbraucherverband "
      "gegen einen Onlineh\u00E4ndler, dessen Banner nur einen Knopf zum Akzeptieren zeigte. Das Urteil ist noch nicht "
      "rechtskr\u00E4ftig, der H\u00E4ndler kann Berufung einlegen. Verbrauchersch\u00FCtzer sprachen von einem wichtigen "
      "Signal f\u00FCr die ganze Branche, die seit Jahren mit versteckten Einstellungen arbeite.</p></article>"
      "</body></html>";
  CHECK_NOTHROW(extractArticle("urteil.html", about_cookies, ExtractOptions{}));
}

}  // namespace
}  // namespace vorlesen
