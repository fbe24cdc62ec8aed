#include "extract/class_words.h"

#include <algorithm>

#include "vorlesen/text.h"

namespace vorlesen::extract_detail {

namespace {

constexpr std::size_t kMinCompoundHead = 7;

bool isAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool isAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// "comments" for "comment".
bool isPlural(const std::string& word, const std::string& phrase) {
  return word.size() == phrase.size() + 1 && word.back() == 's' && word.compare(0, phrase.size(), phrase) == 0;
}

// German compounds end in what they are: "abowerbung" is a "werbung". Only long phrase words, so
// that short ones ("ad", "nav") do not match the end of anything.
bool isCompoundOf(const std::string& word, const std::string& phrase) {
  return phrase.size() >= kMinCompoundHead && word.size() > phrase.size() &&
         word.compare(word.size() - phrase.size(), phrase.size(), phrase) == 0;
}

}  // namespace

std::vector<std::string> nameWords(std::string_view names) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < names.size(); ++i) {
    const char c = names[i];
    // Bytes of non-ASCII letters stay inside words ("anzeige-für").
    const bool letter = isAsciiLower(c) || isAsciiUpper(c) || isAsciiDigit(c) || (static_cast<unsigned char>(c) & 0x80);
    if (!letter) {
      flush();
      // A class ends at white space: an empty word marks the boundary (for taxonomy classes).
      if (isAsciiSpace(c) && !words.empty() && !words.back().empty()) words.emplace_back();
      continue;
    }
    if (isAsciiUpper(c) && i > 0 && isAsciiLower(names[i - 1])) flush();  // "stickySidebar"
    word.push_back(lowerAscii(c));
  }
  flush();
  return words;
}

ClassWords::ClassWords(const PageMarkers& markers) {
  for (const std::string& p : markers.phrases(PageMarkers::Kind::ClassDrop)) drop_.push_back(nameWords(p));
  for (const std::string& p : markers.phrases(PageMarkers::Kind::ClassKeep)) keep_.push_back(nameWords(p));
  for (const std::string& p : markers.phrases(PageMarkers::Kind::ClassByline)) byline_.push_back(nameWords(p));
  for (const std::string& p : markers.phrases(PageMarkers::Kind::ClassLead)) lead_.push_back(nameWords(p));
  for (const std::string& p : markers.phrases(PageMarkers::Kind::ClassNegation)) negations_.push_back(p);
  for (const std::string& p : markers.phrases(PageMarkers::Kind::ClassTaxonomy)) taxonomy_.push_back(p);
}

const std::vector<ClassWords::Phrase>& ClassWords::phrasesOf(PageMarkers::Kind kind) const {
  if (kind == PageMarkers::Kind::ClassKeep) return keep_;
  if (kind == PageMarkers::Kind::ClassByline) return byline_;
  if (kind == PageMarkers::Kind::ClassLead) return lead_;
  return drop_;
}

bool ClassWords::matchesAt(const Phrase& phrase, const std::vector<std::string>& words, std::size_t at) const {
  if (phrase.empty() || at + phrase.size() > words.size()) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    const std::string& w = words[at + k];
    const bool last = k + 1 == phrase.size();
    if (w != phrase[k] && !(last && isPlural(w, phrase[k])) && !(phrase.size() == 1 && isCompoundOf(w, phrase[k]))) {
      return false;
    }
  }
  if (at > 0 && std::find(negations_.begin(), negations_.end(), words[at - 1]) != negations_.end()) return false;
  // "tag-werbung", "category-sidebar": a class naming a taxonomy term says nothing about the element.
  for (std::size_t k = at; k-- > 0 && !words[k].empty();) {
    if (std::find(taxonomy_.begin(), taxonomy_.end(), words[k]) != taxonomy_.end()) return false;
  }
  return true;
}

bool ClassWords::has(PageMarkers::Kind kind, const std::vector<std::string>& words) const {
  for (const Phrase& phrase : phrasesOf(kind)) {
    for (std::size_t at = 0; at < words.size(); ++at) {
      if (matchesAt(phrase, words, at)) return true;
    }
  }
  return false;
}

}  // namespace vorlesen::extract_detail
