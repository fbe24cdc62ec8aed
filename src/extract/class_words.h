// Internal: what an element's class and id say about it, matched by whole words.
//
// Class names are compounds of words: "content-sidebar-wrap", "field--label-hidden",
// "theiaStickySidebar", "js-dynamic-advertorial". They are split into words (at anything but
// letters and digits, and where a lower-case letter meets an upper-case one), and a marker phrase
// of page_markers.tsv matches a run of whole words, its last one also with a plural "s"
// ("comment" in "comments-area", not in "commentary"); a one-word phrase of 7 letters or more also
// matches the end of a German compound ("werbung" in "abowerbung"). A phrase right after a
// negation word ("non-paywall", "no-sidebar") does not count, nor one in a class that names a
// taxonomy term ("tag-werbung", "category-sidebar": WordPress marks a post with its tags).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/page_markers.h"

namespace vorlesen::extract_detail {

// The lower-case words of class and id attribute values; an empty word separates two classes.
std::vector<std::string> nameWords(std::string_view names);

class ClassWords {
 public:
  explicit ClassWords(const PageMarkers& markers);

  // Whether `words` (from nameWords) contain a phrase of `kind` (ClassDrop, ClassKeep, ClassByline,
  // ClassLead).
  bool has(PageMarkers::Kind kind, const std::vector<std::string>& words) const;

 private:
  using Phrase = std::vector<std::string>;
  const std::vector<Phrase>& phrasesOf(PageMarkers::Kind kind) const;
  bool matchesAt(const Phrase& phrase, const std::vector<std::string>& words, std::size_t at) const;

  std::vector<Phrase> drop_, keep_, byline_, lead_;
  std::vector<std::string> negations_;
  std::vector<std::string> taxonomy_;
};

}  // namespace vorlesen::extract_detail
