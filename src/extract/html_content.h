// Internal: which part of a parsed HTML page is the article (html_extractor.cpp reads it out).
//
//   1. Clutter is set aside. For sure by tag (scripts, navigation, footers, figures, buttons ...),
//      by hidden/aria-hidden/display:none and by ARIA role. Maybe by class and id words
//      (page_markers.tsv: class-drop, matched as whole words, see class_words.h) and by the tags
//      <form> and <aside>: such an element is clutter unless it holds by far the most prose of the
//      page, for then it is a layout wrapper around the article ("content-sidebar-wrap", an
//      ASP.NET page-wide <form>), kept with a penalty in scoring (see decideClutter()).
//   2. Scoring, in the spirit of Mozilla's Readability: every paragraph gives points (length,
//      commas) to its parent and, less, to further ancestors; <article>, <main>,
//      itemprop=articleBody and class-keep names get a bonus; scores are scaled by (1 - link
//      density).
//   3. The article: the best candidate (or, when several others score nearly as well, their common
//      ancestor: a page of similar tables), widened to the ancestor that gathers its sibling blocks as
//      long as what that adds is mostly prose (page builders and CMS text modules split one
//      article into many sibling blocks), plus its siblings that score well, are long paragraphs,
//      or are blocks of prose (of its own kind: the next text module); and the boxes of its own
//      template nearby (same tag, shared class names: a holiday flat's description, location and
//      prices beside the long help box that scored best).
//
// Every walk is iterative: 10,000 nested elements must not exhaust the stack.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/class_words.h"
#include "extract/page_markers.h"

namespace vorlesen::extract_detail {

struct ElementStats {
  std::size_t parent = SIZE_MAX;  // index of the parent element, or SIZE_MAX
  double own_text = 0;            // decoded text bytes of its own text children
  double own_commas = 0;
  double text = 0;    // decoded text bytes below the element (clutter left out)
  double link = 0;    // of which inside <a>
  double commas = 0;
  double prose = 0;   // of which in prose paragraphs (long, few links)
  double block_prose = 0;  // of that, in block elements (not a long caption in a <strong>)
  unsigned articles = 0;  // <article> elements with text at or below it
  double score = 0;
  bool candidate = false;
  bool block_children = false;
  bool maybe_clutter = false;  // class words or a <form>/<aside>: clutter unless it holds the article
  bool clutter = false;
};

class PageModel {
 public:
  PageModel(const GumboNode* root, const PageMarkers& markers, const ClassWords& words);
  PageModel(const PageModel&) = delete;
  PageModel& operator=(const PageModel&) = delete;

  // The elements whose text is the article, in document order.
  const std::vector<const GumboNode*>& content() const { return content_; }
  // Elements not set aside, in document (pre-)order.
  const std::vector<const GumboNode*>& elements() const { return order_; }
  // Statistics of an element of elements(), or nullptr for any other node.
  const ElementStats* stats(const GumboNode* n) const;
  // Position in document order (elements() index), or SIZE_MAX.
  std::size_t orderOf(const GumboNode* n) const;
  // Whether `n` or one of its ancestors was set aside as clutter.
  bool isClutter(const GumboNode* n) const;
  double linkDensity(const GumboNode* n) const;

 private:
  bool isCertainClutter(const GumboNode* n) const;
  bool isMaybeClutter(const GumboNode* n) const;
  void collect();
  void addElement(const GumboNode* n, std::size_t parent);
  void accumulate();
  void decideClutter();
  bool isParagraph(std::size_t i) const;
  double initialScore(std::size_t i) const;
  void score();
  void addPoints(std::size_t parent, double points);
  std::size_t bestCandidate() const;
  std::size_t commonAncestor(std::size_t best) const;
  std::size_t widen(std::size_t best) const;
  void chooseContent();
  bool isSiblingBlock(std::size_t i, std::size_t chosen) const;
  std::vector<std::size_t> templatePeers(std::size_t chosen) const;
  bool isTemplatePeer(std::size_t i, std::size_t chosen, const std::vector<std::string_view>& own) const;
  std::size_t subtreeEnd(std::size_t i) const;
  void addPeers(const std::vector<std::size_t>& peers);
  bool isWithin(std::size_t i, std::size_t root) const;
  bool isInArticle(std::size_t i) const;

  const GumboNode* root_;
  const PageMarkers& markers_;
  const ClassWords& words_;
  std::vector<const GumboNode*> order_;  // elements, pre-order (certain clutter left out)
  std::vector<ElementStats> stats_;      // parallel to order_
  std::unordered_map<const GumboNode*, std::size_t> index_;
  std::unordered_set<const GumboNode*> certain_clutter_;
  std::vector<const GumboNode*> content_;
};

}  // namespace vorlesen::extract_detail
