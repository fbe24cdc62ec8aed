// Article extraction from plain-text page dumps ("Save as text", copy and paste, lynx -dump).
//
// Document::text stays the file; extraction only chooses which paragraphs (as split by
// documentFromText) are read, and cuts glued clutter off their ends. Three passes:
//   1. marker words (voices/de/page_markers.tsv): breadcrumb trails, "Artikel anhören", ad and
//      link blocks ("Anzeige", "Mehr zum Thema"), picture captions with credits, end of article;
//   2. structure: a paragraph is "prose" when it is long or ends a sentence; runs of two or more
//      short lines are teasers or link farms, one short line between prose is a subheading;
//   3. the top: the title is the short line the page repeats, else the longest one before the body
//      (split from a kicker glued to it when the page also shows "Kicker: Headline"); a line ending
//      in a date is the byline (split from a teaser glued in front of it), as is a "Von …" line.
// When no marker matches at all, the file is somebody's text rather than a page dump: its short
// lines (verses, addresses) are all kept.
#include <algorithm>
#include <optional>
#include <regex>

#include "extract/page_markers.h"
#include "extract/strings.h"
#include "vorlesen/text.h"

namespace vorlesen {

using extract_detail::countWords;
using extract_detail::endsWith;
using extract_detail::startsWith;

namespace {

// Sentence-final punctuation, possibly followed by closing quotes or a bracket.
bool endsSentence(std::string_view s) {
  s = trim(s);
  for (bool stripped = true; stripped && !s.empty();) {
    stripped = false;
    for (std::string_view close : {"\"", "'", ")", "\u201C", "\u201D", "\u2019", "\u00AB", "\u00BB"}) {
      if (endsWith(s, close)) {
        s.remove_suffix(close.size());
        stripped = true;
      }
    }
  }
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || endsWith(s, "\u2026");
}

bool isUpperStart(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s.front());
  if (c >= 'A' && c <= 'Z') return true;
  return startsWith(s, "\u00C4") || startsWith(s, "\u00D6") || startsWith(s, "\u00DC");
}

// "1. ", "12) ": the number of a numbered line, and where its text starts.
std::optional<std::pair<int, std::size_t>> numbering(std::string_view s) {
  std::size_t i = 0;
  int n = 0;
  while (i < s.size() && i < 3 && s[i] >= '0' && s[i] <= '9') n = n * 10 + (s[i++] - '0');
  if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return std::nullopt;
  ++i;
  if (i >= s.size() || !isAsciiSpace(s[i])) return std::nullopt;
  while (i < s.size() && isAsciiSpace(s[i])) ++i;
  return std::make_pair(n, i);
}

// "- Punkt", "• Punkt", "1. Punkt", "2) Punkt".
bool isListLine(std::string_view s) {
  for (std::string_view b : {"- ", "* ", "\u2022 ", "\u2013 ", "\u25AA "}) {
    if (startsWith(s, b)) return true;
  }
  return numbering(s).has_value();
}

// How far from the end of a line a byline's date may start.
constexpr std::size_t kBylineWindow = 200;

struct Unit {
  Span span;
  bool blank_before = false;  // a blank line separates it from the previous unit
  bool keep = true;
  std::size_t words = 0;
  bool prose = false;
};

class TextExtractor {
 public:
  TextExtractor(std::string_view text, const PageMarkers& markers) : text_(text), markers_(markers) {
    for (const std::string& m : markers.phrases(PageMarkers::Kind::Line)) {
      const std::size_t n = countWords(m);
      if (n < 2) continue;
      auto it = std::find_if(glued_markers_.begin(), glued_markers_.end(), [&](const auto& g) { return g.first == n; });
      if (it == glued_markers_.end()) it = glued_markers_.insert(glued_markers_.end(), {n, {}});
      it->second.push_back(m);
      glued_longest_ = std::max(glued_longest_, m.size());
    }
  }

