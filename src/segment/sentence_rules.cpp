#include "segment/sentence_rules.h"

#include <algorithm>
#include <optional>

#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen::segment {

namespace {

// Bounds on every look at the text, so that a decision costs constant time: no word in the lists
// is longer than this, and an abbreviation has at most kMaxParts dotted parts.
constexpr std::size_t kMaxWordBytes = 64;
constexpr std::size_t kMaxParts = 4;

bool isAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// Byte length of the space character ending at `pos` (0 if none): ASCII blanks, no-break space,
// narrow no-break space and thin space, which typesetting puts inside "z. B.".
std::size_t spaceBefore(std::string_view t, std::size_t pos) {
  if (pos == 0) return 0;
  if (isAscii(t[pos - 1])) return isAsciiSpace(t[pos - 1]) ? 1 : 0;
  if (pos >= 2 && t.compare(pos - 2, 2, "\u00A0") == 0) return 2;
  if (pos >= 3 && (t.compare(pos - 3, 3, "\u202F") == 0 || t.compare(pos - 3, 3, "\u2009") == 0)) return 3;
  return 0;
}

std::size_t spaceAt(std::string_view t, std::size_t pos) {
  if (pos >= t.size()) return 0;
  if (isAscii(t[pos])) return isAsciiSpace(t[pos]) ? 1 : 0;
  if (t.compare(pos, 2, "\u00A0") == 0) return 2;
  if (t.compare(pos, 3, "\u202F") == 0 || t.compare(pos, 3, "\u2009") == 0) return 3;
  return 0;
}

// Quotes and brackets around words, in either role: German uses „…“, ‚…‘, »…« and «…».
constexpr std::string_view kQuotes[] = {"\u201E", "\u201C", "\u201D", "\u201A", "\u2018", "\u2019",
                                        "\u00AB", "\u00BB", "\u2039", "\u203A"};

bool isAsciiQuoteOrBracket(char c) { return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']'; }

std::size_t quoteBefore(std::string_view t, std::size_t pos) {
  if (pos == 0) return 0;
  if (isAscii(t[pos - 1])) return isAsciiQuoteOrBracket(t[pos - 1]) ? 1 : 0;
  for (std::string_view q : kQuotes) {
    if (pos >= q.size() && t.compare(pos - q.size(), q.size(), q) == 0) return q.size();
  }
  return 0;
}

std::size_t quoteAt(std::string_view t, std::size_t pos) {
  if (pos >= t.size()) return 0;
  if (isAscii(t[pos])) return isAsciiQuoteOrBracket(t[pos]) ? 1 : 0;
  for (std::string_view q : kQuotes) {
    if (t.compare(pos, q.size(), q) == 0) return q.size();
  }
  return 0;
}

std::string_view view(std::string_view t, const Word& w) { return t.substr(w.begin, w.end - w.begin); }

// The word ending at `end` (exclusive), not reaching before `floor`.
Word wordEndingAt(std::string_view t, std::size_t floor, std::size_t end) {
  Word w{end, end, true};
  while (w.begin > floor && spaceBefore(t, w.begin) == 0) {
    if (end - w.begin >= kMaxWordBytes) {
      w.complete = false;
      break;
    }
    --w.begin;
  }
  while (w.begin < w.end) {
    const std::size_t q = quoteAt(t, w.begin);
    if (q == 0) break;
    w.begin += q;
  }
  return w;
}

// The word before `pos` (skipping spaces and quotes), not reaching before `floor`.
Word wordBefore(std::string_view t, std::size_t floor, std::size_t pos) {
  for (std::size_t skipped = 0; pos > floor && skipped < kMaxWordBytes;) {
    std::size_t n = spaceBefore(t, pos);
    if (n == 0) n = quoteBefore(t, pos);
    if (n == 0) break;
    pos -= n;
    skipped += n;
  }
  if (pos <= floor || spaceBefore(t, pos) != 0) return Word{pos, pos, true};
  Word w = wordEndingAt(t, floor, pos);
  while (w.end > w.begin) {
    const std::size_t q = quoteBefore(t, w.end);
    if (q == 0) break;
    w.end -= q;
  }
  return w;
}

// The word starting at or after `pos` (skipping spaces and opening quotes); trailing ",;:" and
// quotes removed, a trailing "." kept.
Word wordAfter(std::string_view t, std::size_t pos) {
  for (std::size_t skipped = 0; pos < t.size() && skipped < kMaxWordBytes;) {
    std::size_t n = spaceAt(t, pos);
    if (n == 0) n = quoteAt(t, pos);
    if (n == 0) break;
    pos += n;
    skipped += n;
  }
  Word w{pos, pos, true};
  while (w.end < t.size() && spaceAt(t, w.end) == 0) {
    if (w.end - w.begin >= kMaxWordBytes) {
      w.complete = false;
      break;
    }
    ++w.end;
  }
  for (;;) {
    if (w.end > w.begin && (t[w.end - 1] == ',' || t[w.end - 1] == ';' || t[w.end - 1] == ':')) {
      --w.end;
    } else if (const std::size_t q = w.end > w.begin ? quoteBefore(t, w.end) : 0) {
      w.end -= q;
    } else {
      break;
    }
  }
  return w;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// "3", "1999", "08.02" or "1.000" (without the final dot).
bool isNumber(std::string_view s) {
  return !s.empty() && isDigit(s.front()) && isDigit(s.back()) &&
         std::all_of(s.begin(), s.end(), [](char c) { return isDigit(c) || c == '.'; });
}

// One or two digits: a day or a month in "12. 3. 1970".
bool isDayOrMonth(std::string_view s) {
  return !s.empty() && s.size() <= 2 && std::all_of(s.begin(), s.end(), isDigit);
}

// A year or a quantity rather than an ordinal: four digits or more, or grouped in thousands.
bool isLargeNumber(std::string_view s) {
  const std::size_t dot = s.rfind('.');
  if (dot == std::string_view::npos) return s.size() >= 4;
  return s.size() - dot - 1 == 3;
}

// "XIV" (regnal or chapter numbers; only I V X L, so that "CD" and "DM" stay words) or a single
// capital letter (an initial, "John F. Kennedy").
bool isRomanOrInitial(std::string_view s) {
  if (s.size() == 1) return s[0] >= 'A' && s[0] <= 'Z';
  if (s.empty() || s.size() > 8) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; });
}

