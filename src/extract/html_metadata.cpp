#include "extract/html_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "vorlesen/text.h"

namespace vorlesen::extract_detail {

namespace {

using Json = nlohmann::json;

// schema.org types whose object is the article itself.
bool isArticleType(const std::string& type) {
  const auto endsWith = [&](std::string_view suffix) {
    return type.size() >= suffix.size() && type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return endsWith("Article") || endsWith("Posting") || type == "Report";
}

bool hasArticleType(const Json& object) {
  const auto t = object.find("@type");
  if (t == object.end()) return false;
  if (t->is_string()) return isArticleType(t->get<std::string>());
  if (t->is_array()) {
    return std::any_of(t->begin(), t->end(), [](const Json& v) { return v.is_string() && isArticleType(v.get<std::string>()); });
  }
  return false;
}

std::string stringField(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "author": a name, a Person {"name": ...}, or a list of them.
std::string authorNames(const Json& author) {
  if (author.is_string()) return author.get<std::string>();
  if (author.is_object()) return stringField(author, "name");
  std::string names;
  if (author.is_array()) {
    for (const Json& a : author) {
      const std::string name = authorNames(a);
      if (!name.empty()) names += (names.empty() ? "" : ", ") + name;
    }
  }
  return names;
}

// Depth-first search for the first article object, at most a few levels deep (@graph, mainEntity).
const Json* findArticle(const Json& value, int depth) {
  if (depth > 6) return nullptr;
  if (value.is_object()) {
    if (hasArticleType(value)) return &value;
    for (const auto& item : value.items()) {
      if (const Json* found = findArticle(item.value(), depth + 1)) return found;
    }
  } else if (value.is_array()) {
    for (const Json& item : value) {
      if (const Json* found = findArticle(item, depth + 1)) return found;
    }
  }
  return nullptr;
}

std::string scriptText(const GumboNode* script) {
  if (script->v.element.children.length == 0) return {};
  const auto* text = static_cast<const GumboNode*>(script->v.element.children.data[0]);
  return text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA ? text->v.text.text : "";
}

}  // namespace

JsonLdArticle readJsonLd(const std::vector<const GumboNode*>& scripts) {
  JsonLdArticle out;
  for (const GumboNode* script : scripts) {
    const Json json = Json::parse(scriptText(script), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (json.is_discarded()) continue;
    const Json* article = findArticle(json, 0);
    if (article == nullptr) continue;
    out.headline = trim(stringField(*article, "headline"));
    if (const auto a = article->find("author"); a != article->end()) out.author = trim(authorNames(*a));
    out.date_published = trim(stringField(*article, "datePublished"));
    out.body = stringField(*article, "articleBody");
    out.script = script;
    return out;
  }
  return out;
}

std::string dayMonthYear(std::string_view iso) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    return at + n <= iso.size() && std::all_of(iso.begin() + static_cast<std::ptrdiff_t>(at),
                                               iso.begin() + static_cast<std::ptrdiff_t>(at + n),
                                               [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(0, 4) || iso.size() < 10 || iso[4] != '-' || !digits(5, 2) || iso[7] != '-' || !digits(8, 2)) return {};
  if (iso.substr(5, 2) == "00" || iso.substr(8, 2) == "00") return {};
  return std::string(iso.substr(8, 2)) + "." + std::string(iso.substr(5, 2)) + "." + std::string(iso.substr(0, 4));
}

std::pair<std::size_t, std::size_t> headlineOfTitle(std::string_view title, std::string_view site_name) {
  std::size_t begin = 0, end = title.size();
  static constexpr std::string_view kSeparators[] = {" | ", " \u2013 ", " \u2014 ", " - ", " \u00B7 ", " :: "};
  if (!site_name.empty() && title.substr(0, site_name.size()) == site_name) {
    for (std::string_view sep : kSeparators) {
      if (title.substr(site_name.size(), sep.size()) == sep) begin = site_name.size() + sep.size();
    }
  }
  std::size_t cut = std::string_view::npos, site = 0;
  for (std::string_view sep : kSeparators) {
    const std::size_t at = title.rfind(sep);
    if (at != std::string_view::npos && at > begin && (cut == std::string_view::npos || at > cut)) {
      cut = at;
      site = at + sep.size();
    }
  }
  // The part after the separator is the site only when it is the shorter one ("Wahl | Zeitung").
  if (cut != std::string_view::npos && title.size() - site < cut - begin) end = cut;
  return {begin, end};
}

}  // namespace vorlesen::extract_detail
