#include "extract/html_content.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "extract/html_dom.h"
#include "vorlesen/text.h"

namespace vorlesen::extract_detail {

namespace {

// A paragraph of this many bytes with few links is prose (teasers and menus are shorter or links).
constexpr double kProseBytes = 80;
constexpr double kProseMaxLinkDensity = 0.3;
// The maybe-clutter element with the most prose wraps the article when it holds this many times the
// prose outside all maybe-clutter; inside it, maybe-clutter stays when it holds this share of its
// prose, or is mostly prose itself.
constexpr double kHoldsArticle = 3;
constexpr double kCoreShare = 0.5;
constexpr double kMostlyProse = 0.6;
constexpr double kProseBlockBytes = 250;
// Widening the article to an ancestor: what that adds must be at least this share prose.
constexpr double kWidenProseShare = 0.7;
// A sibling of the article joins it when this share of it is prose (and, unless it is of the
// article's kind, at least this much).
constexpr double kSiblingProseShare = 0.6;
constexpr double kSiblingProseBytes = 200;
// Score of a class-keep name, and the penalty of a maybe-clutter element kept as a wrapper.
constexpr double kClassWeight = 25;
// Of the best few candidates (this many with the best), this many scoring this share of the best
// make their common ancestor the article.
constexpr std::size_t kTopCandidates = 5;
constexpr std::size_t kCloseCandidates = 3;
constexpr double kCloseScore = 0.75;
constexpr int kTemplateLevels = 3;

bool isRoleClutter(const std::string& role) {
  for (const char* r : {"navigation", "complementary", "contentinfo", "dialog", "alertdialog", "search", "menu",
                        "menubar", "banner"}) {
    if (role == r) return true;
  }
  return false;
}

// A CSS framework's layout or utility class says nothing about what a box holds: grid columns
// ("col-md-10", "span8", "mb-3": any name with a digit), "clearfix", and rows, columns and
// containers, also a page builder's ("tdc-row", "vc_column", "et_pb_row").
bool isLayoutClass(std::string_view token) {
  if (std::any_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return true;
  for (const char* name : {"clearfix", "clear-fix", "cf", "group", "wrapper", "inner"}) {
    if (token == name) return true;
  }
  const std::size_t cut = token.find_last_of("-_");
  const std::string_view last = cut == std::string_view::npos ? token : token.substr(cut + 1);
  for (const char* name : {"row", "rows", "col", "cols", "column", "columns", "container", "grid"}) {
    if (last == name) return true;
  }
  return false;
}

// The class names of an element (layout classes left out), split at white space.
std::vector<std::string_view> classTokens(const GumboNode* n) {
  std::vector<std::string_view> out;
  const char* cls = attr(n, "class");
  if (cls == nullptr) return out;
  const std::string_view v(cls);
  for (std::size_t i = 0; i < v.size();) {
    while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
    std::size_t end = i;
    while (end < v.size() && !std::isspace(static_cast<unsigned char>(v[end]))) ++end;
    const std::string_view token = v.substr(i, end - i);
    if (end > i && !isLayoutClass(token)) out.push_back(token);
    i = end;
  }
  return out;
}

}  // namespace

PageModel::PageModel(const GumboNode* root, const PageMarkers& markers, const ClassWords& words)
    : root_(root), markers_(markers), words_(words) {
  collect();
  accumulate();
  decideClutter();
  accumulate();
  score();
  chooseContent();
}

const ElementStats* PageModel::stats(const GumboNode* n) const {
  const auto it = index_.find(n);
  return it == index_.end() ? nullptr : &stats_[it->second];
}

std::size_t PageModel::orderOf(const GumboNode* n) const {
  const auto it = index_.find(n);
  return it == index_.end() ? SIZE_MAX : it->second;
}

bool PageModel::isClutter(const GumboNode* n) const {
  for (; n != nullptr; n = n->parent) {
    if (certain_clutter_.count(n)) return true;
    const auto it = index_.find(n);
    if (it != index_.end()) return stats_[it->second].clutter;  // decided for its ancestors too
  }
  return false;
}

double PageModel::linkDensity(const GumboNode* n) const {
  const ElementStats* s = stats(n);
  return s != nullptr && s->text > 0 ? s->link / s->text : 0.0;
}

bool PageModel::isCertainClutter(const GumboNode* n) const {
  const GumboTag t = tagOf(n);
  if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY) return false;
  if (isClutterTag(t)) return true;
  if (attr(n, "hidden") != nullptr) return true;
  if (lowerAttr(attr(n, "aria-hidden")) == "true") return true;
  const std::string style = lowerAttr(attr(n, "style"));
  if (style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos) return true;
  return t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_MAIN && isRoleClutter(lowerAttr(attr(n, "role")));
}

bool PageModel::isMaybeClutter(const GumboNode* n) const {
  const GumboTag t = tagOf(n);
  if (t == GUMBO_TAG_FORM || t == GUMBO_TAG_ASIDE) return true;
  if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) return false;
  if (lowerAttr(attr(n, "itemprop")) == "articlebody") return false;
  const char* cls = attr(n, "class");
  const char* id = attr(n, "id");
  if (cls == nullptr && id == nullptr) return false;
  const std::vector<std::string> names = nameWords(std::string(cls ? cls : "") + " " + (id ? id : ""));
  return words_.has(PageMarkers::Kind::ClassDrop, names) && !words_.has(PageMarkers::Kind::ClassKeep, names);
}