// Compares one abbreviation part with a word of the text; the first part of an abbreviation of
// several parts may differ in the case of its first letter (a sentence starting "Z. B.").
bool partMatches(std::string_view part, std::string_view word, bool fold_first) {
  if (part.size() != word.size() || part.empty()) return false;
  if (fold_first ? lowerAscii(part[0]) != lowerAscii(word[0]) : part[0] != word[0]) return false;
  return part.substr(1) == word.substr(1);
}

std::vector<std::string> splitParts(const std::string& written) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos < written.size()) {
    const std::size_t space = std::min(written.find(' ', pos), written.size());
    if (space > pos) parts.push_back(written.substr(pos, space - pos));
    pos = space + 1;
  }
  return parts;
}

}  // namespace

SentenceRules::SentenceRules(const LanguageData& data) {
  if (const TsvTable* table = data.find("abbreviations")) {
    for (const auto& row : table->rows) {
      const std::string& written = row.fields.front();
      // The normalizer's file may hold forms longer than the segmenter looks (kMaxParts): those
      // are for the normalizer only.
      if (written.empty() || written.back() != '.' || splitParts(written).size() > kMaxParts) continue;
      // The normalizer's flag "end" (column 3) marks forms that may close a sentence ("usw.").
      const bool may_end = row.fields.size() > 2 && ("," + row.fields[2] + ",").find(",end,") != std::string::npos;
      addAbbreviation(written, may_end ? AbbreviationKind::MayEnd : AbbreviationKind::Never,
                      table->path + ":" + std::to_string(row.line) + ": ");
    }
  }
  const TsvTable& table = data.table("segment_exceptions");
  for (const auto& row : table.rows) {
    const std::string where = table.path + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() < 2) throw Error::data(where + "expected word<TAB>kind");
    const std::string& word = row.fields[0];
    const std::string& kind = row.fields[1];
    if (word.empty()) throw Error::data(where + "empty word");
    if (word.size() > kMaxWordBytes) throw Error::data(where + "word longer than 64 bytes");
    const bool dotted = word.back() == '.';
    if (kind == "abbreviation" || kind == "ends" || kind == "may-end") {
      if (!dotted) throw Error::data(where + "an abbreviation must end in \".\": " + word);
      const auto k = kind == "abbreviation" ? AbbreviationKind::Never
                     : kind == "ends"       ? AbbreviationKind::Ends
                                            : AbbreviationKind::MayEnd;
      addAbbreviation(word, k, where);
    } else if (kind == "suffix") {
      if (!dotted) throw Error::data(where + "a suffix must end in \".\": " + word);
      suffixes_.push_back(toLower(word));
    } else if (kind == "month") {
      months_.insert(word);
      if (dotted) addAbbreviation(word, AbbreviationKind::MayEnd, where);
    } else if (kind == "ordinal-context") {
      ordinal_context_.insert(toLower(word));
    } else if (kind == "starter") {
      starters_.insert(word);
    } else {
      throw Error::data(where + "unknown kind \"" + kind +
                        "\" (expected abbreviation, ends, may-end, suffix, month, ordinal-context or starter)");
    }
  }
}

