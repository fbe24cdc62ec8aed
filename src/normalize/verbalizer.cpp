#include "normalize/verbalizer.h"

namespace vorlesen::normalize {

namespace {

std::string spellLetters(std::string_view letters) {
  std::string out;
  for (char c : letters) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

void capitalizeFirst(std::string& s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
}

}  // namespace

std::vector<SpokenPart> verbalize(const Semiotic& s, const NumberSpeller& speller) {
  std::vector<SpokenPart> out;
  out.reserve(s.parts.size());
  for (const Part& p : s.parts) {
    std::string text;
    switch (p.kind) {
      case PartKind::Number: text = speller.spell(p.text, p.form); break;
      case PartKind::Digits: text = speller.digitByDigit(p.text); break;
      case PartKind::Words: text = p.text; break;
      case PartKind::Letters: text = spellLetters(p.text); break;
    }
    if (!p.drop_ending.empty() && text.size() >= p.drop_ending.size() &&
        text.compare(text.size() - p.drop_ending.size(), p.drop_ending.size(), p.drop_ending) == 0) {
      text.resize(text.size() - p.drop_ending.size());
    }
    if (p.capitalize) capitalizeFirst(text);
    text += p.suffix;
    if (text.empty()) continue;
    out.push_back(SpokenPart{std::move(text), p.source, p.glue});
  }
  return out;
}

}  // namespace vorlesen::normalize
