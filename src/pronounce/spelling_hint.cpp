#include "pronounce/spelling_hint.h"

#include <unicode/unistr.h>

#include <vector>

#include "vorlesen/text.h"

namespace vorlesen::pronounce {

namespace {

using Text = std::u32string;
constexpr std::size_t npos = Text::npos;

Text decode(std::string_view utf8) {
  Text out;
  for (std::size_t i = 0; i < utf8.size();) out.push_back(nextCodepoint(utf8, i));
  return out;
}

Text fullFold(const icu::UnicodeString& s) {
  icu::UnicodeString folded(s);
  folded.foldCase();
  Text out;
  for (std::int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    out.push_back(static_cast<char32_t>(folded.char32At(i)));
  }
  return out;
}

Text fullFold(char32_t c) { return fullFold(icu::UnicodeString(static_cast<UChar32>(c))); }

// One element of a pattern's top-level sequence.
struct Atom {
  Text first, last;  // the characters a match of it can start and end with (empty: not known)
  Text all;          // characters every match of it contains
  bool zero_width = false;  // a lookaround or an assertion: matches no character
  bool required = true;     // false: a quantifier lets it match nothing
};

constexpr std::u32string_view kMeta = U"\\[](){}.?*+|^$";

// The bracket class opening at p[i]: the index after its ']', npos for what this reading leaves
// alone (a nested set, an unclosed one). A class of plain characters becomes a known atom.
std::size_t readClass(const Text& p, std::size_t i, Atom& a) {
  std::size_t j = i + 1;
  bool plain = true;
  if (j < p.size() && p[j] == '^') {
    plain = false;
    ++j;
  }
  if (j < p.size() && p[j] == ':') return npos;  // "[:Letter:]" is a property, not the letters
  Text members;
  if (j < p.size() && p[j] == ']') members.push_back(p[j++]);
  for (; j < p.size() && p[j] != ']'; ++j) {
    if (p[j] == '[') return npos;
    if (p[j] == '\\') {
      plain = false;
      ++j;
      continue;
    }
    if (p[j] == '-' || p[j] == '&') plain = false;
    members.push_back(p[j]);
  }
  if (j >= p.size()) return npos;
  if (plain && !members.empty()) a.first = a.last = members;
  return j + 1;
}

// The index after the ')' that closes the group opening at p[i], or npos.
std::size_t groupEnd(const Text& p, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < p.size(); ++j) {
    if (p[j] == '\\' && j + 1 < p.size() && p[j + 1] == 'Q') {
      j = p.find(U"\\E", j + 2);  // quoted: "\Q(\E" opens no group
      if (j == npos) return npos;
      ++j;
    } else if (p[j] == '\\') {
      ++j;
    } else if (p[j] == '[') {
      Atom ignored;
      const std::size_t end = readClass(p, j, ignored);
      if (end == npos) return npos;
      j = end - 1;
    } else if (p[j] == '(') {
      ++depth;
    } else if (p[j] == ')' && --depth == 0) {
      return j + 1;
    }
  }
  return npos;
}

bool startsWith(const Text& s, std::u32string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The group p[i, end): a lookaround is zero-width; alternatives of plain characters are a known
// atom; anything else inside is an unknown one. False for groups this reading does not know (flags).
bool readGroup(const Text& p, std::size_t i, std::size_t end, Atom& a) {
  Text body = p.substr(i + 1, end - i - 2);
  if (startsWith(body, U"?=") || startsWith(body, U"?!") || startsWith(body, U"?<=") || startsWith(body, U"?<!")) {
    a.zero_width = true;
    return true;
  }
  if (startsWith(body, U"?:")) {
    body.erase(0, 2);
  } else if (!body.empty() && body[0] == '?') {
    return false;
  }
  std::vector<Text> alternatives(1);
  for (char32_t c : body) {
    if (c == '|') {
      alternatives.emplace_back();
    } else if (kMeta.find(c) != npos) {
      return true;
    } else {
      alternatives.back().push_back(c);
    }
  }
  for (const Text& alt : alternatives) {
    if (alt.empty()) return true;
  }
  for (const Text& alt : alternatives) {
    a.first.push_back(alt.front());
    a.last.push_back(alt.back());
  }
  if (alternatives.size() == 1) a.all = alternatives.front();
  return true;
}

// The escape at p[i] ('\\'): the index after it, npos for escapes this reading leaves alone.
std::size_t readEscape(const Text& p, std::size_t i, Atom& a) {
  if (i + 1 >= p.size()) return npos;
  const char32_t c = p[i + 1];
  if (std::u32string_view(U"bBAzZG").find(c) != npos) {
    a.zero_width = true;
  } else if (std::u32string_view(U"QEuUxpPNk0123456789").find(c) != npos) {
    return npos;
  } else if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
    a.first = a.last = a.all = Text(1, c);  // "\." "\-": the character itself
  }
  return i + 2;
}

// The quantifier at p[i], if any: the index after it, npos for a malformed one.
std::size_t readQuantifier(const Text& p, std::size_t i, Atom& a) {
  if (i >= p.size()) return i;
  if (p[i] == '?' || p[i] == '*') {
    a.required = false;
    ++i;
  } else if (p[i] == '+') {
    ++i;
  } else if (p[i] == '{') {
    std::size_t j = i + 1;
    unsigned long least = 0;
    bool digits = false;
    for (; j < p.size() && p[j] >= '0' && p[j] <= '9'; ++j) {
      least = least * 10 + (p[j] - '0');
      digits = true;
    }
    while (j < p.size() && ((p[j] >= '0' && p[j] <= '9') || p[j] == ',')) ++j;
    if (!digits || j >= p.size() || p[j] != '}') return npos;
    if (least == 0) a.required = false;
    i = j + 1;
  } else {
    return i;
  }
  if (i < p.size() && (p[i] == '?' || p[i] == '+')) ++i;  // lazy or possessive
  return i;
}

// One of 64 bits per character: a set of characters as a mask. Characters share bits, so a mask
// can only say that a character is missing, never that it is there.
std::uint64_t characterBit(char32_t c) { return std::uint64_t{1} << (c % 64); }

std::uint64_t characterBits(const Text& text) {
  std::uint64_t bits = 0;
  for (char32_t c : text) bits |= characterBit(c);
  return bits;
}

bool isLineEnd(char32_t c) { return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029; }

}  // namespace

