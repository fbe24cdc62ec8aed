// Classifier: scores.
#include <string>

#include "normalize/classifier_internal.h"

namespace vorlesen::normalize {

bool Classifier::score(std::size_t i, Semiotic& out) const {
  // "2:1" (a clock time needs two-digit minutes and was tried first).
  if (!isSym(i + 1, ":") || !isNum(i + 2) || toks_[i].text.size() > 2 || toks_[i + 2].text.size() > 2 ||
      isSym(i + 3, ":")) {
    return false;
  }
  out = Semiotic{};
  out.cls = TokenClass::Score;
  out.first = i;
  out.last = i + 3;
  out.parts.push_back(numberPart(toks_[i].span, toks_[i].text, NumberForm::Numbering));
  out.parts.push_back(words(toks_[i + 1].span, data_.word("score")));
  out.parts.push_back(numberPart(toks_[i + 2].span, toks_[i + 2].text, NumberForm::Numbering));
  compoundSuffix(out);
  return true;
}

}  // namespace vorlesen::normalize
