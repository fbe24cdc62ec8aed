// Internal (normalizer): stage two — turn a classified Semiotic into spoken words.
//
// Each Part becomes one spoken piece (numbers through NumberSpeller, i.e. ICU), keeping the part's
// source span. The grammar was settled by the classifier; this stage only spells. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "normalize/number_speller.h"
#include "normalize/semiotic.h"

namespace vorlesen::normalize {

struct SpokenPart {
  std::string text;
  Span source;
  bool glue = false;
};

// How a number and a word glued to it are joined (words.tsv): after a number word ending in
// `joiner_after` ("ig"), `joiner` (U+2010) replaces the hyphen or stands between them.
struct VerbalizerWords {
  std::string joiner;
  std::string joiner_after;
};

std::vector<SpokenPart> verbalize(const Semiotic& s, const NumberSpeller& speller, const VerbalizerWords& w);

}  // namespace vorlesen::normalize
