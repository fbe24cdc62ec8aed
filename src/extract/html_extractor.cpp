// Article extraction from HTML, in the spirit of Mozilla's Readability.
//
//   1. gumbo parses the bytes (any HTML: unclosed tags, broken entities and a missing <body> are
//      repaired the way browsers do; entities are decoded).
//   2. Clutter elements are set aside: scripts, navigation, asides, footers, forms, figures, hidden
//      elements, and elements whose class or id names clutter (page_markers.tsv: class-drop).
//   3. Scoring: every paragraph gives points (length, commas) to its parent and, less, to further
//      ancestors; <article>, <main> and itemprop=articleBody get a bonus; each candidate's score is
//      scaled by (1 - link density). The best candidate and its strong siblings are the article.
//   4. The title (<h1>, else og:title / <title>) and the byline (rel/itemprop author, class byline,
//      <time>, meta author) are read first, then the article's headings, paragraphs, list items and
//      quotes. Link-dense paragraphs and marker lines ("Anzeige", "Foto: dpa") are dropped.
//
// Document::text is built from the decoded text, one block per paragraph separated by blank lines;
// Document::source_map anchors every stretch back to the bytes of the file (gumbo reports where
// each text node and attribute value starts; inside a node, entities are realigned here).
// Every tree walk is iterative: 10,000 nested elements must not exhaust the stack.
#include <gumbo.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "extract/charset.h"
#include "extract/page_markers.h"
#include "extract/strings.h"
#include "vorlesen/error.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {


// Owns gumbo's parse tree (and the options it was made with, which destruction needs).
class ParsedHtml {
 public:
  explicit ParsedHtml(std::string_view bytes)
      : output_(gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size())) {
    if (output_ == nullptr) throw Error::input("HTML parser failed (out of memory?)");
  }
  ~ParsedHtml() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;
  const GumboNode* root() const { return output_->root; }

 private:
  GumboOutput* output_;
};

bool isElement(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }
GumboTag tagOf(const GumboNode* n) { return isElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

const char* attr(const GumboNode* n, const char* name) {
  if (!isElement(n)) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

const GumboAttribute* attrNode(const GumboNode* n, const char* name) {
  return isElement(n) ? gumbo_get_attribute(&n->v.element.attributes, name) : nullptr;
}

const GumboVector& childrenOf(const GumboNode* n) {
  static const GumboVector kEmpty{nullptr, 0, 0};
  return isElement(n) ? n->v.element.children : kEmpty;
}

const GumboNode* child(const GumboNode* n, unsigned i) { return static_cast<const GumboNode*>(childrenOf(n).data[i]); }

std::string lowerAscii(const char* s) { return vorlesen::lowerAscii(std::string_view(s ? s : "")); }

bool isHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

// Elements that end the paragraph being collected.
bool isBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_FORM: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return isHeading(t);
  }
}

// Elements never read: code, media, forms, navigation and other page furniture.
bool isClutterTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MENU: case GUMBO_TAG_IMG:
      return true;
    default:
      return false;
  }
}

bool containsAny(const std::string& haystack, const std::vector<std::string>& needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](const std::string& n) { return haystack.find(n) != std::string::npos; });
}

// Length of the character reference starting at text[0] == '&' ("&amp;", "&#228;", "&auml"), or 0.
std::size_t referenceLength(std::string_view text) {
  std::size_t i = 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits = i;
    while (i < text.size() && (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : std::isdigit(static_cast<unsigned char>(text[i])))) ++i;
    if (i == digits) return 0;
  } else {
    const std::size_t letters = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    if (i == letters) return 0;
  }
  if (i < text.size() && text[i] == ';') ++i;
  return i;
}

std::size_t utf8Length(char lead) {
  const unsigned char c = static_cast<unsigned char>(lead);
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// Separators left between inline elements ("·", "|") are not text to read.
bool hasWords(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (u_isalnum(static_cast<UChar32>(nextCodepoint(text, i)))) return true;
  }
  return false;
}

// One paragraph being collected: decoded text with collapsed white space, where each stretch came
// from in the file, and how much of it is link text.
class Paragraph {
 public:
  // `to_file`: for a page converted from a legacy charset, the file offset of each converted byte.
  explicit Paragraph(const std::vector<std::size_t>* to_file) : to_file_(to_file) {}

