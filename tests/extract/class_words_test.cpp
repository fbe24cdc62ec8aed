// Class and id words (class_words.h) and the page metadata helpers (html_metadata.h).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/class_words.h"
#include "extract/html_dom.h"
#include "extract/html_metadata.h"
#include "extract/page_markers.h"

namespace vorlesen::extract_detail {
namespace {

bool drops(const char* names) {
  static const ClassWords words(PageMarkers::german());
  return words.has(PageMarkers::Kind::ClassDrop, nameWords(names));
}

TEST_CASE("class names are split into words, an empty word between classes", "[extract]") {
  CHECK(nameWords("content-sidebar-wrap") == std::vector<std::string>{"content", "sidebar", "wrap"});
  CHECK(nameWords("theiaStickySidebar") == std::vector<std::string>{"theia", "sticky", "sidebar"});
  CHECK(nameWords("field--label-hidden x_y") == std::vector<std::string>{"field", "label", "hidden", "", "x", "y"});
  CHECK(nameWords("  ").empty());
}

TEST_CASE("class-drop phrases match whole words, plurals and German compounds", "[extract]") {
  CHECK(drops("sidebar"));
  CHECK(drops("comments-area"));
  CHECK(drops("share-buttons"));
  CHECK(drops("ndPLUS-Abowerbung"));  // a "werbung"
  CHECK(drops("author-box"));
  CHECK_FALSE(drops("commentary"));
  CHECK_FALSE(drops("js-dynamic-advertorial"));
  CHECK_FALSE(drops("node--promoted"));
  CHECK_FALSE(drops("navigation-container"));  // "nav" is a word of its own
  CHECK(drops("main-nav"));
}

TEST_CASE("a negation before a phrase, or a taxonomy class, cancels it", "[extract]") {
  CHECK_FALSE(drops("non-paywall"));
  CHECK_FALSE(drops("no-sidebar"));
  CHECK(drops("paywall"));
  CHECK_FALSE(drops("post tag-werbung category-sidebar custom_tags-newsletter"));
  CHECK(drops("post tag-werbung sidebar"));  // another class of the same element still counts
}

TEST_CASE("the headline of a <title>: the site name after the last separator goes", "[extract]") {
  const auto headline = [](std::string_view title, std::string_view site = {}) {
    const auto [b, e] = headlineOfTitle(title, site);
    return std::string(title.substr(b, e - b));
  };
  CHECK(headline("Wahl in Bremen | Weserbote") == "Wahl in Bremen");
  CHECK(headline("Wahl in Bremen \u2013 Weserbote") == "Wahl in Bremen");
  CHECK(headline("Wahl in Bremen \u00B7 Weserbote") == "Wahl in Bremen");
  CHECK(headline("Wahl in Bremen - Wer gewinnt? - Weserbote") == "Wahl in Bremen - Wer gewinnt?");
  // The part after the separator is the site only when it is the shorter one.
  CHECK(headline("Weserbote | Wahl in Bremen: alle Ergebnisse") == "Weserbote | Wahl in Bremen: alle Ergebnisse");
  CHECK(headline("Weserbote | Wahl in Bremen: alle Ergebnisse", "Weserbote") == "Wahl in Bremen: alle Ergebnisse");
  CHECK(headline("Ohne Trenner") == "Ohne Trenner");
}

TEST_CASE("dates from JSON-LD are read as day, month, year", "[extract]") {
  CHECK(dayMonthYear("2025-03-14T09:30:00+01:00") == "14.03.2025");
  CHECK(dayMonthYear("2025-03-14") == "14.03.2025");
  CHECK(dayMonthYear("14.03.2025").empty());
  CHECK(dayMonthYear("2025-00-14").empty());
  CHECK(dayMonthYear("").empty());
}

TEST_CASE("JSON-LD: the first article object, in @graph too; malformed scripts are skipped", "[extract]") {
  const ParsedHtml html(
      "<script type=application/ld+json>{ kaputt </script>"
      "<script type=application/ld+json>{\"@type\": \"WebSite\", \"headline\": \"nicht diese\"}</script>"
      "<script type=application/ld+json>{\"@graph\": [{\"@type\": [\"Thing\", \"BlogPosting\"], "
      "\"headline\": \" Neue Fähre \", \"author\": {\"name\": \"Jörg Käßmann\"}, \"datePublished\": \"2025-05-02\", "
      "\"articleBody\": \"Erster Absatz.\\nZweiter Absatz.\"}]}</script>");
  std::vector<const GumboNode*> scripts;
  std::vector<const GumboNode*> stack{html.root()};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (tagOf(n) == GUMBO_TAG_SCRIPT) scripts.insert(scripts.begin(), n);
    for (unsigned i = 0; i < childrenOf(n).length; ++i) stack.push_back(child(n, i));
  }
  REQUIRE(scripts.size() == 3);
  const JsonLdArticle a = readJsonLd(scripts);
  REQUIRE_FALSE(a.empty());
  CHECK(a.script == scripts[2]);
  CHECK(a.headline == "Neue F\u00E4hre");
  CHECK(a.author == "J\u00F6rg K\u00E4\u00DFmann");
  CHECK(a.date_published == "2025-05-02");
  CHECK(a.body == "Erster Absatz.\nZweiter Absatz.");
  CHECK(readJsonLd({scripts[0], scripts[1]}).empty());
}

}  // namespace
}  // namespace vorlesen::extract_detail
