// Article extraction from HTML: gumbo parses the bytes (any HTML: unclosed tags, broken entities
// and a missing <body> are repaired the way browsers do), PageModel (html_content.h) finds the
// article, and this file reads it out in reading order:
//   1. the title: the <h1> of the article, else the element showing the JSON-LD / og:title
//      headline (an <h2>, a <div class="title">), else og:title or <title> without the site name;
//   2. the byline: rel/itemprop author or a class-byline element, else the JSON-LD author or
//      <meta name="author">; the <time>, else the JSON-LD datePublished;
//   3. the lead: prose between the headline and the article body (p.lead, abstract, subtitle in
//      the article's header), read after the headline;
//   4. the body: headings, paragraphs, list items and quotes of the article; link-dense lists and
//      paragraphs and marker lines ("Anzeige", "Foto: dpa") are dropped, a block marker ("Mehr zum
//      Thema") drops the short lines after it, an end marker ("Kommentare") ends the article. When
//      the JSON-LD articleBody is clearly longer than what the page shows, it is read instead.
//
// Document::text is built from the decoded text, one block per paragraph separated by blank lines;
// Document::source_map anchors every stretch back to the bytes of the file (gumbo reports where
// each text node and attribute value starts; inside a node, entities are realigned; JSON-LD text
// is anchored to the string it was decoded from). Every tree walk is iterative.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <unordered_set>

#include "extract/charset.h"
#include "extract/class_words.h"
#include "extract/html_content.h"
#include "extract/html_dom.h"
#include "extract/html_metadata.h"
#include "extract/html_paragraph.h"
#include "extract/page_markers.h"
#include "extract/strings.h"
#include "vorlesen/text.h"

namespace vorlesen {

using extract_detail::ElementStats;
using extract_detail::Paragraph;
using namespace extract_detail;  // the gumbo helpers of html_dom.h

namespace {

// A box with a picture and at most this much text (and no prose paragraph) is its caption.
constexpr double kMaxPictureCaptionBytes = 250;
// A byline has at most this many words.
constexpr std::size_t kMaxBylineWords = 12;
// A lead outside the article's element is at most this many levels above the headline.
constexpr int kLeadHeadlineDistance = 3;
// A lead is a few paragraphs of prose, not a page section.
constexpr std::size_t kMaxLeadBlocks = 3;
constexpr std::size_t kMinLeadBytes = 40;
// A description's first bytes find the element that shows it.
constexpr std::size_t kDescriptionPrefixBytes = 40;
// The JSON-LD articleBody replaces the visible text when it is this much longer.
constexpr double kArticleBodyFactor = 1.5;
constexpr std::size_t kArticleBodyMargin = 300;
// A short line with this share of link text at the end of the article points elsewhere.
constexpr double kPointerLinkDensity = 0.3;
constexpr std::size_t kMaxPointerWords = 25;
// A part of a bar of links or metadata has at most this many words.
constexpr std::size_t kMaxBarPartWords = 5;
// A line of this many words with a date in it is metadata ("Stand: 05. Februar 2020").
constexpr std::size_t kMaxDateLineWords = 6;
// A single <br> after a sentence ends a paragraph once the paragraph is this long.
constexpr std::size_t kBreakParagraphBytes = 150;

bool endsSentence(std::string_view t) {
  t = trim(t);
  return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?' || t.back() == ':' ||
                        extract_detail::endsWith(t, "\u201C") || extract_detail::endsWith(t, "\u00AB") ||
                        extract_detail::endsWith(t, "\""));
}

// White space collapsed, for comparing a headline with an element's text.
std::string collapsed(std::string_view s) { return collapseWhiteSpace(trim(s)); }

bool isInside(const GumboNode* n, const GumboNode* root) {
  for (; n != nullptr; n = n->parent) {
    if (n == root) return true;
  }
  return false;
}

// Where a JSON string value for `key` starts and ends in a script's source text, or {npos, npos}.
std::pair<std::size_t, std::size_t> jsonValueRange(std::string_view source, std::string_view key) {
  const std::size_t k = source.find("\"" + std::string(key) + "\"");
  if (k == std::string_view::npos) return {std::string_view::npos, std::string_view::npos};
  const std::size_t open = source.find('"', source.find(':', k + key.size() + 2));
  if (open == std::string_view::npos) return {std::string_view::npos, std::string_view::npos};
  std::size_t close = open + 1;
  while (close < source.size() && source[close] != '"') close += source[close] == '\\' ? 2 : 1;
  return {open + 1, std::min(close, source.size())};
}

class HtmlExtractor {
 public:
  HtmlExtractor(const GumboNode* root, const PageMarkers& markers, const std::vector<std::size_t>* to_file)
      : root_(root), markers_(markers), words_(markers), page_(root, markers, words_), to_file_(to_file) {}