void SentenceRules::addAbbreviation(const std::string& written, AbbreviationKind kind, const std::string& where) {
  std::vector<std::string> parts = splitParts(written);
  if (parts.empty()) return;
  if (parts.size() > kMaxParts) throw Error::data(where + "abbreviation \"" + written + "\" has more than 4 parts");
  // A later entry for the same written form overrides an earlier one (segment_exceptions.tsv
  // refines abbreviations.tsv).
  for (std::size_t i = 0; i < abbreviations_.size(); ++i) {
    if (abbreviations_[i].parts == parts) {
      abbreviations_[i].kind = kind;
      return;
    }
  }
  const std::size_t index = abbreviations_.size();
  for (std::size_t p = 0; p < parts.size(); ++p) {
    parts_[parts[p]].push_back(PartRef{index, p});
    // The first part may start a sentence in capitals ("Z. B.", "Vgl.") or in lower case; not a lone
    // letter, which would make "v." of the initial "V." in "Karl V. Er …".
    if (p == 0 && !(parts.size() == 1 && parts[0].size() <= 2)) {
      std::string other = parts[0];
      const char c = other[0];
      if (c >= 'a' && c <= 'z') other[0] = static_cast<char>(c - 'a' + 'A');
      else if (c >= 'A' && c <= 'Z') other[0] = lowerAscii(c);
      if (other != parts[0]) parts_[other].push_back(PartRef{index, p});
    }
  }
  abbreviations_.push_back(Abbreviation{std::move(parts), kind});
}

bool SentenceRules::isMonth(std::string_view word) const {
  if (months_.count(std::string(word))) return true;
  return !word.empty() && word.back() == '.' && months_.count(std::string(word.substr(0, word.size() - 1)));
}

bool SentenceRules::isStarter(std::string_view word) const {
  while (!word.empty() && (word.back() == '.' || word.back() == '!' || word.back() == '?')) word.remove_suffix(1);
  return starters_.count(std::string(word)) > 0;
}

bool SentenceRules::endsSentence(std::string_view text, std::size_t start, std::size_t boundary) const {
  // Step back over the spaces and closing quotes between the terminator and the boundary.
  std::size_t end = boundary;
  while (end > start) {
    const std::size_t n = spaceBefore(text, end);
    if (n == 0) break;
    end -= n;
  }
  bool quoted = false;
  while (end > start) {
    const std::size_t n = quoteBefore(text, end);
    if (n == 0) break;
    end -= n;
    quoted = true;
  }
  if (end == start) return true;
  const Word next = wordAfter(text, boundary);
  if (next.empty()) return true;
  if (end - start >= 3 && text.compare(end - 3, 3, "\u2026") == 0) {
    return isStarter(view(text, next));  // "Er wartete … Dann" vs "Und dann … Peter"
  }
  const char terminator = text[end - 1];
  if (terminator == '?' || terminator == '!') {
    // "https://a.de/b?=3": no space, no quote: not the end of a sentence.
    if (end == boundary) return false;
    // „Kommst du?“ fragte er. — the question is part of the sentence that goes on in lower case.
    return !startsWithLowercase(view(text, next));
  }
  if (terminator != '.' || quoted) return true;
  if (end - start >= 2 && text[end - 2] == '.') return true;  // "..." ends a sentence
  const Word word = wordEndingAt(text, start, end);
  if (!word.complete || word.empty()) return true;
  return endsAfterDottedWord(text, start, word, boundary);
}

