#include "pronounce/compounds.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "pronounce/words.h"
#include "vorlesen/text.h"

namespace vorlesen::pronounce {

namespace {

std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) nextCodepoint(s, i);
  return n;
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

CompoundSplitter::CompoundSplitter(std::string words, std::size_t shortest, std::vector<std::string> not_parts,
                                   std::vector<std::string> prefixes)
    : text_(std::move(words)), shortest_(shortest), not_parts_(std::move(not_parts)), prefixes_(std::move(prefixes)) {
  words_.reserve(text_.size() / 12);
  std::size_t i = 0;
  const std::string_view all(text_);
  while (i < all.size()) {
    std::size_t eol = all.find('\n', i);
    if (eol == std::string_view::npos) eol = all.size();
    std::string_view w = all.substr(i, eol - i);
    if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
    if (w.size() >= shortest_) words_.insert(w);
    i = eol + 1;
  }
}

bool CompoundSplitter::known(std::string_view part) const {
  if (letters(part) < shortest_) return false;
  const std::string lower = lowerCase(part);
  if (std::find(not_parts_.begin(), not_parts_.end(), lower) != not_parts_.end()) return false;
  for (const std::string& p : prefixes_) {
    if (lower.size() <= p.size() + 2 && lower.compare(0, p.size(), p) == 0) return false;
  }
  return words_.count(part) > 0 || words_.count(lower) > 0 || words_.count(capitalized(lower)) > 0;
}

std::vector<std::string_view> CompoundSplitter::split(std::string_view word) const {
  // best[i]: the parts of word[i..]; fewest parts, then the longest last part. Parts start at code
  // point boundaries only.
  const std::size_t n = word.size();
  std::vector<std::vector<std::string_view>> best(n + 1);
  std::vector<bool> done(n + 1, false);
  done[n] = true;
  const auto better = [](const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    if (b.empty()) return true;
    if (a.size() != b.size()) return a.size() < b.size();
    return a.back().size() > b.back().size();
  };
  for (std::size_t i = n; i-- > 0;) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) continue;
    for (std::size_t j = n; j > i; --j) {
      if (!done[j] || (j < n && (static_cast<unsigned char>(word[j]) & 0xC0) == 0x80)) continue;
      if (i == 0 && j == n) continue;  // the whole word is not a split
      const std::string_view part = word.substr(i, j - i);
      if (!known(part)) continue;
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

}  // namespace vorlesen::pronounce
