// Internal (normalizer): stage two — turn a classified Semiotic into spoken words.
//
// Each Part becomes one spoken piece (numbers through NumberSpeller, i.e. ICU), keeping the part's
// source span. The grammar was settled by the classifier; this stage only spells. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "normalize/number_speller.h"
#include "normalize/semiotic.h"

namespace vorlesen::normalize {

struct SpokenPart {
  std::string text;
  Span source;
  bool glue = false;
};

std::vector<SpokenPart> verbalize(const Semiotic& s, const NumberSpeller& speller);

}  // namespace vorlesen::normalize
