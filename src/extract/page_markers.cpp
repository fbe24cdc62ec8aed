// PageMarkers: the marker-word table (voices/de/page_markers.tsv), and case folding for comparing
// text with it.
#include "extract/page_markers.h"

#include <unicode/unistr.h>

#include <algorithm>

#include "extract/strings.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen {

using extract_detail::countWords;

namespace {

struct KindName {
  const char* name;
  PageMarkers::Kind kind;
};
constexpr KindName kKindNames[] = {
    {"line", PageMarkers::Kind::Line},
    {"block", PageMarkers::Kind::Block},
    {"end", PageMarkers::Kind::End},
    {"home", PageMarkers::Kind::Home},
    {"credit", PageMarkers::Kind::Credit},
    {"figure", PageMarkers::Kind::Figure},
    {"byline", PageMarkers::Kind::Byline},
    {"month", PageMarkers::Kind::Month},
    {"time-suffix", PageMarkers::Kind::TimeSuffix},
    {"time-joiner", PageMarkers::Kind::TimeJoiner},
    {"consent", PageMarkers::Kind::Consent},
    {"consent-markup", PageMarkers::Kind::ConsentMarkup},
    {"pointer", PageMarkers::Kind::Pointer},
    {"class-drop", PageMarkers::Kind::ClassDrop},
    {"class-keep", PageMarkers::Kind::ClassKeep},
    {"class-byline", PageMarkers::Kind::ClassByline},
    {"class-negation", PageMarkers::Kind::ClassNegation},
    {"class-lead", PageMarkers::Kind::ClassLead},
    {"class-taxonomy", PageMarkers::Kind::ClassTaxonomy},
};
constexpr std::size_t kKinds = sizeof kKindNames / sizeof kKindNames[0];

// Picture captions run to a sentence or two; a longer line is text.
constexpr std::size_t kMaxCaptionWords = 60;
// A line starting with a credit ("Quelle: ...") or an ad label ("Anzeige, enthält ...") is one when
// it is this short.
constexpr std::size_t kMaxCreditLineWords = 12;

}  // namespace

namespace {

// Full case folding of the characters German text is mostly made of, without ICU: ASCII, Latin-1
// (U+0080-U+00FF) and General Punctuation (U+2000-U+203F: dashes, quotes, ellipsis). False, with
// `out` unspecified, when the text holds anything else.
bool foldCommonCase(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(lowerAscii(static_cast<char>(c)));
      continue;
    }
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0xC2 && next >= 0x80 && next <= 0xBF && next != 0xB5) {  // no case; U+00B5 MICRO folds to mu
      out.append(text.substr(i, 2));
    } else if (c == 0xC3 && next >= 0x80 && next <= 0xBF) {
      if (next == 0x9F) {
        out.append("ss");  // U+00DF sharp s
      } else {
        const bool upper = next <= 0x9E && next != 0x97;  // U+00C0-U+00DE except U+00D7 (multiplication sign)
        out.push_back(static_cast<char>(c));
        out.push_back(static_cast<char>(upper ? next + 0x20 : next));
      }
    } else if (c == 0xE2 && next == 0x80 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80) {
      out.append(text.substr(i, 3));  // U+2000-U+203F: no case
      ++i;
    } else {
      return false;
    }
    ++i;
  }
  return true;
}

}  // namespace

std::string foldCase(std::string_view text) {
  // Most text needs no ICU (and its two UTF-16 conversions); the rest is folded by ICU.
  std::string common;
  if (foldCommonCase(text, common)) return common;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string out;
  u.foldCase().toUTF8String(out);
  return out;
}

PageMarkers::PageMarkers(const LanguageData& data) : phrases_(kKinds), longest_(kKinds, 0) {
  const TsvTable& table = data.table("page_markers");
  for (const TsvRow& row : table.rows) {
    if (row.fields.size() != 2 || trim(row.fields[1]).empty()) {
      throw Error::data(table.path + ":" + std::to_string(row.line) + ": expected kind<TAB>phrase");
    }
    const auto it = std::find_if(std::begin(kKindNames), std::end(kKindNames),
                                 [&](const KindName& k) { return row.fields[0] == k.name; });
    if (it == std::end(kKindNames)) {
      throw Error::data(table.path + ":" + std::to_string(row.line) + ": unknown marker kind '" + row.fields[0] + "'");
    }
    const std::size_t k = static_cast<std::size_t>(it->kind);
    phrases_[k].push_back(foldCase(trim(row.fields[1])));
    longest_[k] = std::max(longest_[k], phrases_[k].back().size());
  }
  byline_date_ = makeBylineDate();
}

