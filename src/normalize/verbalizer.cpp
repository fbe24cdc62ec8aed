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

bool endsWith(std::string_view text, std::string_view ending) {
  return !ending.empty() && text.size() >= ending.size() &&
         text.compare(text.size() - ending.size(), ending.size(), ending) == 0;
}

// "vierzig" + "jährige" -> "vierzig‐jährige", "sechzig" + "-Jähriger" -> "sechzig‐Jähriger".
void joinAfterNumber(const std::string& number, const VerbalizerWords& w, std::string& text) {
  if (!endsWith(number, w.joiner_after)) return;
  if (!text.empty() && text[0] == '-') text.erase(0, 1);
  text.insert(0, w.joiner);
}

}  // namespace

std::vector<SpokenPart> verbalize(const Semiotic& s, const NumberSpeller& speller, const VerbalizerWords& w) {
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
    if (p.after_number && p.glue && !out.empty()) joinAfterNumber(out.back().text, w, text);
    text += p.suffix;
    if (text.empty()) continue;
    out.push_back(SpokenPart{std::move(text), p.source, p.glue});
  }
  return out;
}

}  // namespace vorlesen::normalize
