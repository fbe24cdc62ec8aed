#include "pronounce/compounds.h"

#include <unicode/uchar.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>  // memchr, memrchr

#include "pronounce/words.h"
#include "vorlesen/text.h"

namespace vorlesen::pronounce {

namespace {

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) nextCodepoint(s, i);
  return n;
}

bool vowelLetter(char32_t c) { return std::u32string_view(U"aeiouyäöüAEIOUYÄÖÜ").find(c) != std::u32string_view::npos; }

// Whether the letter at byte `at` of `s` (or the one whose last byte that is) is a vowel.
bool vowelAt(std::string_view s, std::size_t at) {
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return vowelLetter(nextCodepoint(s, at));
}

// "stadt" -> "Stadt": the list writes nouns with a capital.
std::string capitalized(std::string_view s) {
  std::size_t i = 0;
  const char32_t first = nextCodepoint(s, i);
  std::string out;
  appendUtf8(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(first))));
  out.append(s.substr(i));
  return out;
}

}  // namespace

namespace {

// The line of `text` that starts at `start`, without its line end; `next` is where the next starts.
std::string_view lineAt(std::string_view text, std::size_t start, std::size_t& next) {
  std::size_t eol = text.find('\n', start);
  if (eol == std::string_view::npos) eol = text.size();
  next = std::min(eol + 1, text.size());
  std::string_view line = text.substr(start, eol - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// The lines of `text` sorted byte-wise (for a word list that is not), each ending with a newline.
std::string sortedLines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t i = 0, next = 0; i < text.size(); i = next) lines.push_back(lineAt(text, i, next));
  std::sort(lines.begin(), lines.end());
  std::string out;
  out.reserve(text.size() + 1);
  for (const std::string_view line : lines) out.append(line).push_back('\n');
  return out;
}

// Whether `text` looks sorted byte-wise: a thousand line pairs spread over it are in order. A list
// that is not sorted has pairs out of order everywhere; checking every line cost as much as all the
// respelling of an article.
bool looksSorted(std::string_view text) {
  constexpr std::size_t kProbes = 1000;
  const std::size_t step = std::max<std::size_t>(1, text.size() / kProbes);  // a small list: every line
  std::size_t at = 0;  // a line start
  while (at < text.size()) {
    std::size_t next = 0;
    std::size_t after = 0;
    const std::string_view line = lineAt(text, at, next);
    if (next >= text.size()) break;
    if (lineAt(text, next, after) < line) return false;
    // On to the first line that starts at least `step` bytes further.
    const std::size_t eol = at + step >= text.size() ? std::string_view::npos : text.find('\n', at + step - 1);
    if (eol == std::string_view::npos) break;
    at = std::max(eol + 1, next);
  }
  return true;
}

}  // namespace

WordList::WordList(std::string words) : owned_(std::move(words)) {
  if (!looksSorted(owned_)) owned_ = sortedLines(owned_);
  text_ = owned_;
}

WordList::WordList(const void* map, std::size_t size)
    : map_(map), map_size_(size), text_(static_cast<const char*>(map), size) {}

WordList::WordList(WordList&& other) noexcept
    : owned_(std::move(other.owned_)), map_(other.map_), map_size_(other.map_size_) {
  text_ = map_ ? other.text_ : std::string_view(owned_);
  other.map_ = nullptr;
  other.map_size_ = 0;
  other.text_ = {};
}

WordList::~WordList() {
  if (map_) munmap(const_cast<void*>(map_), map_size_);
}

std::optional<WordList> WordList::open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  void* map = MAP_FAILED;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    map = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  }
  std::optional<WordList> out;
  if (map != MAP_FAILED) {
    const std::size_t size = static_cast<std::size_t>(st.st_size);
    if (looksSorted(std::string_view(static_cast<const char*>(map), size))) {
      out.emplace(WordList(map, size));
    } else {
      out.emplace(std::string(static_cast<const char*>(map), size));
      munmap(map, size);
    }
  } else {  // empty, or not a regular file (a pipe): read it
    std::string text;
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
    if (n == 0) out.emplace(std::move(text));
  }
  ::close(fd);
  return out;
}

