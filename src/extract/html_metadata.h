// Internal: what a page says about its article outside the visible text — schema.org JSON-LD
// (headline, author, datePublished, articleBody) and the site name to strip from <title>.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vorlesen::extract_detail {

struct JsonLdArticle {
  std::string headline;
  std::string author;          // the authors' names, joined by ", "
  std::string date_published;  // as the page writes it (ISO 8601)
  std::string body;            // articleBody; paragraphs separated by line breaks
  const GumboNode* script = nullptr;  // where it came from (the text node's offsets anchor it)

  bool empty() const { return script == nullptr; }
};

// The first article (schema.org Article, NewsArticle, BlogPosting, Report, ...) described in the
// <script type="application/ld+json"> elements `scripts`, also inside "@graph" lists. Malformed
// JSON is skipped.
JsonLdArticle readJsonLd(const std::vector<const GumboNode*>& scripts);

// "2025-03-14T09:30:00+01:00" -> "14.03.2025"; "" when `iso` does not start with a date.
std::string dayMonthYear(std::string_view iso);

// How much of a <title> is the headline: the site name after the last " | ", " – ", " — ", " - "
// or " · " goes (when what is left is longer than it), and so does a prefix equal to `site_name`
// (og:site_name) followed by a separator. Returns [begin, end) of the headline in `title`.
std::pair<std::size_t, std::size_t> headlineOfTitle(std::string_view title, std::string_view site_name);

}  // namespace vorlesen::extract_detail