  std::vector<Block> run(const std::vector<Block>& paragraphs) {
    units_.reserve(paragraphs.size());
    std::size_t prev_end = 0;
    for (const Block& b : paragraphs) {
      Unit u;
      u.span = b.span;
      const std::string_view gap = text_.substr(prev_end, b.span.begin - prev_end);
      u.blank_before = std::count(gap.begin(), gap.end(), '\n') >= 2;
      prev_end = b.span.end;
      units_.push_back(u);
    }
    markerPass();
    for (const Unit& u : units_) clutter_found_ += !u.keep && !u.span.empty();
    return structurePass();
  }

 private:
  std::string_view str(Span s) const { return text_.substr(s.begin, s.size()); }
  std::string_view str(const Unit& u) const { return str(u.span); }

  void measure(Unit& u) {
    u.words = countWords(str(u));
    u.prose = u.words >= 20 || (u.words >= 5 && endsSentence(str(u)));
  }

  // "… 15:57 Uhr Artikel anhören": multi-word line markers glued to the end of a line. The last n
  // words are folded once for all the markers of n words.
  void cutTrailingMarkers(Unit& u) {
    for (bool cut = true; cut;) {
      cut = false;
      for (const auto& [n, phrases] : glued_markers_) {
        const std::string_view s = str(u);
        std::size_t pos = s.size();
        for (std::size_t w = 0; w < n && pos > 0; ++w) {
          while (pos > 0 && isAsciiSpace(s[pos - 1])) --pos;
          while (pos > 0 && !isAsciiSpace(s[pos - 1])) --pos;
        }
        if (pos == 0 || s.size() - pos > 3 * glued_longest_) continue;  // too long to fold to a marker
        const std::string tail = foldCase(s.substr(pos));
        if (std::find(phrases.begin(), phrases.end(), tail) == phrases.end()) continue;
        ++clutter_found_;
        const std::string_view rest = trim(s.substr(0, pos));
        u.span.end = u.span.begin + rest.size();
        cut = true;
        break;  // the unit changed: start again from the first word count, as before
      }
    }
    measure(u);
  }

  // A breadcrumb item or trail start: "Startseite", "Startseite > Politik", "Home / Wirtschaft".
  // Only the line's head is folded (a paragraph may be long): enough bytes to hold any home phrase.
  bool startsWithHome(std::string_view s) const {
    std::size_t cut = std::min(s.size(), 3 * markers_.longest(PageMarkers::Kind::Home) + 4);
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
    const std::string folded = foldCase(s.substr(0, cut));
    const auto isSeparator = [](std::string_view rest) {
      for (std::string_view sep : {">", "/", "|", "\u203A", "\u00BB", "\u2192"}) {
        if (startsWith(rest, sep)) return true;
      }
      return false;
    };
    for (const std::string& h : markers_.phrases(PageMarkers::Kind::Home)) {
      if (!startsWith(folded, h)) continue;
      std::string_view rest = trim(std::string_view(folded).substr(h.size()));
      // Nothing after the phrase in the folded head: what follows it in the line decides.
      if (rest.empty()) rest = trim(s.substr(cut));
      if (rest.empty() || isSeparator(rest)) return true;
    }
    return false;
  }

  // Drops clutter lines; counts them in clutter_found_.
  void markerPass() {
    bool in_breadcrumb = false;
    int crumb_number = 0;
    bool in_clutter = false;
    bool body_started = false;
    for (std::size_t i = 0; i < units_.size(); ++i) {
      Unit& u = units_[i];
      // Here rather than in a pass of its own: nothing after the end of the article is looked at.
      cutTrailingMarkers(u);
      const std::string_view s = str(u);
      if (u.span.empty()) {
        u.keep = false;
        continue;
      }
      const auto num = numbering(s);
      if (num && !u.prose && (startsWithHome(s.substr(num->second)) || (in_breadcrumb && num->first == crumb_number + 1))) {
        in_breadcrumb = true;
        crumb_number = num->first;
        last_crumb_ = trim(s.substr(num->second));
        u.keep = false;
        continue;
      }
      in_breadcrumb = false;
      if (!u.prose && startsWithHome(s)) {
        u.keep = false;
        continue;
      }
      if (markers_.lineIs(PageMarkers::Kind::End, s) && body_started) {
        for (std::size_t j = i; j < units_.size(); ++j) units_[j].keep = false;
        return;
      }
      if (markers_.lineIs(PageMarkers::Kind::Block, s)) {
        u.keep = false;
        in_clutter = true;
        continue;
      }
      if (in_clutter && u.words < 20 && !u.blank_before) {
        u.keep = false;
        continue;
      }
      in_clutter = false;
      if (markers_.lineIs(PageMarkers::Kind::Line, s) || markers_.lineIs(PageMarkers::Kind::End, s) || markers_.isCaption(s)) {
        u.keep = false;
        continue;
      }
      if (u.prose) body_started = true;
    }
  }