std::optional<bool> SentenceRules::afterAbbreviation(std::string_view text, std::size_t start, Word dotted,
                                                      Word next) const {
  const auto refs = parts_.find(std::string(view(text, dotted)));
  if (refs == parts_.end()) return std::nullopt;
  // The words around the proposed end, found as far as a candidate needs them: before[0] is the one
  // with the dot, after[0] the one after the proposal.
  Word before[kMaxParts];
  before[0] = dotted;
  std::size_t have_before = 1;
  Word after[kMaxParts];
  after[0] = next;
  std::size_t have_after = 1;
  const Abbreviation* final_match = nullptr;
  for (const PartRef& ref : refs->second) {
    const Abbreviation& abbr = abbreviations_[ref.abbreviation];
    bool ok = true;
    for (std::size_t k = 1; ok && k <= ref.part; ++k) {
      for (; have_before <= k; ++have_before) before[have_before] = wordBefore(text, start, before[have_before - 1].begin);
      ok = partMatches(abbr.parts[ref.part - k], view(text, before[k]), ref.part - k == 0);
    }
    for (std::size_t k = 1; ok && ref.part + k < abbr.parts.size(); ++k) {
      for (; have_after <= k - 1; ++have_after) after[have_after] = wordAfter(text, after[have_after - 1].end);
      ok = partMatches(abbr.parts[ref.part + k], view(text, after[k - 1]), false);
    }
    if (!ok) continue;
    if (ref.part + 1 < abbr.parts.size()) return false;  // the proposal cuts an abbreviation ("z. | B.")
    if (!final_match || abbr.parts.size() > final_match->parts.size()) final_match = &abbr;
  }
  if (!final_match) return std::nullopt;
  switch (final_match->kind) {
    case AbbreviationKind::Never: return false;
    case AbbreviationKind::Ends: return true;
    case AbbreviationKind::MayEnd: return isStarter(view(text, next));
  }
  return std::nullopt;
}

bool SentenceRules::hasSuffix(std::string_view word) const {
  const std::string lower = toLower(word);
  for (const std::string& suffix : suffixes_) {
    if (lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return true;
    }
  }
  return false;
}

bool SentenceRules::endsAfterNumber(std::string_view text, std::size_t start, Word dotted, Word next) const {
  const std::string_view word = view(text, dotted);
  const std::string_view bare = word.substr(0, word.size() - 1);
  const std::string_view next_word = view(text, next);
  if (isMonth(next_word)) return false;                 // "am 3. Mai"
  const Word previous = wordBefore(text, start, dotted.begin);
  if (previous.empty()) return false;                   // "1. Einleitung": a numbered item
  if (isDayOrMonth(bare)) {                             // a date written with spaces: "am 12. 3. 1970"
    if (next_word.size() >= 2 && next_word.back() == '.' && isDayOrMonth(next_word.substr(0, next_word.size() - 1))) {
      return false;
    }
    const std::string_view prev_word = view(text, previous);
    if (!next_word.empty() && isDigit(next_word[0]) && prev_word.size() >= 2 && prev_word.back() == '.' &&
        isDayOrMonth(prev_word.substr(0, prev_word.size() - 1))) {
      return false;
    }
  }
  if (isStarter(next_word)) return true;                // "… waren es 150. Die …"
  if (!startsWithCapital(next_word)) return true;       // "… Euro. 2024 …"
  // Before a capitalized word that is no sentence starter: an ordinal ("der 2. Versuch",
  // "holt 3. Sieg"), unless it is a year or a quantity without an article before it.
  return isLargeNumber(bare) && !ordinal_context_.count(toLower(view(text, previous)));
}

bool SentenceRules::endsAfterDottedWord(std::string_view text, std::size_t start, Word dotted,
                                        std::size_t boundary) const {
  const Word next = wordAfter(text, boundary);
  if (startsWithLowercase(view(text, next))) return false;
  if (const std::optional<bool> verdict = afterAbbreviation(text, start, dotted, next)) return *verdict;
  const std::string_view word = view(text, dotted);
  if (hasSuffix(word)) return false;                    // "Hauptstr."
  const std::string_view bare = word.substr(0, word.size() - 1);
  if (isNumber(bare)) return endsAfterNumber(text, start, dotted, next);
  if (isRomanOrInitial(bare)) return isStarter(view(text, next));  // "Ludwig XIV. Er …" vs "John F. Kennedy"
  return true;
}

}  // namespace vorlesen::segment