// One pass over the tree (pre-order, iterative) recording the elements that are not certain clutter
// and their own text.
void PageModel::collect() {
  std::vector<std::pair<const GumboNode*, std::size_t>> stack{{root_, SIZE_MAX}};
  while (!stack.empty()) {
    const auto [n, parent] = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT && parent != SIZE_MAX) {
      const std::size_t length = std::strlen(n->v.text.text);
      stats_[parent].own_text += static_cast<double>(length);
      stats_[parent].own_commas += static_cast<double>(std::count(n->v.text.text, n->v.text.text + length, ','));
      continue;
    }
    if (!isElement(n)) continue;
    if (isCertainClutter(n)) {
      certain_clutter_.insert(n);
      continue;
    }
    const std::size_t index = order_.size();
    addElement(n, parent);
    const GumboVector& kids = childrenOf(n);
    for (unsigned i = kids.length; i-- > 0;) stack.emplace_back(static_cast<const GumboNode*>(kids.data[i]), index);
  }
}

void PageModel::addElement(const GumboNode* n, std::size_t parent) {
  index_.emplace(n, order_.size());
  order_.push_back(n);
  ElementStats s;
  s.parent = parent;
  s.maybe_clutter = isMaybeClutter(n);
  stats_.push_back(s);
  if (parent != SIZE_MAX && isBlockTag(tagOf(n))) stats_[parent].block_children = true;
}

bool PageModel::isParagraph(std::size_t i) const {
  const GumboTag t = tagOf(order_[i]);
  return t == GUMBO_TAG_P || t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD ||
         ((t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION) && !stats_[i].block_children);
}

// Text, link text, commas and prose of every element, bottom-up; clutter adds nothing to its parent.
void PageModel::accumulate() {
  for (ElementStats& s : stats_) {
    s.text = s.own_text;
    s.commas = s.own_commas;
    s.link = s.prose = s.block_prose = 0;
    s.articles = 0;
  }
  for (std::size_t i = order_.size(); i-- > 0;) {
    ElementStats& s = stats_[i];
    const GumboTag t = tagOf(order_[i]);
    if (t == GUMBO_TAG_A) s.link = s.text;
    if (t == GUMBO_TAG_ARTICLE && s.text > 0) ++s.articles;
    const bool prose_kind = isParagraph(i) || t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_BLOCKQUOTE;
    const bool long_text = s.text >= kProseBytes && s.link < kProseMaxLinkDensity * s.text;
    if (prose_kind && long_text) {
      s.prose = s.block_prose = s.text;
    } else if (s.own_text >= kProseBytes) {
      s.prose += s.own_text;  // text between block elements (a <div> with <br>s and an image)
      if (isBlockTag(t)) s.block_prose += s.own_text;
    }
    if (isHeading(t) && long_text) s.block_prose = s.text;  // a lead set as a subheading
    if (s.clutter || s.parent == SIZE_MAX) continue;
    ElementStats& p = stats_[s.parent];
    p.text += s.text;
    p.link += s.link;
    p.commas += s.commas;
    p.articles += s.articles;
    if (p.prose < p.text) p.prose += s.prose;
    if (p.block_prose < p.text) p.block_prose += s.block_prose;
  }
}