  void run(Document& doc) {
    findHeadMetadata();
    findMetadata();
    emitTitle(doc);
    emitByline(doc);
    emitLead(doc);
    emitBody(doc);
  }

 private:
  bool readable(const GumboNode* n) const { return n != nullptr && !page_.isClutter(n); }
  bool isText(const GumboNode* n) const {
    const ElementStats* s = page_.stats(n);
    return s != nullptr && s->text > 0;
  }

  // The nearest <article> around the content, else the content's parent.
  const GumboNode* articleScope() const {
    const GumboNode* scope = page_.content().empty() ? nullptr : page_.content().front();
    for (const GumboNode* n = scope; n != nullptr; n = n->parent) {
      if (tagOf(n) == GUMBO_TAG_ARTICLE) return n;
    }
    return scope != nullptr && scope->parent != nullptr ? scope->parent : scope;
  }

  // <head> and scripts are never read, but hold the metadata: walked on their own.
  void findHeadMetadata() {
    std::vector<const GumboNode*> stack{root_};
    std::vector<const GumboNode*> json_ld;
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      const GumboTag t = tagOf(n);
      if (t == GUMBO_TAG_TITLE && title_tag_ == nullptr) title_tag_ = n;
      if (t == GUMBO_TAG_SCRIPT && lowerAttr(attr(n, "type")) == "application/ld+json") json_ld.push_back(n);
      if (t == GUMBO_TAG_META) {
        const std::string key = lowerAttr(attr(n, "property")) + lowerAttr(attr(n, "name"));
        if (key == "og:title" && og_title_ == nullptr) og_title_ = n;
        if ((key == "description" || key == "og:description") && description_.empty()) {
          description_ = collapsed(attr(n, "content") ? attr(n, "content") : "");
        }
        if (key == "og:site_name" && site_name_.empty()) site_name_ = trim(std::string_view(attr(n, "content") ? attr(n, "content") : ""));
        if ((key == "author" || key == "article:author") && meta_author_ == nullptr) meta_author_ = n;
      }
      const GumboVector& kids = childrenOf(n);
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
    json_ld_ = readJsonLd(json_ld);
  }

  // The title, the byline elements and the publication time: the first of each inside the
  // article, else on the page. A byline or time set aside as clutter with its box (an
  // "entry-meta" line) is still found inside the article.
  void findMetadata() {
    const GumboNode* scope = articleScope();
    auto pick = [&](const GumboNode*& slot, const GumboNode* n) {
      if (slot == nullptr || (!isInside(slot, scope) && isInside(n, scope))) slot = n;
    };
    const std::size_t content_start =
        page_.content().empty() ? SIZE_MAX : page_.orderOf(page_.content().front());
    for (const GumboNode* n : page_.elements()) {
      const bool clutter = page_.isClutter(n);
      // (Not a commenter's name below the article.)
      if (clutter && (!isInside(n, scope) || page_.orderOf(n) > content_start)) continue;
      const GumboTag t = tagOf(n);
      if (t == GUMBO_TAG_H1 && !clutter && isText(n)) pick(h1_, n);
      const std::string itemprop = lowerAttr(attr(n, "itemprop"));
      if ((t == GUMBO_TAG_TIME || itemprop == "datepublished") && hasShortText(n, 200)) pick(time_, n);
      if (namesAuthor(n, itemprop) && hasShortText(n, 200) && isBylineText(n) && !isInside(n, byline_)) pick(byline_, n);
    }
    if (h1_ == nullptr) h1_ = headlineElement(scope);
    if (byline_ != nullptr && time_ != nullptr && isInside(time_, byline_)) time_ = nullptr;
    if (byline_ != nullptr && isInside(byline_, h1_)) byline_ = nullptr;
  }

  bool namesAuthor(const GumboNode* n, const std::string& itemprop) const {
    if (itemprop == "author" || lowerAttr(attr(n, "rel")) == "author") return true;
    const char* cls = attr(n, "class");
    const char* id = attr(n, "id");
    return (cls || id) &&
           words_.has(PageMarkers::Kind::ClassByline, nameWords(std::string(cls ? cls : "") + " " + (id ? id : "")));
  }

  // A name, a date, a role; not an author's biography ("Life is not digital. Life is a ...").
  static bool isBylineText(const GumboNode* n) {
    return extract_detail::countWords(collapsed(elementText(n))) <= kMaxBylineWords;
  }