// The words of one kind as a regular-expression alternation; every phrase is a literal.
std::string PageMarkers::alternation(Kind kind) const {
  std::string out;
  for (const std::string& phrase : phrases(kind)) {
    out += out.empty() ? "" : "|";
    for (char c : phrase) {
      if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

// Built once here, not per document: compiling it takes about 3 ms, far longer than extracting a
// news article (and it was most of what the extract_text fuzzer spent per input). Case-insensitive,
// so the case-folded month names match "Februar".
std::regex PageMarkers::makeBylineDate() const {
  const std::string months = alternation(Kind::Month);
  const std::string joiners = alternation(Kind::TimeJoiner);
  const std::string suffixes = alternation(Kind::TimeSuffix);
  const std::string date = "\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}" +
                           (months.empty() ? std::string() : "|\\d{1,2}\\.\\s?(" + months + ")\\s+\\d{4}");
  const std::string joiner = "(\\s*(,|\\||\u2013|-)\\s*|\\s+" +
                             (joiners.empty() ? std::string() : "|,?\\s*(" + joiners + ")\\s+") + ")";
  const std::string suffix = suffixes.empty() ? std::string() : "(\\s*(" + suffixes + "))?";
  return std::regex("(" + date + ")(" + joiner + "\\d{1,2}[:.]\\d{2}" + suffix + ")?",
                    std::regex::ECMAScript | std::regex::icase);
}

const PageMarkers& PageMarkers::german() {
  static const PageMarkers markers(LanguageData::german());
  return markers;
}

const std::vector<std::string>& PageMarkers::phrases(Kind kind) const { return phrases_[static_cast<std::size_t>(kind)]; }

namespace {

// "- Anzeige -", "[Werbung]", "(Noch keine Bewertungen)", "Kontakt:": the marker without the
// punctuation and space around it (a "?" stays: it is part of "Schon gelesen?").
std::string_view markerCore(std::string_view line) {
  static constexpr std::string_view kFrame[] = {"-", "*", "|", "[", "]", "(", ")", ":", ".", "\"", "\u2013", "\u2014",
                                                "\u2022", "\u00B7", "\u00AB", "\u00BB", "\u201E", "\u201C"};
  for (bool stripped = true; stripped;) {
    stripped = false;
    line = trim(line);
    for (std::string_view f : kFrame) {
      if (line.size() >= f.size() && line.substr(0, f.size()) == f) {
        line.remove_prefix(f.size());
        stripped = true;
      }
      if (line.size() >= f.size() && line.substr(line.size() - f.size()) == f) {
        line.remove_suffix(f.size());
        stripped = true;
      }
    }
  }
  return line;
}

}  // namespace

bool PageMarkers::lineIs(Kind kind, std::string_view line) const {
  line = markerCore(line);
  if (line.size() > 3 * longest(kind)) return false;  // too long to fold to a phrase: most lines are not folded
  std::string folded = foldCase(line);
  // "für\u00A0dich": a no-break space between the words is a space.
  for (std::size_t at = folded.find("\u00A0"); at != std::string::npos; at = folded.find("\u00A0", at)) {
    folded.replace(at, 2, " ");
  }
  const auto& list = phrases(kind);
  return std::find(list.begin(), list.end(), folded) != list.end();
}

bool PageMarkers::isCaption(std::string_view line) const {
  if (endsInCopyright(line) || startsWithFigure(line)) return true;
  // Every credit marker ends in ':', and a caption is short: most lines are decided unfolded.
  if (line.find(':') == std::string_view::npos || countWords(line) > kMaxCaptionWords) return false;
  const std::string folded = foldCase(line);
  // The last "credit:" of each credit marker, found from the colons (std::string::rfind would
  // compare at every byte of the line).
  std::vector<std::size_t> colons;
  for (std::size_t p = folded.find(':'); p != std::string::npos; p = folded.find(':', p + 1)) colons.push_back(p);
  const auto lastKey = [&](const std::string& c) {
    for (auto p = colons.rbegin(); p != colons.rend(); ++p) {
      if (*p >= c.size() && folded.compare(*p - c.size(), c.size(), c) == 0) return *p - c.size();
    }
    return std::string::npos;
  };
  for (const std::string& c : phrases(Kind::Credit)) {
    const std::size_t key_size = c.size() + 1;
    const std::size_t at = lastKey(c);
    if (at == std::string::npos) continue;
    if (at > 0 && !isAsciiSpace(folded[at - 1]) && folded[at - 1] != '(' && folded[at - 1] != '.') {
      continue;
    }
    const std::string_view credit = trim(std::string_view(folded).substr(at + key_size));
    // A source is a name or two ("dpa", "AFP/Getty Images"), not a sentence, and a caption is
    // not a long paragraph.
    const std::size_t words = countWords(credit);
    const bool sentence_inside = credit.find(". ") != std::string_view::npos ||
                                 credit.find("! ") != std::string_view::npos ||
                                 credit.find("? ") != std::string_view::npos;
    const std::size_t line_words = countWords(folded);
    if (!credit.empty() && words <= 6 && !sentence_inside && line_words <= kMaxCaptionWords) return true;
    // "Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022": a short line that is a credit.
    if (at == 0 && !credit.empty() && line_words <= kMaxCreditLineWords) return true;
  }
  return false;
}

bool PageMarkers::endsInCopyright(std::string_view line) const {
  // "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO"
  const std::size_t at = line.rfind("\u00A9");
  if (at == std::string_view::npos || countWords(line) > kMaxCaptionWords) return false;
  const std::string_view credit = trim(line.substr(at + 2));
  return !credit.empty() && countWords(credit) <= 6 && credit.find(". ") == std::string_view::npos;
}

bool PageMarkers::startsWithFigure(std::string_view line) const {
  // A word, optionally a dot, a number, a colon: "Abbildung 4:", "Abb. 2:", "Grafik 1.2:".
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos || countWords(line) > kMaxCaptionWords) return false;
  std::size_t i = space;
  while (i < line.size() && line[i] == ' ') ++i;
  const std::size_t digits = i;
  while (i < line.size() && ((line[i] >= '0' && line[i] <= '9') || (line[i] == '.' && i > digits))) ++i;
  if (i == digits || i >= line.size() || line[i] != ':') return false;
  std::string_view word = line.substr(0, space);
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return lineIs(Kind::Figure, word);
}

bool PageMarkers::isDisclosure(std::string_view line) const {
  line = markerCore(line);
  if (countWords(line) > kMaxCreditLineWords) return false;
  const std::size_t end = line.find_first_of(",.:|-");
  if (end == std::string_view::npos || end == 0) return false;
  return lineIs(Kind::Block, line.substr(0, end));
}

}  // namespace vorlesen