// Maybe-clutter is clutter, except where the article is: when the page has little prose outside
// maybe-clutter, the maybe-clutter element holding by far the most prose wraps the article
// ("content-sidebar-wrap", "field--label-hidden", a page-wide <form>). It stays, and so do the
// maybe-clutter elements inside it that hold much of its prose or are mostly prose themselves
// (the text widgets of a page builder); the link boxes and sidebars inside it go.
void PageModel::decideClutter() {
  std::vector<double> raw_prose(stats_.size()), raw_text(stats_.size());
  for (std::size_t i = 0; i < stats_.size(); ++i) {
    raw_prose[i] = stats_[i].prose;
    raw_text[i] = stats_[i].text;
  }
  for (ElementStats& s : stats_) s.clutter = s.maybe_clutter;
  accumulate();
  const double outside = stats_.empty() ? 0 : stats_.front().prose;  // prose outside all maybe-clutter
  std::size_t holder = SIZE_MAX;
  for (std::size_t i = 0; i < stats_.size(); ++i) {
    if (stats_[i].maybe_clutter && raw_prose[i] > 0 && (holder == SIZE_MAX || raw_prose[i] > raw_prose[holder])) holder = i;
  }
  if (holder != SIZE_MAX && raw_prose[holder] < kHoldsArticle * outside) holder = SIZE_MAX;
  for (std::size_t i = 0; i < stats_.size(); ++i) {
    ElementStats& s = stats_[i];
    bool keep = !s.maybe_clutter || i == holder;
    if (!keep && holder != SIZE_MAX && isWithin(i, holder)) {
      keep = raw_prose[i] >= kCoreShare * raw_prose[holder] ||
             (raw_prose[i] >= kMostlyProse * raw_text[i] && raw_prose[i] >= kProseBlockBytes);
    }
    s.clutter = (s.parent != SIZE_MAX && stats_[s.parent].clutter) || !keep;
  }
}

double PageModel::initialScore(std::size_t i) const {
  const GumboNode* n = order_[i];
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
  if (lowerAttr(attr(n, "itemprop")) == "articlebody" || lowerAttr(attr(n, "role")) == "main") score += 30;
  if (stats_[i].maybe_clutter) score -= kClassWeight;
  const char* cls = attr(n, "class");
  const char* id = attr(n, "id");
  if ((cls != nullptr || id != nullptr) &&
      words_.has(PageMarkers::Kind::ClassKeep, nameWords(std::string(cls ? cls : "") + " " + (id ? id : "")))) {
    score += kClassWeight;
  }
  return score;
}

// Every paragraph gives 1 + commas + length/100 (at most 3) points (addPoints); scores are scaled
// by (1 - link density).
void PageModel::score() {
  for (std::size_t i = 0; i < order_.size(); ++i) {
    const ElementStats& s = stats_[i];
    if (s.clutter) continue;
    if (isParagraph(i) && s.text >= 25) {
      addPoints(s.parent, 1 + s.commas + std::min(s.text / 100.0, 3.0));
    } else if (s.block_children && s.own_text >= 25) {
      // Text held in a <div> between block elements is a paragraph of that <div>.
      addPoints(i, 1 + s.own_commas + std::min(s.own_text / 100.0, 3.0));
    }
  }
  for (std::size_t i = 0; i < order_.size(); ++i) {
    if (stats_[i].candidate) stats_[i].score *= 1.0 - linkDensity(order_[i]);
  }
}

// A paragraph's points to its parent `a`, half of them to the grandparent, a third of a level's
// share further up.
void PageModel::addPoints(std::size_t a, double points) {
  for (int level = 0; level < 5 && a != SIZE_MAX; ++level, a = stats_[a].parent) {
    ElementStats& as = stats_[a];
    if (!as.candidate) {
      as.candidate = true;
      as.score = initialScore(a);
    }
    as.score += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
  }
}