  // Appends decoded text `dec` that gumbo made from the file bytes `orig` starting at `source`.
  void append(std::string_view orig, std::string_view decoded, std::size_t source, bool in_link) {
    // gumbo 0.10 turns a numeric reference past INT_MAX ("&#2555555555") into a stray byte: what it
    // decoded is repaired first, so the text stays valid UTF-8 (found by fuzz/extract_html).
    const Utf8Repair repaired = repairUtf8(decoded);
    const std::string_view dec = repaired.text;
    std::size_t i = 0;  // in orig
    std::size_t j = 0;  // in dec
    while (j < dec.size()) {
      std::size_t src_len = 1;
      std::size_t dec_len = utf8Length(dec[j]);
      // White space gumbo dropped (CR of CR LF, the newline after <pre>) is skipped in the file.
      while (i < orig.size() && isAsciiSpace(orig[i]) && orig[i] != dec[j] &&
             !(orig[i] == '\r' && dec[j] == '\n' && (i + 1 == orig.size() || orig[i + 1] != '\n'))) {
        ++i;
      }
      if (i < orig.size() && orig[i] == '&' && dec.substr(j, 2) != orig.substr(i, 2)) {
        src_len = std::max<std::size_t>(1, referenceLength(orig.substr(i)));
      } else if (i < orig.size() && orig.substr(i, dec_len) == dec.substr(j, dec_len)) {
        src_len = dec_len;
      }  // else: a byte gumbo replaced by U+FFFD
      addChar(dec.substr(j, std::min(dec_len, dec.size() - j)), source + std::min(i, orig.size()), src_len, in_link);
      i += src_len;
      j += dec_len;
    }
  }
  void space() { pending_space_ = !text_.empty(); }

  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }
  double linkDensity() const { return text_.empty() ? 0.0 : static_cast<double>(link_bytes_) / text_.size(); }

  // Moves the paragraph to the end of `doc.text` (after a blank line) and returns its span.
  Span commitTo(Document& doc) {
    if (!doc.text.empty()) doc.text += "\n\n";
    const std::size_t base = doc.text.size();
    doc.text += text_;
    for (const SourceAnchor& a : anchors_) doc.source_map.push_back(SourceAnchor{base + a.text, a.source});
    // Anchor the end too, so that sourceSpan() of the block ends at the right byte.
    doc.source_map.push_back(SourceAnchor{base + text_.size(), source_end_});
    const Span span{base, base + text_.size()};
    clear();
    return span;
  }
  void clear() { *this = Paragraph(to_file_); }

 private:
  void addChar(std::string_view ch, std::size_t parsed, std::size_t parsed_len, bool in_link) {
    const std::size_t source = fileOffset(parsed);
    if (ch.size() == 1 && isAsciiSpace(ch[0])) {
      pending_space_ = !text_.empty();
      return;
    }
    if (pending_space_) {
      text_ += ' ';
      if (in_link) ++link_bytes_;
      pending_space_ = false;
    }
    const std::size_t predicted = anchors_.empty() ? SIZE_MAX : anchors_.back().source + (text_.size() - anchors_.back().text);
    if (source != predicted) anchors_.push_back(SourceAnchor{text_.size(), source});
    text_ += ch;
    if (in_link) link_bytes_ += ch.size();
    source_end_ = fileOffset(parsed + parsed_len);
  }

  // From an offset in the bytes gumbo parsed to one in the file.
  std::size_t fileOffset(std::size_t parsed) const {
    if (to_file_ == nullptr) return parsed;
    return (*to_file_)[std::min(parsed, to_file_->size() - 1)];
  }

  const std::vector<std::size_t>* to_file_;
  std::string text_;
  std::vector<SourceAnchor> anchors_;  // text offsets relative to text_
  std::size_t source_end_ = 0;
  std::size_t link_bytes_ = 0;
  bool pending_space_ = false;
};

struct Stats {
  double text = 0;    // decoded text bytes below the element
  double link = 0;    // of which inside <a>
  double commas = 0;
  double score = 0;
  bool candidate = false;
  bool block_children = false;
};