  static bool hasShortText(const GumboNode* n, std::size_t limit) {
    const std::string text = collapsed(elementText(n));
    return !text.empty() && text.size() < limit;
  }

  // Without an <h1>: the element that shows the headline the metadata names (JSON-LD headline,
  // og:title, <title> without the site), preferring one inside the article.
  const GumboNode* headlineElement(const GumboNode* scope) const {
    std::vector<std::string> names;
    if (!json_ld_.headline.empty()) names.push_back(collapsed(json_ld_.headline));
    if (og_title_ != nullptr && attr(og_title_, "content") != nullptr) names.push_back(collapsed(attr(og_title_, "content")));
    if (const std::string t = titleTagHeadline(); !t.empty()) names.push_back(collapsed(t));
    const GumboNode* found = nullptr;
    for (const GumboNode* n : page_.elements()) {
      const ElementStats* s = page_.stats(n);
      if (s->text <= 0 || s->text > 400 || page_.isClutter(n) || tagOf(n) == GUMBO_TAG_A) continue;
      const std::string text = collapsed(elementText(n));
      if (text.empty() || std::find(names.begin(), names.end(), text) == names.end()) continue;
      if (found == nullptr || (!isInside(found, scope) && isInside(n, scope))) found = n;
    }
    return found;
  }

  std::string titleTagHeadline() const {
    if (title_tag_ == nullptr || childrenOf(title_tag_).length == 0) return {};
    const GumboNode* t = child(title_tag_, 0);
    if (t->type != GUMBO_NODE_TEXT) return {};
    const std::string_view text(t->v.text.text);
    const auto [begin, end] = headlineOfTitle(text, site_name_);
    return std::string(trim(text.substr(begin, end - begin)));
  }

  // The decoded text below `n`, white space as in the page.
  static std::string elementText(const GumboNode* n) {
    std::string out;
    std::vector<const GumboNode*> stack{n};
    while (!stack.empty()) {
      const GumboNode* c = stack.back();
      stack.pop_back();
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) {
        out += c->v.text.text;
        continue;
      }
      const GumboVector& kids = childrenOf(c);
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
    return out;
  }