std::size_t PageModel::bestCandidate() const {
  std::size_t best = SIZE_MAX;
  for (std::size_t i = 0; i < order_.size(); ++i) {
    const ElementStats& s = stats_[i];
    if (s.candidate && !s.clutter && (best == SIZE_MAX || s.score > stats_[best].score)) best = i;
  }
  return best;
}

// When several of the top candidates score nearly as well as the best (a table of many rows, a
// list of course modules), none of them alone is the article: the nearest ancestor of the best
// that holds several of them is (Readability's rule).
std::size_t PageModel::commonAncestor(std::size_t best) const {
  std::vector<std::size_t> top;
  for (std::size_t i = 0; i < order_.size(); ++i) {
    if (stats_[i].candidate && !stats_[i].clutter && i != best) top.push_back(i);
  }
  const std::size_t n = std::min<std::size_t>(top.size(), kTopCandidates - 1);
  std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(n), top.end(),
                    [&](std::size_t a, std::size_t b) { return stats_[a].score > stats_[b].score; });
  top.resize(n);
  top.erase(std::remove_if(top.begin(), top.end(),
                           [&](std::size_t i) { return stats_[i].score < kCloseScore * stats_[best].score; }),
            top.end());
  if (top.size() < kCloseCandidates) return best;
  for (std::size_t a = stats_[best].parent; a != SIZE_MAX; a = stats_[a].parent) {
    const GumboTag t = tagOf(order_[a]);
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) break;
    const auto holds = std::count_if(top.begin(), top.end(), [&](std::size_t i) { return i != a && isWithin(i, a); });
    if (static_cast<std::size_t>(holds) >= kCloseCandidates) return a;
  }
  return best;
}

// The best candidate's ancestors gather its sibling blocks; one is taken while what it adds is
// mostly prose and holds no other <article> (and never the whole <body>).
std::size_t PageModel::widen(std::size_t best) const {
  const bool in_article = isInArticle(best);
  std::size_t current = best;
  for (std::size_t a = stats_[best].parent; a != SIZE_MAX; a = stats_[a].parent) {
    const GumboTag t = tagOf(order_[a]);
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) break;
    const double added_text = stats_[a].text - stats_[current].text;
    const double added_prose = stats_[a].prose - stats_[current].prose;
    if (added_text > 0 && added_prose < kWidenProseShare * added_text) break;
    // <article>s beside an article that is none are other posts (a blog's list, teasers).
    if (!in_article && stats_[a].articles > stats_[current].articles + (t == GUMBO_TAG_ARTICLE ? 1 : 0)) break;
    current = a;
  }
  return current;
}

bool PageModel::isInArticle(std::size_t i) const {
  for (std::size_t a = i; a != SIZE_MAX; a = stats_[a].parent) {
    if (tagOf(order_[a]) == GUMBO_TAG_ARTICLE) return true;
  }
  return false;
}

bool PageModel::isWithin(std::size_t i, std::size_t root) const {
  for (std::size_t a = i; a != SIZE_MAX; a = stats_[a].parent) {
    if (a == root) return true;
  }
  return false;
}

// Boxes built from the article's own template near it: elements of its tag below the ancestor a
// few levels up that share its class names (see isTemplatePeer()) and hold prose with few links.
// A page of template sections (description, location, prices) is one article, though a long
// help box among them scores best. Each box is taken whole, in document order.
std::vector<std::size_t> PageModel::templatePeers(std::size_t chosen) const {
  std::vector<std::size_t> peers;
  const std::vector<std::string_view> own = classTokens(order_[chosen]);
  if (own.empty()) return peers;
  std::size_t region = chosen;
  for (int level = 0; level < kTemplateLevels; ++level) {
    const std::size_t up = stats_[region].parent;
    if (up == SIZE_MAX || tagOf(order_[up]) == GUMBO_TAG_BODY || tagOf(order_[up]) == GUMBO_TAG_HTML) break;
    region = up;
  }
  const std::size_t end = subtreeEnd(region);
  for (std::size_t i = region + 1; i < end;) {
    if (i == chosen) {
      i = subtreeEnd(chosen);
    } else if (isTemplatePeer(i, chosen, own)) {
      peers.push_back(i);
      i = subtreeEnd(i);  // boxes inside it are read with it
    } else {
      ++i;
    }
  }
  return peers;
}