  // Splits "Teaser sentence.Martin Benninghoff 08.02.2025 - 15:57 Uhr" into the teaser (lead) and
  // the byline; nullopt when the unit does not end in a date with at most a short name before it.
  struct BylineSplit {
    Span lead;
    Span byline;
  };
  std::optional<BylineSplit> splitByline(const Unit& u) const {
    const std::string_view s = str(u);
    // The date must end the line: only its last bytes are searched (a paragraph may be huge).
    std::size_t window = s.size() > kBylineWindow ? s.size() - kBylineWindow : 0;
    while (window < s.size() && (static_cast<unsigned char>(s[window]) & 0xC0) == 0x80) ++window;
    const std::string tail(s.substr(window));
    std::smatch found;
    bool have = false;
    for (auto it = std::sregex_iterator(tail.begin(), tail.end(), markers_.bylineDate()); it != std::sregex_iterator(); ++it) {
      found = *it;
      have = true;
    }
    if (!have) return std::nullopt;
    const std::size_t date_end = window + static_cast<std::size_t>(found.position(0) + found.length(0));
    if (!trim(s.substr(date_end)).empty()) return std::nullopt;
    const std::size_t date_begin = window + static_cast<std::size_t>(found.position(0));
    // Where the name starts: after the last sentence that has at least a few words, or where a
    // sentence end is glued to a capitalized name ("Peking.Martin").
    std::size_t start = 0;
    for (std::size_t i = date_begin; i-- > 0;) {
      const char c = s[i];
      if (c != '.' && c != '!' && c != '?') continue;
      const bool glued = isUpperStart(s.substr(i + 1));
      if (glued || countWords(s.substr(0, i)) >= 5) {
        start = i + 1;
        break;
      }
    }
    const std::string_view name = trim(s.substr(start, date_begin - start));
    if (countWords(name) > 7) return std::nullopt;
    BylineSplit split;
    const std::string_view lead = trim(s.substr(0, start));
    split.lead = Span{u.span.begin, u.span.begin + lead.size()};
    const std::size_t byline_begin = u.span.begin + start + (s.substr(start).size() - trim(s.substr(start)).size());
    split.byline = Span{byline_begin, u.span.begin + date_end};
    return split;
  }

  bool isAuthorLine(const Unit& u) const {
    if (u.prose || u.words > 8) return false;
    const std::string folded = foldCase(str(u));
    for (const std::string& b : markers_.phrases(PageMarkers::Kind::Byline)) {
      if (startsWith(folded, b + " ") || startsWith(folded, b + ":")) return true;
    }
    return false;
  }

  // The title, split from a kicker glued to it ("KI-DurchbruchWie der …") when the page also
  // shows it as "KI-Durchbruch: Wie der …" (breadcrumb, repeated headline).
  std::vector<Block> titleBlocks(const Unit& u, const std::vector<std::string_view>& repeats) const {
    const std::string_view s = str(u);
    for (std::string_view r : repeats) {
      const std::size_t colon = r.find(": ");
      if (colon == std::string_view::npos) continue;
      const std::string_view kicker = r.substr(0, colon);
      const std::string_view head = trim(r.substr(colon + 1));
      if (!startsWith(s, kicker) || !endsWith(s, head) || kicker.size() + head.size() > s.size()) continue;
      if (!trim(s.substr(kicker.size(), s.size() - kicker.size() - head.size())).empty() &&
          trim(s.substr(kicker.size(), s.size() - kicker.size() - head.size())) != ":") {
        continue;
      }
      return {Block{BlockKind::Title, Span{u.span.begin, u.span.begin + kicker.size()}},
              Block{BlockKind::Title, Span{u.span.end - head.size(), u.span.end}}};
    }
    return {Block{BlockKind::Title, u.span}};
  }