bool WordList::contains(std::string_view word) const {
  // Binary search over bytes: `lo` and `hi` are line starts; the line around the middle byte decides.
  // Each probe compares the line in place (a line that ends in CR LF ends before the CR) and looks
  // for its end only when the search goes on after it: this is the splitter's inner loop.
  const char* const base = text_.data();
  const std::size_t size = text_.size();
  std::size_t lo = 0;
  std::size_t hi = size;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    // lo <= start <= mid < the line's end <= hi: each step narrows [lo, hi).
    const void* newline = mid > lo ? ::memrchr(base + lo, '\n', mid - lo) : nullptr;
    const std::size_t start = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - base) + 1 : lo;
    const char* const line = base + start;
    const std::size_t room = size - start;
    const auto endsAt = [&](std::size_t k) {
      return k == room || line[k] == '\n' || (line[k] == '\r' && (k + 1 == room || line[k + 1] == '\n'));
    };
    std::size_t i = 0;  // a word has no LF; a CR in it matches only a CR that does not end the line
    while (i < word.size() && i < room && line[i] == word[i] && (word[i] != '\r' || !endsAt(i))) ++i;
    const bool line_ends = endsAt(i);
    if (line_ends && i == word.size()) return true;
    const bool line_smaller =
        line_ends || (i < word.size() && static_cast<unsigned char>(line[i]) < static_cast<unsigned char>(word[i]));
    if (line_smaller) {
      const void* eol = i < room ? std::memchr(line + i, '\n', room - i) : nullptr;
      lo = eol ? static_cast<std::size_t>(static_cast<const char*>(eol) - base) + 1 : size;
    } else {
      hi = start;
    }
  }
  return false;
}

CompoundSplitter::CompoundSplitter(WordList words, CompoundOptions options)
    : words_(std::move(words)), options_(std::move(options)) {
  if (options_.shortest_first == 0) options_.shortest_first = options_.shortest;
}

// "verb" before "rechen", "bet" before "roffen": a prefix with a letter or two, before a part that
// starts with a vowel, r or l, which could have taken those letters ("Geld|strafe" is fine).
bool CompoundSplitter::prefixSeam(std::string_view part, std::string_view rest) const {
  if (rest.empty()) return false;
  const std::string lower = lowerCase(part);
  const bool prefix_like = std::any_of(options_.prefixes.begin(), options_.prefixes.end(), [&](const std::string& p) {
    return lower.size() <= p.size() + 2 && lower.compare(0, p.size(), p) == 0;
  });
  const char next = lowerAscii(rest[0]);
  return prefix_like && (std::string_view("aeiourl").find(next) != std::string_view::npos || (rest[0] & 0x80));
}

bool CompoundSplitter::clearSeam(std::string_view part, std::string_view rest) const {
  std::size_t at = part.size() - 1;
  while (at > 0 && (static_cast<unsigned char>(part[at]) & 0xC0) == 0x80) --at;
  std::size_t next = std::min<std::size_t>(rest.size(), 3);
  while (next < rest.size() && (static_cast<unsigned char>(rest[next]) & 0xC0) == 0x80) ++next;
  const std::string across = lowerCase(part.substr(at)) + lowerCase(rest.substr(0, next));
  return std::none_of(options_.onsets.begin(), options_.onsets.end(),
                      [&](const std::string& onset) { return across.compare(0, onset.size(), onset) == 0; });
}

bool CompoundSplitter::stemOfListed(std::string_view part, std::string_view rest) const {
  if (rest.empty() || letters(part) < options_.shortest || vowelAt(rest, 0) || vowelAt(part, part.size() - 1) ||
      !clearSeam(part, rest)) {
    return false;
  }
  const std::string lower = lowerCase(part);
  const std::string noun = capitalized(lower);
  const auto ends = [](const std::vector<std::string>& endings, const auto& found) {
    return std::any_of(endings.begin(), endings.end(), found);
  };
  return ends(options_.verb_endings, [&](const std::string& e) { return listed(lower + e); }) ||
         ends(options_.noun_endings, [&](const std::string& e) { return listed(noun + e); });
}

bool CompoundSplitter::known(std::string_view part, bool first, std::string_view rest) const {
  const std::size_t n = letters(part);
  if (n < (first ? options_.shortest_first : options_.shortest)) return false;
  const std::string lower = lowerCase(part);
  const auto refused = [&](const std::string& w) {
    return std::find(options_.not_parts.begin(), options_.not_parts.end(), w) != options_.not_parts.end();
  };
  if (refused(lower)) return false;
  const std::string noun = capitalized(lower);
  // The word as written only where it is neither form (an acronym's capitals): one search each.
  if (listed(lower) || listed(noun) || (part != lower && part != noun && listed(part))) {
    return n >= options_.shortest || (!rest.empty() && !vowelAt(rest, 0) && clearSeam(part, rest));
  }
  if (n < options_.shortest) return false;
  if (stemOfListed(part, rest)) return true;
  // A noun with the linking s of a first part (Abrüstung|s|konferenz, Arbeit|s|markt).
  const std::string_view stem = part.substr(0, part.size() - 1);
  return part.size() > 1 && part.back() == 's' && letters(stem) >= options_.shortest && stem.back() != 's' &&
         !refused(lowerCase(stem)) && listed(capitalized(lowerCase(stem)));
}