// Whether element `i` is a box of the template of `chosen` (whose class names are `own`): the same
// tag, not around the article, sharing all its class names (layout classes aside) or two or more
// ("js-objekt-lage objekt-box abschnitt" beside "js-objekt-hilfe objekt-box abschnitt"), mostly
// read text, and no list of posts.
bool PageModel::isTemplatePeer(std::size_t i, std::size_t chosen, const std::vector<std::string_view>& own) const {
  const ElementStats& s = stats_[i];
  if (s.clutter || tagOf(order_[i]) != tagOf(order_[chosen]) || s.prose < kProseBytes ||
      linkDensity(order_[i]) > kProseMaxLinkDensity) {
    return false;
  }
  // A box holding <article>s (other than itself) lists other posts.
  if (s.articles > (tagOf(order_[i]) == GUMBO_TAG_ARTICLE ? 1u : 0u)) return false;
  const std::vector<std::string_view> theirs = classTokens(order_[i]);
  const auto shared = static_cast<std::size_t>(std::count_if(theirs.begin(), theirs.end(), [&](std::string_view t) {
    return std::find(own.begin(), own.end(), t) != own.end();
  }));
  return shared > 0 && (shared == theirs.size() || shared >= 2) && !isWithin(chosen, i);
}

// One past the last element below `i` (elements are in pre-order: a subtree is a run).
std::size_t PageModel::subtreeEnd(std::size_t i) const {
  std::size_t end = i + 1;
  while (end < order_.size() && stats_[end].parent != SIZE_MAX && stats_[end].parent >= i) ++end;
  return end;
}

// The widened best candidate, and those of its siblings that score well too or are long prose
// with few links.
void PageModel::chooseContent() {
  const std::size_t best = bestCandidate();
  if (best == SIZE_MAX) {
    // No paragraphs to score (a bare fragment, text without markup): read everything readable.
    if (!order_.empty()) content_.push_back(order_.front());
    return;
  }
  const std::size_t chosen = widen(commonAncestor(best));
  const std::size_t parent = stats_[chosen].parent;
  if (parent == SIZE_MAX) {
    content_.push_back(order_[chosen]);
    return;
  }
  const double threshold = std::max(10.0, stats_[best].score * 0.2);
  for (std::size_t i = parent + 1; i < order_.size(); ++i) {
    const ElementStats& s = stats_[i];
    if (s.parent != parent || s.clutter) continue;
    const bool strong = s.candidate && s.score >= threshold;
    const bool prose = tagOf(order_[i]) == GUMBO_TAG_P && s.text > kProseBytes && linkDensity(order_[i]) < 0.25;
    if (i == chosen || strong || prose || isSiblingBlock(i, chosen)) content_.push_back(order_[i]);
  }
  addPeers(templatePeers(chosen));
}

// A sibling that continues the article: a block of the same kind (tag and class: the next text
// module of a CMS), or a block of prose, either way mostly prose with few links and no posts.
bool PageModel::isSiblingBlock(std::size_t i, std::size_t chosen) const {
  const ElementStats& s = stats_[i];
  if (s.prose < kProseBytes || s.prose < kSiblingProseShare * s.text || linkDensity(order_[i]) > kProseMaxLinkDensity) {
    return false;
  }
  if (s.articles > 0 && !isInArticle(chosen)) return false;  // other posts, as in widen()
  const char* a = attr(order_[i], "class");
  const char* b = attr(order_[chosen], "class");
  const bool same_kind = tagOf(order_[i]) == tagOf(order_[chosen]) && std::string(a ? a : "") == std::string(b ? b : "");
  return same_kind || s.prose >= kSiblingProseBytes;
}

// Adds the peers not inside what content_ holds, in document order.
void PageModel::addPeers(const std::vector<std::size_t>& peers) {
  if (peers.empty()) return;
  std::vector<std::size_t> all;
  for (const GumboNode* n : content_) all.push_back(orderOf(n));
  for (std::size_t p : peers) {
    if (std::none_of(all.begin(), all.end(), [&](std::size_t c) { return isWithin(p, c); })) all.push_back(p);
  }
  std::sort(all.begin(), all.end());
  content_.clear();
  for (std::size_t i : all) content_.push_back(order_[i]);
}

}  // namespace vorlesen::extract_detail