HintWord::HintWord(std::string_view utf8) : exact(decode(utf8)) {
  folded = fullFold(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size()))));
  exact_bits = characterBits(exact);
  folded_bits = characterBits(folded);
}

HintWord::HintWord(const icu::UnicodeString& text) : has_folded(false) {
  const char16_t* units = text.getBuffer();
  const std::int32_t n = text.length();
  exact.reserve(static_cast<std::size_t>(n));
  for (std::int32_t i = 0; i < n; ++i) {
    const char16_t c = units[i];
    if (U16_IS_LEAD(c) && i + 1 < n && U16_IS_TRAIL(units[i + 1])) {
      exact.push_back(static_cast<char32_t>(U16_GET_SUPPLEMENTARY(c, units[++i])));
    } else {
      exact.push_back(c);
    }
  }
  exact_bits = characterBits(exact);
}

SpellingHint SpellingHint::of(std::string_view pattern) {
  const Text p = decode(pattern);
  std::size_t i = 0;
  const bool folded = startsWith(p, U"(?i)");
  if (folded) i = 4;
  const bool anchored_start = i < p.size() && p[i] == '^';
  if (anchored_start) ++i;
  bool anchored_end = false;
  std::vector<Atom> atoms;
  while (i < p.size()) {
    const char32_t c = p[i];
    Atom a;
    std::size_t next = i + 1;
    if (c == '$' && i + 1 == p.size()) {
      anchored_end = true;
      break;
    } else if (c == '\\') {
      next = readEscape(p, i, a);
    } else if (c == '[') {
      next = readClass(p, i, a);
    } else if (c == '(') {
      next = groupEnd(p, i);
      if (next != npos && !readGroup(p, i, next, a)) return {};
    } else if (c == '.') {
      // any character: an unknown atom
    } else if (kMeta.find(c) != npos) {
      return {};  // "|" at the top, "^" or "$" inside, a stray quantifier or bracket
    } else {
      a.first = a.last = a.all = Text(1, c);
    }
    if (next == npos) return {};
    next = readQuantifier(p, next, a);
    if (next == npos) return {};
    if (!a.zero_width) atoms.push_back(std::move(a));
    i = next;
  }
  SpellingHint hint;
  hint.folded_ = folded;
  // Under "(?i)" a pattern character matches what has its case folding: compare foldings.
  const auto side = [&](const Text& set, bool front) {
    if (!folded) return set;
    Text out;
    for (char32_t c : set) {
      const Text f = fullFold(c);
      out.push_back(front ? f.front() : f.back());
    }
    return out;
  };
  if (anchored_start && !atoms.empty() && atoms.front().required) hint.first_ = side(atoms.front().first, true);
  if (anchored_end && !atoms.empty() && atoms.back().required) hint.last_ = side(atoms.back().last, false);
  for (const Atom& a : atoms) {
    if (!a.required) continue;
    for (char32_t c : a.all) hint.required_ += folded ? fullFold(c) : Text(1, c);
  }
  hint.required_bits_ = characterBits(hint.required_);
  return hint;
}

bool SpellingHint::mayMatch(const HintWord& word) const {
  if (folded_ && !word.has_folded) return true;
  const Text& w = folded_ ? word.folded : word.exact;
  if ((required_bits_ & ~(folded_ ? word.folded_bits : word.exact_bits)) != 0) return false;
  if (!first_.empty() && (w.empty() || first_.find(w.front()) == npos)) return false;
  // "$" also matches before a final line end.
  if (!last_.empty() && (w.empty() || (last_.find(w.back()) == npos && !isLineEnd(w.back())))) return false;
  // The mask above settles most words; characters that share a bit are told apart here.
  for (char32_t c : required_) {
    if (w.find(c) == npos) return false;
  }
  return true;
}

}  // namespace vorlesen::pronounce