  // Collects the readable text below `start` into paragraphs, handing each finished one to `done`
  // (with the kind of block it is). Iterative: the tree may be 10,000 levels deep.
  // `all`: also what was set aside as maybe clutter (a byline inside an "entry-meta" box).
  template <typename Done>
  void walk(const GumboNode* start, BlockKind kind, Done&& done, bool all = false) {
    struct Frame {
      const GumboNode* node;
      unsigned next;
      BlockKind kind;
      bool in_link;
      unsigned number;  // inside item N of an <ol>, else 0
    };
    Paragraph para(to_file_);
    BlockKind para_kind = kind;
    unsigned para_number = 0;
    auto flush = [&] {
      para.list_number = para_kind == BlockKind::ListItem ? para_number : 0;
      if (!para.empty()) done(para, para_kind);
      para.clear();
    };
    std::vector<Frame> stack{{start, 0, kind, tagOf(start) == GUMBO_TAG_A, 0}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next >= childrenOf(f.node).length) {
        if (isBlockTag(tagOf(f.node))) flush();
        stack.pop_back();
        if (!stack.empty()) {
          para_kind = stack.back().kind;
          para_number = stack.back().number;
        }
        continue;
      }
      const Frame top = f;
      const GumboNode* c = child(f.node, f.next++);
      if (c->type == GUMBO_NODE_TEXT) {
        para_kind = top.kind;
        para_number = top.number;
        para.append(std::string_view(c->v.text.original_text.data, c->v.text.original_text.length),
                    c->v.text.text, c->v.text.start_pos.offset, top.in_link);
        continue;
      }
      if (c->type == GUMBO_NODE_WHITESPACE) {
        para.space();
        continue;
      }
      if (!isElement(c) || (all ? page_.stats(c) == nullptr : page_.isClutter(c)) || skip_.count(c) || isLinkList(c) ||
          isPictureBox(c)) {
        continue;
      }
      const GumboTag t = tagOf(c);
      if (t == GUMBO_TAG_BR) {
        if (breaksParagraph(top.node, top.next, para)) flush();
        para.space();
        continue;
      }
      BlockKind k = top.kind;
      if (isHeading(t)) k = BlockKind::Heading;
      else if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT) k = BlockKind::ListItem;
      else if (t == GUMBO_TAG_BLOCKQUOTE) k = BlockKind::Quote;
      const unsigned number = t == GUMBO_TAG_LI ? orderedItemNumber(top.node, c) : top.number;
      if (isBlockTag(t)) {
        flush();
        para_kind = k;
        para_number = number;
      } else if (!para.empty() && (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)) {
        para.space();
      }
      stack.push_back(Frame{c, 0, k, top.in_link || t == GUMBO_TAG_A, number});
    }
    flush();
  }

  // The number of list item `li` in `list` when that is an <ol> (its `start` counted in), else 0.
  static unsigned orderedItemNumber(const GumboNode* list, const GumboNode* li) {
    if (tagOf(list) != GUMBO_TAG_OL) return 0;
    const GumboAttribute* start = gumbo_get_attribute(&list->v.element.attributes, "start");
    long n = start ? std::strtol(start->value, nullptr, 10) : 1;
    const GumboVector& kids = childrenOf(list);
    for (unsigned i = 0; i < kids.length && kids.data[i] != li; ++i) {
      if (isElement(static_cast<const GumboNode*>(kids.data[i])) && tagOf(static_cast<const GumboNode*>(kids.data[i])) == GUMBO_TAG_LI) ++n;
    }
    return n > 0 && n < 1000 ? static_cast<unsigned>(n) : 0;
  }

  // Lists and tables of links (related articles, tag clouds) inside the article.
  bool isLinkList(const GumboNode* c) const {
    const GumboTag t = tagOf(c);
    return (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL || t == GUMBO_TAG_TABLE) &&
           page_.stats(c) != nullptr && page_.linkDensity(c) > 0.5;
  }

  // A box of a picture and its caption ("Vergrößern Eine kleine runde Aussparung ..."): a <div> with
  // an image and a little text, no paragraph of prose (a caption in a <strong> beside the image is
  // none, a <p> or a lead set as a heading is).
  bool isPictureBox(const GumboNode* c) const {
    const GumboTag t = tagOf(c);
    if (t != GUMBO_TAG_DIV && t != GUMBO_TAG_SECTION && t != GUMBO_TAG_SPAN) return false;
    const ElementStats* s = page_.stats(c);
    if (s == nullptr || s->text > kMaxPictureCaptionBytes || s->block_prose > 0) return false;
    std::vector<const GumboNode*> stack{c};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (tagOf(n) == GUMBO_TAG_IMG) return true;
      for (unsigned i = 0; i < childrenOf(n).length; ++i) stack.push_back(child(n, i));
    }
    return false;
  }

  // Text held in <div>s with <br>: two line breaks in a row end a paragraph, and so does one after
  // a sentence once the paragraph is long. `next` is the index after the <br> in `parent`.
  static bool breaksParagraph(const GumboNode* parent, unsigned next, const Paragraph& para) {
    if (para.empty()) return false;
    for (unsigned i = next; i < childrenOf(parent).length; ++i) {
      const GumboNode* c = child(parent, i);
      if (c->type == GUMBO_NODE_WHITESPACE) continue;
      if (tagOf(c) == GUMBO_TAG_BR) return true;
      break;
    }
    return para.text().size() >= kBreakParagraphBytes && endsSentence(para.text());
  }

  void addTitle(Document& doc, Paragraph& p) {
    title_text_ = p.text();
    doc.blocks.push_back(Block{BlockKind::Title, p.commitTo(doc)});
  }

  void emitTitle(Document& doc) {
    auto add = [&](Paragraph& p, BlockKind) { addTitle(doc, p); };
    if (readable(h1_)) {
      // A kicker in its own element ("<span>KI-Durchbruch</span><span>Wie …</span>") is a block of its own.
      std::size_t parts = 0, text_children = 0;
      for (unsigned i = 0; i < childrenOf(h1_).length; ++i) {
        const GumboNode* c = child(h1_, i);
        if (isElement(c) && isText(c)) ++parts;
        if (c->type == GUMBO_NODE_TEXT) ++text_children;
      }
      if (parts >= 2 && text_children == 0) {
        for (unsigned i = 0; i < childrenOf(h1_).length; ++i) {
          const GumboNode* c = child(h1_, i);
          if (isElement(c) && !page_.isClutter(c)) walk(c, BlockKind::Title, add);
        }
      } else {
        walk(h1_, BlockKind::Title, add);
      }
      skip_.insert(h1_);
      return;
    }
    if (og_title_ != nullptr) {
      emitAttribute(doc, og_title_, "content", BlockKind::Title);
    } else if (title_tag_ != nullptr) {
      emitTitleElement(doc);
    }
  }

  void emitByline(Document& doc) {
    auto add = [&](Paragraph& p, BlockKind) {
      if (markers_.lineIs(PageMarkers::Kind::Line, p.text())) return;
      doc.blocks.push_back(Block{BlockKind::Byline, p.commitTo(doc)});
    };
    if (byline_ != nullptr) {
      walk(byline_, BlockKind::Byline, add, true);
      skip_.insert(byline_);
    } else if (!json_ld_.author.empty()) {
      emitJsonLd(doc, json_ld_.author, "author", BlockKind::Byline);
    } else if (meta_author_ != nullptr) {
      emitAttribute(doc, meta_author_, "content", BlockKind::Byline);
    }
    if (time_ != nullptr) {
      walk(time_, BlockKind::Byline, add, true);
      skip_.insert(time_);
    } else if (const std::string date = dayMonthYear(json_ld_.date_published); !date.empty()) {
      emitJsonLd(doc, date, "datePublished", BlockKind::Byline);
    }
  }

  // Text from the JSON-LD script, anchored to the value of `key` in its source.
  void emitJsonLd(Document& doc, std::string_view text, std::string_view key, BlockKind kind) {
    const GumboNode* node = child(json_ld_.script, 0);
    const std::string_view source(node->v.text.original_text.data, node->v.text.original_text.length);
    auto [begin, end] = jsonValueRange(source, key);
    if (begin == std::string_view::npos) begin = end = 0;
    const std::size_t base = node->v.text.start_pos.offset;
    Paragraph p(to_file_);
    p.appendWhole(text, base + begin, base + end);
    if (!p.empty()) doc.blocks.push_back(Block{kind, p.commitTo(doc)});
  }

  void emitAttribute(Document& doc, const GumboNode* n, const char* name, BlockKind kind) {
    const GumboAttribute* a = attrNode(n, name);
    if (a == nullptr) return;
    std::string_view orig(a->original_value.data, a->original_value.length);
    std::size_t source = a->value_start.offset;
    if (!orig.empty() && (orig.front() == '"' || orig.front() == '\'')) {
      orig = orig.substr(1, orig.size() >= 2 ? orig.size() - 2 : 0);
      ++source;
    }
    Paragraph p(to_file_);
    p.append(orig, a->value, source, false);
    if (p.empty()) return;
    if (kind == BlockKind::Title) {
      addTitle(doc, p);
    } else {
      doc.blocks.push_back(Block{kind, p.commitTo(doc)});
    }
  }

  // <title> lives in <head>; its text node is read directly, without the site name.
  void emitTitleElement(Document& doc) {
    if (childrenOf(title_tag_).length == 0) return;
    const GumboNode* t = child(title_tag_, 0);
    if (t->type != GUMBO_NODE_TEXT) return;
    std::string_view orig(t->v.text.original_text.data, t->v.text.original_text.length);
    std::string_view dec(t->v.text.text);
    const auto [begin, end] = headlineOfTitle(dec, site_name_);
    std::size_t source = t->v.text.start_pos.offset;
    if (orig == dec) {  // no references: the same cut applies to the file's bytes
      orig = orig.substr(begin, end - begin);
      source += begin;
    }
    Paragraph p(to_file_);
    if (orig.size() == end - begin) {
      p.append(orig, dec.substr(begin, end - begin), source, false);
    } else {
      p.appendWhole(dec.substr(begin, end - begin), source, source + orig.size());
    }
    if (!p.empty()) addTitle(doc, p);
  }

  // The lead, read after the headline: prose between the headline and the article body (p.lead,
  // an abstract in the article's header), else the element that shows the page's description
  // (often a "teaser-text" box, set aside with the other teasers).
  void emitLead(Document& doc) {
    if (emitLeadBetween(doc) == 0) emitDescriptionLead(doc);
  }

  std::size_t emitLeadBetween(Document& doc) {
    if (!readable(h1_) || page_.content().empty()) return 0;
    const std::size_t from = page_.orderOf(h1_);
    if (from == SIZE_MAX) return 0;
    const std::size_t to = leadWindowEnd(from);
    const GumboNode* scope = articleScope();
    std::size_t blocks = 0;
    for (std::size_t i = from + 1; i < to && blocks < kMaxLeadBlocks; ++i) {
      const GumboNode* n = page_.elements()[i];
      if (isInside(n, h1_) || isMetadata(n) || isRead(n)) continue;
      if (isMarkedLead(n)) {
        blocks += emitLeadElement(doc, n, true);
      } else if (isLeadCandidate(n, scope)) {
        blocks += emitLeadElement(doc, n, false);
      }
    }
    return blocks;
  }

  // Where the lead may be: up to the article body's start, or, when the body holds the headline,
  // up to its first prose paragraph that is not itself marked as a lead.
  std::size_t leadWindowEnd(std::size_t from) const {
    const std::size_t to = page_.orderOf(page_.content().front());
    if (to != SIZE_MAX && to > from) return to;
    for (std::size_t i = from + 1; i < page_.elements().size(); ++i) {
      const GumboNode* n = page_.elements()[i];
      const ElementStats* s = page_.stats(n);
      if (s->prose > 0 && !s->block_children && !page_.isClutter(n) && !isMarkedLead(n) && !isInside(n, h1_)) return i;
    }
    return from;
  }

  // class "teaser-text", "intro", "lead" ... (page_markers.tsv: class-lead), itemprop="description".
  bool isMarkedLead(const GumboNode* n) const {
    const std::string itemprop = lowerAttr(attr(n, "itemprop"));
    if (itemprop == "description" || itemprop == "abstract") return true;
    const char* cls = attr(n, "class");
    const char* id = attr(n, "id");
    return (cls || id) &&
           words_.has(PageMarkers::Kind::ClassLead, nameWords(std::string(cls ? cls : "") + " " + (id ? id : "")));
  }

  bool isMetadata(const GumboNode* n) const {
    return isInside(n, byline_) || isInside(n, time_) || isInside(byline_, n) || isInside(time_, n);
  }

  bool isRead(const GumboNode* n) const {
    for (const GumboNode* a = n; a != nullptr; a = a->parent) {
      if (skip_.count(a)) return true;
    }
    return false;
  }

  // The prose blocks of `n` (at least kMinLeadBytes, sentences, not links), marked as read.
  std::size_t emitLeadElement(Document& doc, const GumboNode* n, bool all) {
    std::size_t blocks = 0;
    walk(n, BlockKind::Paragraph, [&](Paragraph& p, BlockKind) {
      if (p.text().size() < kMinLeadBytes || p.linkDensity() > 0.3 || !endsSentence(p.text()) || isNoise(p)) return;
      doc.blocks.push_back(Block{BlockKind::Paragraph, p.commitTo(doc)});
      ++blocks;
    }, all);
    if (blocks > 0) skip_.insert(n);  // else the body reads it, if it is in the body
    return blocks;
  }

  void emitDescriptionLead(Document& doc) {
    const std::string prefix = description_.substr(0, kDescriptionPrefixBytes);
    if (description_.size() < kMinLeadBytes) return;
    for (const GumboNode* n : page_.elements()) {
      if (!startsWithText(n, prefix)) continue;
      while (n->parent != nullptr && !isBlockTag(tagOf(n))) n = n->parent;
      const bool read_anyway = !page_.isClutter(n) && std::any_of(page_.content().begin(), page_.content().end(),
                                                                  [&](const GumboNode* c) { return isInside(n, c); });
      if (read_anyway || isInside(n, h1_) || isInside(h1_, n) || page_.stats(n) == nullptr) return;
      emitLeadElement(doc, n, true);
      return;
    }
  }

  // Whether the first text of `n` (its own, not a child element's) begins with `prefix`.
  static bool startsWithText(const GumboNode* n, const std::string& prefix) {
    for (unsigned i = 0; i < childrenOf(n).length; ++i) {
      const GumboNode* c = child(n, i);
      if (c->type == GUMBO_NODE_WHITESPACE) continue;
      if (c->type != GUMBO_NODE_TEXT) return false;
      const std::string text = collapsed(c->v.text.text);
      return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
    }
    return false;
  }

  bool isLeadCandidate(const GumboNode* n, const GumboNode* scope) const {
    const GumboTag t = tagOf(n);
    if (t != GUMBO_TAG_P && t != GUMBO_TAG_DIV && t != GUMBO_TAG_H2 && t != GUMBO_TAG_SECTION) return false;
    const ElementStats* s = page_.stats(n);
    if (s == nullptr || s->block_children || s->text < kMinLeadBytes || page_.isClutter(n)) return false;
    if (scope == nullptr || isInside(n, scope)) return true;
    // Else close to the headline: inside its great-grandparent (the header box around both).
    const GumboNode* near = h1_;
    for (int up = 0; up < kLeadHeadlineDistance && near->parent != nullptr; ++up) near = near->parent;
    return isInside(n, near);
  }

  // A block not to read wherever it stands: a button or marker line, a caption or credit, an ad
  // label, link text, a date line, a bar of links.
  bool isNoise(const Paragraph& p) const {
    const std::string& t = p.text();
    return markers_.lineIs(PageMarkers::Kind::Line, t) || markers_.isCaption(t) || markers_.isDisclosure(t) ||
           p.linkDensity() > 0.5 || isDateLine(t) || isBar(t);
  }

  // "Energie 12.12.2022, 08:30 Uhr", "Aktualisiert am 17.01.2021.": a date with a few words is
  // the article's metadata, not its text.
  bool isDateLine(const std::string& t) const {
    return extract_detail::countWords(t) <= kMaxDateLineWords && std::regex_search(t, markers_.bylineDate());
  }

  // "Kommentarfeed | Kommentare geschlossen | Trackback-URL", "Aufrufe: 1120 | Tags: Denken": a bar
  // of links or metadata, three or more short parts between separators.
  static bool isBar(const std::string& t) {
    std::size_t parts = 1;
    for (std::string_view sep : {" | ", " \u00B7 ", " \u2022 "}) {
      std::size_t from = 0;
      for (std::size_t at = t.find(sep); at != std::string::npos; at = t.find(sep, at + sep.size())) {
        if (extract_detail::countWords(std::string_view(t).substr(from, at - from)) > kMaxBarPartWords) return false;
        ++parts;
        from = at + sep.size();
      }
      if (parts > 1) return parts >= 3 && extract_detail::countWords(std::string_view(t).substr(from)) <= kMaxBarPartWords;
    }
    return false;
  }

  // The article's blocks as the page shows them, filtered: not yet in the document.
  std::vector<std::pair<Paragraph, BlockKind>> bodyBlocks() {
    std::vector<std::pair<Paragraph, BlockKind>> out;
    bool ended = false;
    bool prose_seen = false;
    bool in_marked_block = false;
    auto add = [&](Paragraph& p, BlockKind kind) {
      const std::string& t = p.text();
      if (ended || !hasWords(t)) return;
      // "Anzeige", "Mehr zum Thema": the marker and the short link lines after it.
      const bool prose = t.size() > 80 || (t.size() > 25 && (t.back() == '.' || t.back() == '!' || t.back() == '?'));
      if (markers_.lineIs(PageMarkers::Kind::End, t)) {
        ended = prose_seen;  // "Kommentare (3)" above the text is a link, not the end
        return;
      }
      prose_seen = prose_seen || prose;
      if (markers_.lineIs(PageMarkers::Kind::Block, t)) {
        in_marked_block = true;
        return;
      }
      if (in_marked_block && !prose) return;
      in_marked_block = false;
      if (isNoise(p)) return;
      if (kind == BlockKind::Heading && t == title_text_) return;
      out.emplace_back(p, kind == BlockKind::Title ? BlockKind::Heading : kind);
    };
    for (const GumboNode* root : page_.content()) walk(root, BlockKind::Paragraph, add);
    dropTrailingSection(out);
    return out;
  }

  // A heading after the last prose (a paragraph, or a heading that is a sentence) introduces no
  // more of the article: links, teasers ("Weitere Tourentipps in Schweden") follow it. It goes
  // with everything after it (unless that is a list: "Ernährungsinfo", then the values), and so
  // does a pointer elsewhere after the last prose.
  void dropTrailingSection(std::vector<std::pair<Paragraph, BlockKind>>& blocks) const {
    const auto isProse = [](const Paragraph& p, BlockKind kind) {
      const std::string_view t = trim(p.text());
      const bool sentence = !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
      return t.size() > 80 || (sentence && (kind == BlockKind::Heading || extract_detail::countWords(t) >= 5));
    };
    std::size_t last_prose = blocks.size();
    for (std::size_t i = blocks.size(); i-- > 0;) {
      if (isProse(blocks[i].first, blocks[i].second) && !isPointer(blocks[i].first)) {
        last_prose = i;
        break;
      }
    }
    const auto list_follows = [&](std::size_t i) {
      return std::any_of(blocks.begin() + static_cast<std::ptrdiff_t>(i), blocks.end(),
                         [](const auto& b) { return b.second == BlockKind::ListItem; });
    };
    for (std::size_t i = last_prose + 1; i < blocks.size(); ++i) {
      if ((blocks[i].second == BlockKind::Heading && !list_follows(i)) || isPointer(blocks[i].first)) {
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i), blocks.end());
        return;
      }
    }
  }

  // "Alles über nachhaltige Wanderschuhe findest Du hier.", "Sie müssen sich anmelden, um
  // Kommentare zu schreiben.": a short line that is mostly a link, or has a link and a pointing
  // word, points away from the article.
  bool isPointer(const Paragraph& p) const {
    if (extract_detail::countWords(p.text()) > kMaxPointerWords) return false;
    return p.linkDensity() >= kPointerLinkDensity || (p.linkDensity() > 0 && hasPointerWord(p.text()));
  }

  // "hier", "unserem", "anmelden" (page_markers.tsv: pointer).
  bool hasPointerWord(const std::string& text) const {
    const std::string folded = foldCase(text);
    const auto& words = markers_.phrases(PageMarkers::Kind::Pointer);
    for (std::size_t i = 0; i < folded.size();) {
      std::size_t end = i;
      while (end < folded.size() && (std::isalnum(static_cast<unsigned char>(folded[end])) || (folded[end] & 0x80))) ++end;
      if (end > i && std::find(words.begin(), words.end(), folded.substr(i, end - i)) != words.end()) return true;
      i = end + 1;
    }
    return false;
  }

  // The body as shown, or, when the page shows only a part of the article (a paywall, "read more")
  // and its JSON-LD articleBody is clearly longer, the prose shown before the first paragraph of
  // articleBody (a lead it leaves out) and then articleBody.
  void emitBody(Document& doc) {
    std::vector<std::pair<Paragraph, BlockKind>> blocks = bodyBlocks();
    std::size_t shown = 0;
    for (const auto& b : blocks) shown += b.first.text().size();
    const std::string body = collapsed(json_ld_.body);
    const bool replace = body.size() > kArticleBodyFactor * static_cast<double>(shown) + kArticleBodyMargin;
    for (auto& [p, kind] : blocks) {
      if (replace && (p.text().size() < kMinLeadBytes || !endsSentence(p.text()))) continue;
      if (replace && body.find(collapsed(p.text())) != std::string::npos) break;
      const unsigned number = p.list_number;  // before commitTo(), which clears the paragraph
      doc.blocks.push_back(Block{kind, p.commitTo(doc), number});
    }
    if (replace) emitArticleBody(doc);
  }

  // The JSON-LD articleBody, one block per line.
  void emitArticleBody(Document& doc) {
    const GumboNode* node = child(json_ld_.script, 0);
    const std::string_view source(node->v.text.original_text.data, node->v.text.original_text.length);
    auto [begin, end] = jsonValueRange(source, "articleBody");
    if (begin == std::string_view::npos) begin = end = 0;
    const std::size_t base = node->v.text.start_pos.offset;
    const std::string_view body = json_ld_.body;
    for (std::size_t at = 0; at < body.size();) {
      std::size_t eol = body.find('\n', at);
      if (eol == std::string_view::npos) eol = body.size();
      const std::string_view line = trim(body.substr(at, eol - at));
      if (hasWords(line)) {
        Paragraph p(to_file_);
        p.appendWhole(line, base + std::min(begin + at, end), base + end);
        doc.blocks.push_back(Block{BlockKind::Paragraph, p.commitTo(doc)});
      }
      at = eol + 1;
    }
  }

  const GumboNode* root_;
  const PageMarkers& markers_;
  const ClassWords words_;
  const PageModel page_;
  const std::vector<std::size_t>* to_file_;  // null: gumbo parsed the file's own bytes
  std::unordered_set<const GumboNode*> skip_;  // read already (title, byline, lead)
  const GumboNode* h1_ = nullptr;  // the headline element (an <h1>, or what shows the headline)
  const GumboNode* time_ = nullptr;
  const GumboNode* byline_ = nullptr;
  const GumboNode* title_tag_ = nullptr;
  const GumboNode* og_title_ = nullptr;
  const GumboNode* meta_author_ = nullptr;
  std::string site_name_;
  std::string description_;  // <meta name="description"> or og:description, white space collapsed
  JsonLdArticle json_ld_;
  std::string title_text_;
};

}  // namespace

Document extractHtml(std::string name, std::string_view bytes, const PageMarkers& markers, std::string_view charset) {
  Document doc;
  doc.name = std::move(name);
  // gumbo reads UTF-8 only: a page in another charset is converted first, remembering where each
  // byte came from.
  const extract_detail::Utf8Html converted = extract_detail::htmlToUtf8(bytes, charset);
  const bool is_converted = !converted.to_file.empty();
  const std::string_view utf8 = is_converted ? std::string_view(converted.text) : bytes;
  if (!is_converted) {
    // gumbo replaces ill-formed UTF-8 by U+FFFD itself; counted here for the caller's warning.
    const Utf8Repair check = repairUtf8(bytes);
    doc.bad_utf8 = check.bad_sequences;
    doc.first_bad_utf8_offset = check.first_bad_offset;
  }
  const ParsedHtml html(utf8);
  HtmlExtractor(html.root(), markers, is_converted ? &converted.to_file : nullptr).run(doc);
  return doc;
}

}  // namespace vorlesen