  // What the structure pass builds.
  struct Layout {
    std::vector<std::size_t> kept;  // the units the marker pass kept
    std::vector<Block> head;        // title and byline, read first
    std::vector<Block> body;
    // A byline may come in two lines: the date ("Stand: 12.03.2025 18:04 Uhr"), the author ("Von …").
    bool have_date = false;
    bool have_author = false;
    // Without any sign of a web page (no marker matched), the file is somebody's text, not a page
    // dump: short lines are kept (verses, addresses, lists), only the first one becomes the title.
    bool page_dump = false;
  };

  std::vector<Block> structurePass() {
    Layout l;
    for (std::size_t i = 0; i < units_.size(); ++i) {
      if (units_[i].keep) l.kept.push_back(i);
    }
    l.page_dump = clutter_found_ > 0;
    const auto first_prose = std::find_if(l.kept.begin(), l.kept.end(), [&](std::size_t i) { return units_[i].prose; });
    const std::size_t top_end = static_cast<std::size_t>(first_prose - l.kept.begin());
    const std::vector<std::size_t> top = topLines(l, top_end);
    placeTitle(l, top);
    readBody(l, top_end);
    l.head.insert(l.head.end(), l.body.begin(), l.body.end());
    return l.head;
  }

  // Takes `u` (or the byline at its end) as byline if it is one and that part is still missing; a
  // teaser glued in front of it goes to the body.
  bool takeByline(Layout& l, const Unit& u) const {
    if (!l.have_date) {
      if (const auto split = splitByline(u)) {
        if (!split->lead.empty()) l.body.push_back(Block{BlockKind::Paragraph, split->lead});
        l.head.push_back(Block{BlockKind::Byline, split->byline});
        l.have_date = true;
        return true;
      }
    }
    if (!l.have_author && isAuthorLine(u)) {
      l.head.push_back(Block{BlockKind::Byline, u.span});
      l.have_author = true;
      return true;
    }
    return false;
  }

  // The short lines before the body (the first `top_end` kept units) that are not the byline.
  std::vector<std::size_t> topLines(Layout& l, std::size_t top_end) const {
    std::vector<std::size_t> top;
    for (std::size_t k = 0; k < top_end; ++k) {
      const Unit& u = units_[l.kept[k]];
      if (u.words > 12 || !takeByline(l, u)) top.push_back(l.kept[k]);
    }
    return top;
  }

  // The title: among the short lines before the body, the one the page repeats, else the longest
  // (in somebody's text: the first line).
  std::optional<std::size_t> chooseTitle(const Layout& l, const std::vector<std::size_t>& top) const {
    std::optional<std::size_t> title;
    if (!l.page_dump) {
      if (!top.empty() && top.front() == l.kept.front()) title = top.front();
      return title;
    }
    std::size_t best_repeats = 0;
    for (std::size_t i : top) {
      const std::size_t n = static_cast<std::size_t>(
          std::count_if(top.begin(), top.end(), [&](std::size_t j) { return str(units_[j]) == str(units_[i]); }));
      if (!title || n > best_repeats || (n == best_repeats && units_[i].words > units_[*title].words)) {
        title = i;
        best_repeats = n;
      }
    }
    return title;
  }

