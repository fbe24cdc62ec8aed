// Consent walls: pages that show a cookie or consent notice instead of the article (the article
// comes only after "Accept" in a browser). Reading the notice aloud would be worse than saying so.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "extract/page_markers.h"
#include "extract/strings.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

// A notice runs to a few hundred words; an article behind it is longer.
constexpr std::size_t kMaxWallWords = 300;
// Made of consent words: this many different ones, this many in all, this share of all words. (A
// short news item about cookie banners has about 8%; the notices themselves 12 to 20%.)
constexpr std::size_t kMinDistinct = 4;
constexpr std::size_t kMinConsentWords = 6;
constexpr std::size_t kMinPercent = 12;
// Below this the extracted body is next to nothing: the page's whole visible text is looked at.
constexpr std::size_t kNextToNothingWords = 40;

struct ConsentCount {
  std::size_t words = 0;     // all words
  std::size_t consent = 0;   // words starting with a consent word
  std::size_t distinct = 0;  // different consent words seen
};

bool isWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

// Counts the words of `text` into `count`; `seen` marks the consent words met so far.
void countConsentWords(std::string_view text, const std::vector<std::string>& stems, std::vector<bool>& seen,
                       ConsentCount& count) {
  const std::string folded = foldCase(text);
  for (std::size_t i = 0; i < folded.size();) {
    if (!isWordByte(folded[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < folded.size() && isWordByte(folded[end])) ++end;
    const std::string_view word = std::string_view(folded).substr(i, end - i);
    ++count.words;
    for (std::size_t s = 0; s < stems.size(); ++s) {
      if (word.substr(0, stems[s].size()) != stems[s]) continue;
      ++count.consent;
      if (!seen[s]) ++count.distinct;
      seen[s] = true;
      break;
    }
    i = end;
  }
}

// Made of consent words: several different ones, and a good share of all the words.
bool madeOfConsentWords(const ConsentCount& c, std::size_t min_distinct, std::size_t min_words, std::size_t percent) {
  return c.distinct >= min_distinct && c.consent >= min_words && c.consent * 100 >= c.words * percent;
}

struct GumboDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

// Everything a browser would show of the page, consent dialogs included (the extractor sets those
// aside as clutter): the text nodes outside scripts, styles and <head>, separated by spaces.
std::string visibleText(std::string_view page) {
  const std::unique_ptr<GumboOutput, GumboDeleter> out(
      gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size()));
  std::string text;
  if (!out) return text;
  std::vector<const GumboNode*> stack{out->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      text.append(n->v.text.text).push_back(' ');
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_HEAD || t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
        t == GUMBO_TAG_TEMPLATE) {
      continue;
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  return text;
}

bool hasConsentMarkup(std::string_view page, const PageMarkers& markers) {
  const std::string lower = lowerAscii(page);
  const auto& names = markers.phrases(PageMarkers::Kind::ConsentMarkup);
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return lower.find(n) != std::string::npos; });
}

}  // namespace

bool isConsentWall(const Document& doc, const PageMarkers& markers, std::string_view page) {
  std::size_t words = 0, body_words = 0;
  for (const Block& b : doc.blocks) {
    const std::size_t n = extract_detail::countWords(doc.slice(b.span));
    words += n;
    if (b.kind != BlockKind::Title && b.kind != BlockKind::Byline) body_words += n;
  }
  if (words > kMaxWallWords) return false;
  const auto& stems = markers.phrases(PageMarkers::Kind::Consent);
  std::vector<bool> seen(stems.size(), false);
  ConsentCount read;
  for (const Block& b : doc.blocks) countConsentWords(doc.slice(b.span), stems, seen, read);
  if (madeOfConsentWords(read, kMinDistinct, kMinConsentWords, kMinPercent)) return true;
  if (body_words >= kNextToNothingWords) return false;
  // Next to nothing to read: the notice itself may be what was set aside as clutter. What the page
  // shows decides, with less evidence needed where a consent platform's markup is present.
  const std::string shown = visibleText(page);
  if (extract_detail::countWords(shown) > 2 * kMaxWallWords) return false;
  std::fill(seen.begin(), seen.end(), false);
  ConsentCount all;
  countConsentWords(shown, stems, seen, all);
  return madeOfConsentWords(all, kMinDistinct, kMinConsentWords, kMinPercent) ||
         (madeOfConsentWords(all, 2, 3, 4) && hasConsentMarkup(page, markers));
}

}  // namespace vorlesen
