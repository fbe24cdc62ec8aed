// Internal: gumbo's tree as the HTML extractor reads it — an owner for the parse, attribute and
// child access, and which tags are blocks, headings or never read.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

#include "vorlesen/error.h"
#include "vorlesen/text.h"

namespace vorlesen::extract_detail {

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

inline bool isElement(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }
inline GumboTag tagOf(const GumboNode* n) { return isElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

inline const char* attr(const GumboNode* n, const char* name) {
  if (!isElement(n)) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

inline const GumboAttribute* attrNode(const GumboNode* n, const char* name) {
  return isElement(n) ? gumbo_get_attribute(&n->v.element.attributes, name) : nullptr;
}

inline const GumboVector& childrenOf(const GumboNode* n) {
  static const GumboVector kEmpty{nullptr, 0, 0};
  return isElement(n) ? n->v.element.children : kEmpty;
}

inline const GumboNode* child(const GumboNode* n, unsigned i) { return static_cast<const GumboNode*>(childrenOf(n).data[i]); }

inline std::string lowerAttr(const char* s) { return lowerAscii(std::string_view(s ? s : "")); }

inline bool isHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

// Elements that end the paragraph being collected.
inline bool isBlockTag(GumboTag t) {
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

// Elements never read: code, media, form controls, navigation and other page furniture. (<form> and
// <aside> are only maybe clutter: some pages wrap everything in a form, or the article in an aside.)
inline bool isClutterTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MENU: case GUMBO_TAG_IMG:
      return true;
    default:
      return false;
  }
}

}  // namespace vorlesen::extract_detail