  // The title blocks at the head: a short line right above the title (no blank line between) is
  // its kicker ("Energiewende"). The other short lines are clutter, or, in somebody's text, read.
  void placeTitle(Layout& l, const std::vector<std::size_t>& top) const {
    const std::optional<std::size_t> title = chooseTitle(l, top);
    if (title) {
      std::vector<std::string_view> repeats;
      if (!last_crumb_.empty()) repeats.push_back(last_crumb_);
      for (std::size_t i : top) {
        if (i != *title) repeats.push_back(str(units_[i]));
      }
      std::vector<Block> t = titleBlocks(units_[*title], repeats);
      const auto pos = std::find(top.begin(), top.end(), *title);
      if (pos != top.begin() && *(pos - 1) == *title - 1 && !units_[*title].blank_before &&
          units_[*title - 1].words <= 3 && t.size() == 1) {
        t.insert(t.begin(), Block{BlockKind::Title, units_[*title - 1].span});
      }
      l.head.insert(l.head.begin(), t.begin(), t.end());
    }
    if (!l.page_dump) {
      for (std::size_t i : top) {
        if (!title || i != *title) l.body.push_back(Block{BlockKind::Paragraph, units_[i].span});
      }
    }
  }

  bool isList(const Layout& l, std::size_t k) const { return k < l.kept.size() && isListLine(str(units_[l.kept[k]])); }

  // The body. The first two prose paragraphs may still carry the byline at their end.
  void readBody(Layout& l, std::size_t top_end) const {
    std::size_t prose_seen = 0;
    for (std::size_t k = top_end; k < l.kept.size(); ++k) {
      const Unit& u = units_[l.kept[k]];
      if (isList(l, k)) {
        const std::size_t run = readList(l, k);
        prose_seen += run;
        k += run - 1;
        continue;
      }
      if (u.prose) {
        ++prose_seen;
        if (prose_seen <= 2 && takeByline(l, u)) continue;
        l.body.push_back(Block{BlockKind::Paragraph, u.span});
        continue;
      }
      if (prose_seen <= 2 && takeByline(l, u)) continue;
      k += readShortLines(l, k) - 1;
    }
  }

  // The list starting at kept unit `k`: read when it is inside the article (prose follows it, or
  // its items say something); a numbered or bulleted link list at the end of the page is not.
  // Returns the number of its items.
  std::size_t readList(Layout& l, std::size_t k) const {
    std::size_t run = 1;
    std::size_t words = 0;
    while (isList(l, k + run)) ++run;
    for (std::size_t r = 0; r < run; ++r) words += units_[l.kept[k + r]].words;
    const bool inside = k + run < l.kept.size() && units_[l.kept[k + run]].prose;
    if (!l.page_dump || inside || words >= 4 * run) {
      for (std::size_t r = 0; r < run; ++r) l.body.push_back(Block{BlockKind::ListItem, units_[l.kept[k + r]].span});
    }
    return run;
  }

  // The run of short lines starting at kept unit `k`: one alone, followed by prose, is a
  // subheading; more are teasers. A short line introducing a list ("Die Forderungen:") belongs to
  // the text. Returns the length of the run.
  std::size_t readShortLines(Layout& l, std::size_t k) const {
    std::size_t run = 1;
    while (k + run < l.kept.size() && !units_[l.kept[k + run]].prose && !isList(l, k + run)) ++run;
    const bool prose_follows = k + run < l.kept.size();
    const Unit& u = units_[l.kept[k]];
    if (run == 1 && isList(l, k + 1) && endsWith(str(u), ":")) {
      l.body.push_back(Block{BlockKind::Paragraph, u.span});
    } else if (run == 1 && prose_follows) {
      l.body.push_back(Block{BlockKind::Heading, u.span});
    } else if (!l.page_dump) {
      for (std::size_t r = 0; r < run; ++r) l.body.push_back(Block{BlockKind::Paragraph, units_[l.kept[k + r]].span});
    }
    return run;
  }

  std::string_view text_;
  const PageMarkers& markers_;
  // The line markers of two or more words, by word count (in the order of their first marker).
  std::vector<std::pair<std::size_t, std::vector<std::string>>> glued_markers_;
  std::size_t glued_longest_ = 0;
  std::vector<Unit> units_;
  std::string_view last_crumb_;
  std::size_t clutter_found_ = 0;
};

}  // namespace

Document extractPlainText(std::string name, std::string_view bytes, const PageMarkers& markers) {
  Document doc = documentFromText(std::move(name), bytes);
  TextExtractor extractor(doc.text, markers);
  doc.blocks = extractor.run(doc.blocks);
  return doc;
}

}  // namespace vorlesen