class HtmlExtractor {
 public:
  HtmlExtractor(const GumboNode* root, const PageMarkers& markers, const std::vector<std::size_t>* to_file)
      : root_(root), markers_(markers), to_file_(to_file) {}

  void run(Document& doc) {
    collect();
    chooseContent();
    findMetadata();
    emitTitle(doc);
    emitByline(doc);
    emitBody(doc);
  }

 private:
  bool isClutter(const GumboNode* n) const {
    const GumboTag t = tagOf(n);
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) return false;
    if (isClutterTag(t)) return true;
    if (attr(n, "hidden") != nullptr) return true;
    if (lowerAscii(attr(n, "aria-hidden")) == "true") return true;
    const std::string style = lowerAscii(attr(n, "style"));
    if (style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos) return true;
    const std::string role = lowerAscii(attr(n, "role"));
    for (const char* r : {"navigation", "complementary", "contentinfo", "dialog", "alertdialog", "search", "menu",
                          "menubar", "banner"}) {
      if (role == r) return true;
    }
    if (lowerAscii(attr(n, "itemprop")) == "articlebody") return false;
    const std::string names = lowerAscii(attr(n, "class")) + " " + lowerAscii(attr(n, "id"));
    return containsAny(names, markers_.phrases(PageMarkers::Kind::ClassDrop)) &&
           !containsAny(names, markers_.phrases(PageMarkers::Kind::ClassKeep));
  }

  // One pass over the tree (pre-order, iterative) recording the readable elements, then stats
  // accumulated bottom-up in reverse order.
  void collect() {
    std::vector<std::pair<const GumboNode*, std::size_t>> stack{{root_, SIZE_MAX}};
    while (!stack.empty()) {
      const auto [n, parent] = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_TEXT && parent != SIZE_MAX) {
        Stats& s = stats_[order_[parent]];
        s.text += std::strlen(n->v.text.text);
        s.commas += std::count(n->v.text.text, n->v.text.text + std::strlen(n->v.text.text), ',');
        continue;
      }
      if (!isElement(n)) continue;
      if (isClutter(n)) {
        clutter_.insert(n);
        continue;
      }
      const std::size_t index = order_.size();
      order_.push_back(n);
      parents_.push_back(parent);
      stats_[n];
      if (parent != SIZE_MAX && isBlockTag(tagOf(n))) stats_[order_[parent]].block_children = true;
      const GumboVector& kids = childrenOf(n);
      for (unsigned i = kids.length; i-- > 0;) stack.emplace_back(static_cast<const GumboNode*>(kids.data[i]), index);
    }
    for (std::size_t i = order_.size(); i-- > 0;) {
      Stats& s = stats_[order_[i]];
      if (tagOf(order_[i]) == GUMBO_TAG_A) s.link = s.text;
      if (parents_[i] != SIZE_MAX) {
        Stats& p = stats_[order_[parents_[i]]];
        p.text += s.text;
        p.link += s.link;
        p.commas += s.commas;
      }
    }
  }

  double linkDensity(const GumboNode* n) const {
    const Stats& s = stats_.at(n);
    return s.text > 0 ? s.link / s.text : 0.0;
  }

  double initialScore(const GumboNode* n) const {
    double score = 0;
    switch (tagOf(n)) {
      case GUMBO_TAG_ARTICLE: score = 30; break;
      case GUMBO_TAG_MAIN: score = 15; break;
      case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: score = 5; break;
      case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: score = 3; break;
      case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_LI: case GUMBO_TAG_ADDRESS: score = -3; break;
      case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: score = -10; break;
      default: score = isHeading(tagOf(n)) ? -5 : 0;
    }
    if (lowerAscii(attr(n, "itemprop")) == "articlebody" || lowerAscii(attr(n, "role")) == "main") score += 30;
    const std::string names = lowerAscii(attr(n, "class")) + " " + lowerAscii(attr(n, "id"));
    if (containsAny(names, markers_.phrases(PageMarkers::Kind::ClassKeep))) score += 25;
    return score;
  }

  void chooseContent() {
    std::vector<std::size_t> depth(order_.size(), 0);
    for (std::size_t i = 0; i < order_.size(); ++i) {
      const GumboNode* n = order_[i];
      const GumboTag t = tagOf(n);
      const Stats& s = stats_[n];
      const bool paragraph = t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD ||
                             ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION) && !s.block_children);
      if (!paragraph || s.text < 25) continue;
      const double points = 1 + s.commas + std::min(s.text / 100.0, 3.0);
      std::size_t a = parents_[i];
      for (int level = 0; level < 5 && a != SIZE_MAX; ++level, a = parents_[a]) {
        Stats& as = stats_[order_[a]];
        if (!as.candidate) {
          as.candidate = true;
          as.score = initialScore(order_[a]);
        }
        as.score += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      }
    }
    double best = 0;
    std::size_t best_index = SIZE_MAX;
    for (std::size_t i = 0; i < order_.size(); ++i) {
      Stats& s = stats_[order_[i]];
      if (!s.candidate) continue;
      s.score *= 1.0 - linkDensity(order_[i]);
      if (best_index == SIZE_MAX || s.score > best) {
        best = s.score;
        best_index = i;
      }
    }
    if (best_index == SIZE_MAX) {
      // No paragraphs to score (a bare fragment, text without markup): read everything readable.
      if (!order_.empty()) content_.push_back(order_.front());
      return;
    }
    // The winner's siblings join when they score well too, or are long prose with few links.
    const std::size_t parent = parents_[best_index];
    if (parent == SIZE_MAX) {
      content_.push_back(order_[best_index]);
      return;
    }
    const double threshold = std::max(10.0, best * 0.2);
    for (std::size_t i = parent + 1; i < order_.size(); ++i) {
      if (parents_[i] != parent) continue;
      const GumboNode* n = order_[i];
      const Stats& s = stats_[n];
      const bool strong = s.candidate && s.score >= threshold;
      const bool prose = tagOf(n) == GUMBO_TAG_P && s.text > 80 && linkDensity(n) < 0.25;
      if (i == best_index || strong || prose) content_.push_back(n);
    }
  }

  bool inside(const GumboNode* n, const std::vector<const GumboNode*>& roots) const {
    for (; n != nullptr; n = n->parent) {
      if (std::find(roots.begin(), roots.end(), n) != roots.end()) return true;
    }
    return false;
  }

  bool readable(const GumboNode* n) const {
    for (; n != nullptr; n = n->parent) {
      if (clutter_.count(n)) return false;
    }
    return true;
  }

  // The title, the byline elements and the publication time: the first of each inside the
  // article (the nearest <article> around the content, else the content's parent), else on the page.
  void findMetadata() {
    const GumboNode* scope = content_.empty() ? nullptr : content_.front();
    for (const GumboNode* n = scope; n != nullptr; n = n->parent) {
      if (tagOf(n) == GUMBO_TAG_ARTICLE) {
        scope = n;
        break;
      }
    }
    if (scope != nullptr && tagOf(scope) != GUMBO_TAG_ARTICLE && scope->parent != nullptr) scope = scope->parent;
    auto pick = [&](const GumboNode*& slot, const GumboNode* n) {
      if (slot == nullptr || (!inside(slot, {scope}) && inside(n, {scope}))) slot = n;
    };
    for (const GumboNode* n : order_) {
      if (stats_[n].text <= 0) continue;
      const GumboTag t = tagOf(n);
      if (t == GUMBO_TAG_H1) pick(h1_, n);
      const std::string rel = lowerAscii(attr(n, "rel"));
      const std::string itemprop = lowerAscii(attr(n, "itemprop"));
      if (t == GUMBO_TAG_TIME || itemprop == "datepublished") pick(time_, n);
      const std::string names = lowerAscii(attr(n, "class")) + " " + lowerAscii(attr(n, "id"));
      const bool names_author = rel == "author" || itemprop == "author" ||
                                containsAny(names, markers_.phrases(PageMarkers::Kind::ClassByline));
      if (names_author && stats_[n].text < 200 && !inside(n, {byline_})) pick(byline_, n);
    }
    // <head> is clutter for reading, but holds the metadata: walk it separately.
    std::vector<const GumboNode*> stack{root_};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      const GumboTag t = tagOf(n);
      if (t == GUMBO_TAG_BODY) continue;
      if (t == GUMBO_TAG_TITLE && title_tag_ == nullptr) title_tag_ = n;
      if (t == GUMBO_TAG_META) {
        const std::string key = lowerAscii(attr(n, "property")) + lowerAscii(attr(n, "name"));
        if (key == "og:title" && og_title_ == nullptr) og_title_ = n;
        if ((key == "author" || key == "article:author") && meta_author_ == nullptr) meta_author_ = n;
      }
      const GumboVector& kids = childrenOf(n);
      for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
    if (byline_ != nullptr && time_ != nullptr && inside(time_, {byline_})) time_ = nullptr;
    if (byline_ != nullptr && inside(byline_, {h1_})) byline_ = nullptr;
  }

  // Collects the readable text below `n` into paragraphs, handing each finished one to `done`
  // (with the kind of block it is). Iterative: the tree may be 10,000 levels deep.
  template <typename Done>
  void walk(const GumboNode* start, BlockKind kind, Done&& done) {
    struct Frame {
      const GumboNode* node;
      unsigned next;
      BlockKind kind;
      bool in_link;
    };
    Paragraph para(to_file_);
    BlockKind para_kind = kind;
    auto flush = [&] {
      if (!para.empty()) done(para, para_kind);
      para.clear();
    };
    std::vector<Frame> stack{{start, 0, kind, tagOf(start) == GUMBO_TAG_A}};
    para_kind = kind;
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next >= childrenOf(f.node).length) {
        if (isBlockTag(tagOf(f.node))) flush();
        stack.pop_back();
        if (!stack.empty()) para_kind = stack.back().kind;
        continue;
      }
      const GumboNode* c = child(f.node, f.next++);
      const bool in_link = f.in_link;
      const BlockKind parent_kind = f.kind;
      if (c->type == GUMBO_NODE_TEXT) {
        para_kind = parent_kind;
        para.append(std::string_view(c->v.text.original_text.data, c->v.text.original_text.length),
                    c->v.text.text, c->v.text.start_pos.offset, in_link);
        continue;
      }
      if (c->type == GUMBO_NODE_WHITESPACE) {
        para.space();
        continue;
      }
      if (!isElement(c) || clutter_.count(c) || skip_.count(c)) continue;
      const GumboTag t = tagOf(c);
      if (t == GUMBO_TAG_BR) {
        para.space();
        continue;
      }
      // Lists and tables of links (related articles, tag clouds) inside the article.
      if ((t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL || t == GUMBO_TAG_TABLE) &&
          stats_.count(c) && linkDensity(c) > 0.5) {
        continue;
      }
      BlockKind k = parent_kind;
      if (isHeading(t)) k = BlockKind::Heading;
      else if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT) k = BlockKind::ListItem;
      else if (t == GUMBO_TAG_BLOCKQUOTE) k = BlockKind::Quote;
      if (isBlockTag(t)) {
        flush();
        para_kind = k;
      } else if (!para.empty() && (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH)) {
        para.space();
      }
      stack.push_back(Frame{c, 0, k, in_link || t == GUMBO_TAG_A});
    }
    flush();
  }

  void emitTitle(Document& doc) {
    auto add = [&](Paragraph& p, BlockKind) { title_text_ = p.text(); doc.blocks.push_back(Block{BlockKind::Title, p.commitTo(doc)}); };
    if (h1_ != nullptr && readable(h1_)) {
      // A kicker in its own element ("<span>KI-Durchbruch</span><span>Wie …</span>") is a block of its own.
      std::size_t parts = 0;
      for (unsigned i = 0; i < childrenOf(h1_).length; ++i) {
        if (isElement(child(h1_, i)) && stats_.count(child(h1_, i)) && stats_[child(h1_, i)].text > 0) ++parts;
      }
      std::size_t text_children = 0;
      for (unsigned i = 0; i < childrenOf(h1_).length; ++i) {
        if (child(h1_, i)->type == GUMBO_NODE_TEXT) ++text_children;
      }
      if (parts >= 2 && text_children == 0) {
        for (unsigned i = 0; i < childrenOf(h1_).length; ++i) {
          const GumboNode* c = child(h1_, i);
          if (isElement(c) && !clutter_.count(c)) walk(c, BlockKind::Title, add);
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
      emitTitleElement(doc, title_tag_, BlockKind::Title);
    }
  }

  void emitByline(Document& doc) {
    auto add = [&](Paragraph& p, BlockKind) {
      if (markers_.lineIs(PageMarkers::Kind::Line, p.text())) return;
      doc.blocks.push_back(Block{BlockKind::Byline, p.commitTo(doc)});
    };
    if (byline_ != nullptr && readable(byline_)) {
      walk(byline_, BlockKind::Byline, add);
      skip_.insert(byline_);
    } else if (meta_author_ != nullptr) {
      emitAttribute(doc, meta_author_, "content", BlockKind::Byline);
    }
    if (time_ != nullptr && readable(time_)) {
      walk(time_, BlockKind::Byline, add);
      skip_.insert(time_);
    }
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
    if (!p.empty()) {
      if (kind == BlockKind::Title) title_text_ = p.text();
      doc.blocks.push_back(Block{kind, p.commitTo(doc)});
    }
  }

  // <title> lives in <head>, which walk() treats as clutter; its text node is read directly.
  // "Schlagzeile | Zeitung": the site name after the last separator is not read.
  void emitTitleElement(Document& doc, const GumboNode* title, BlockKind kind) {
    if (childrenOf(title).length == 0) return;
    const GumboNode* t = child(title, 0);
    if (t->type != GUMBO_NODE_TEXT) return;
    std::string_view orig(t->v.text.original_text.data, t->v.text.original_text.length);
    std::string_view dec(t->v.text.text);
    for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 "}) {
      const std::size_t at = dec.rfind(sep);
      const std::size_t at_orig = orig.rfind(sep);
      if (at != std::string_view::npos && at_orig != std::string_view::npos && at > 0) {
        dec = dec.substr(0, at);
        orig = orig.substr(0, at_orig);
        break;
      }
    }
    Paragraph p(to_file_);
    p.append(orig, dec, t->v.text.start_pos.offset, false);
    if (!p.empty()) {
      title_text_ = p.text();
      doc.blocks.push_back(Block{kind, p.commitTo(doc)});
    }
  }

  void emitBody(Document& doc) {
    bool ended = false;
    bool in_marked_block = false;
    auto add = [&](Paragraph& p, BlockKind kind) {
      const std::string& t = p.text();
      if (ended || !hasWords(t)) return;
      if (markers_.lineIs(PageMarkers::Kind::End, t)) {
        ended = true;
        return;
      }
      // "Anzeige", "Mehr zum Thema": the marker and the short link lines after it.
      const bool prose = t.size() > 80 || (t.size() > 25 && (t.back() == '.' || t.back() == '!' || t.back() == '?'));
      if (markers_.lineIs(PageMarkers::Kind::Block, t)) {
        in_marked_block = true;
        return;
      }
      if (in_marked_block && !prose) return;
      in_marked_block = false;
      if (markers_.lineIs(PageMarkers::Kind::Line, t) || markers_.isCaption(t)) return;
      if (p.linkDensity() > 0.5) return;
      if (kind == BlockKind::Heading && t == title_text_) return;
      doc.blocks.push_back(Block{kind == BlockKind::Title ? BlockKind::Heading : kind, p.commitTo(doc)});
    };
    for (const GumboNode* root : content_) walk(root, BlockKind::Paragraph, add);
  }

  const GumboNode* root_;
  const PageMarkers& markers_;
  const std::vector<std::size_t>* to_file_;  // null: gumbo parsed the file's own bytes
  std::vector<const GumboNode*> order_;  // readable elements, pre-order
  std::vector<std::size_t> parents_;     // index into order_ of each one's parent, or SIZE_MAX
  std::unordered_map<const GumboNode*, Stats> stats_;
  std::unordered_set<const GumboNode*> clutter_;
  std::unordered_set<const GumboNode*> skip_;  // read already (title, byline)
  std::vector<const GumboNode*> content_;
  const GumboNode* h1_ = nullptr;
  const GumboNode* time_ = nullptr;
  const GumboNode* byline_ = nullptr;
  const GumboNode* title_tag_ = nullptr;
  const GumboNode* og_title_ = nullptr;
  const GumboNode* meta_author_ = nullptr;
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