// The last part decides the word class: a noun ends in a noun (Schreib|tisch), an adjective or verb
// in a word the list writes in lower case (drama|tisch is no compound).
bool CompoundSplitter::headFits(std::string_view part, std::string_view word) const {
  std::size_t i = 0;
  const bool noun = u_isupper(static_cast<UChar32>(nextCodepoint(word, i))) != 0;
  const std::string lower = lowerCase(part);
  if (!noun) return listed(lower);
  const std::string capital = capitalized(lower);
  return listed(capital) || (part != capital && listed(part));
}

std::vector<std::string_view> CompoundSplitter::split(std::string_view word) const {
  // best[i]: the parts of word[i..], the best by `better`. Parts start at code
  // point boundaries only.
  const std::size_t n = word.size();
  std::vector<std::vector<std::string_view>> best(n + 1);
  std::vector<bool> done(n + 1, false);
  done[n] = true;
  // Fewest parts, then fewest later parts starting with "er" and a consonant, which the part before
  // could end in (Führer|scheine, not Führ|erscheine), then the longest last part.
  const auto er_starts = [](const std::vector<std::string_view>& parts) {
    return std::count_if(parts.begin() + 1, parts.end(), [](std::string_view p) {
      return p.size() > 2 && (p[0] == 'e' || p[0] == 'E') && p[1] == 'r' && !vowelAt(p, 2);
    });
  };
  const auto better = [&](const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    if (b.empty()) return true;
    if (a.size() != b.size()) return a.size() < b.size();
    if (const auto va = er_starts(a), vb = er_starts(b); va != vb) return va < vb;
    return a.back().size() > b.back().size();
  };
  for (std::size_t i = n; i-- > 0;) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;
    for (std::size_t j = n; j > i; --j) {
      if (!done[j] || (j < n && (static_cast<unsigned char>(word[j]) & 0xC0) == 0x80)) continue;
      if (i == 0 && j == n) continue;  // the whole word is not a split
      const std::string_view part = word.substr(i, j - i);
      if (!known(part, i == 0, word.substr(j)) || prefixSeam(part, word.substr(j))) continue;
      if (j == n && !headFits(part, word)) continue;
      std::vector<std::string_view> candidate{part};
      candidate.insert(candidate.end(), best[j].begin(), best[j].end());
      if (better(candidate, best[i])) best[i] = std::move(candidate);
    }
    done[i] = !best[i].empty();
  }
  return best[0];
}

std::string composeParts(const std::vector<std::string>& part_notations) {
  std::string out = " ";
  for (std::size_t k = 0; k < part_notations.size(); ++k) {
    std::string p = part_notations[k];
    // Alone, a part starts a clause; inside the word a vowel-initial part starts with a glottal stop.
    if (p.rfind(" _! ", 0) == 0) p.replace(0, 3, k > 0 ? " _|" : "");
    if (k > 0) std::replace(p.begin(), p.end(), '\'', ',');
    out += p.substr(1);  // both start with the padding space
  }
  return out;
}

bool differBeyondStress(std::string_view a, std::string_view b) {
  const auto bare = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c != '\'' && c != ',') out.push_back(c);
    }
    std::size_t at;
    while ((at = out.find(" _!")) != std::string::npos) out.erase(at, 3);
    while ((at = out.find(" _|")) != std::string::npos) out.erase(at, 3);
    return out;
  };
  return bare(a) != bare(b);
}

bool plainSeams(const std::vector<std::string_view>& parts) {
  for (std::size_t k = 1; k < parts.size(); ++k) {
    const std::string_view before = parts[k - 1];
    std::size_t at = before.size();
    while (at > 0 && (static_cast<unsigned char>(before[at - 1]) & 0xC0) == 0x80) --at;
    if (at > 0) --at;
    std::size_t first = 0;
    const char32_t last = nextCodepoint(before, at);
    if (parts[k].empty() || vowelLetter(nextCodepoint(parts[k], first)) || (vowelLetter(last) && last != 'e')) return false;
  }
  return true;
}

int primaryStressIndex(std::string_view notation) {
  int index = 0;
  std::size_t i = 0;
  while (i < notation.size()) {
    while (i < notation.size() && notation[i] == ' ') ++i;
    std::size_t j = i;
    while (j < notation.size() && notation[j] != ' ') ++j;
    const std::string_view token = notation.substr(i, j - i);
    i = j;
    if (token.empty() || token == "_!" || token == "_|") continue;
    if (token[0] == '\'') return index;
    ++index;
  }
  return -1;
}

}  // namespace vorlesen::pronounce
