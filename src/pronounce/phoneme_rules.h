// vorlesen — phoneme rules: eSpeak NG's own reading of a word, corrected where it errs by rule.
//
//   word + eSpeak's phonemes ("z|'A:|g|t|@") --PhonemeRules::apply()--> "z|'A:|k|t|@" (or unchanged)
//
// The rules come from voices/de/phoneme_rules.tsv (format documented there): classes of phonemes and
// rules (a spelling condition on the word, an ICU regular expression over the phonemes, a
// replacement), applied in file order. Rules see the phonemes as tokens separated by single spaces,
// with a space at both ends and each stress mark before its vowel: " z 'A: g t @ ".
// PhonemeRules is immutable after construction and thread-safe; as a PhonemeRewriter it runs on
// the synthesis thread, where eSpeak NG gives the phonemes (see synthesizer.h).
#pragma once

#include <unicode/regex.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pronounce/compounds.h"
#include "pronounce/spelling_hint.h"
#include "vorlesen/language_data.h"
#include "vorlesen/synthesizer.h"

namespace vorlesen::pronounce {

// "z|'A:|g|t|@" -> " z 'A: g t @ ", and back. "_|" (eSpeak's glottal stop) is one token.
std::string toRuleNotation(std::string_view espeak);
std::string toEspeakNotation(std::string_view notation);

struct RuleResult {
  std::string phonemes;              // eSpeak notation; empty: no rule changed the word
  std::vector<std::string> because;  // origins of the rules that changed it ("phoneme_rules.tsv:40")
};

class PhonemeRules final : public PhonemeRewriter {
 public:
  // Throws Error::data naming FILE:LINE for a malformed row, an unknown class or a bad expression.
  // `part_readings` (lower-case word -> eSpeak phonemes, '|' between them): the lexicons' phoneme
  // readings, which also hold for the word as a part of a compound (Agentur -> Nachrichtenagentur).
  explicit PhonemeRules(const TsvTable& table, std::map<std::string, std::string, std::less<>> part_readings = {});
  ~PhonemeRules() override;
  PhonemeRules(const PhonemeRules&) = delete;
  PhonemeRules& operator=(const PhonemeRules&) = delete;

  // eSpeak's phonemes of one word, corrected by the rules (not split: see respell()).
  RuleResult apply(std::string_view word, std::string_view espeak) const;
  // Problems that did not stop loading (a missing word list), for the command line to print.
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Every word of `text` (hyphenated words part by part) of two or more letters; a compound that
  // the word list splits is read part by part where that differs from eSpeak's reading of the whole.
  std::vector<PhonemeRespelling> respell(std::string_view text, const PhonemeLookup& espeak) const override;
  std::size_t size() const;

 private:
  struct Rule;
  void loadCompoundRow(const std::vector<std::string>& fields, const std::string& where, const std::string& dir);
  RuleResult applyRules(std::string_view word, std::string notation, const std::string& before) const;
  // The compound's reading part by part (empty when the word list does not split it), `whole` when
  // that reading is no better than eSpeak's.
  std::string compoundReading(std::string_view word, const std::string& whole, const PhonemeLookup& espeak,
                              std::vector<std::string>& because) const;
  // A word's (or a compound's last part's) reading with the stress the first fitting `suffix` row
  // gives, then through the `part` rows.
  std::string partReading(std::string_view word, std::string notation, std::vector<std::string>& because) const;
  // `notation` with its primary stress moved to vowel `stress` (rule notation); whether it changed.
  bool restress(int stress, icu::UnicodeString& notation) const;
  // A word as the rows' spelling conditions test it: for ICU's matcher and for the rows' hints.
  struct SpelledWord {
    explicit SpelledWord(std::string_view utf8)
        : text(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())))),
          hint(utf8) {}
    icu::UnicodeString text;
    HintWord hint;
  };
  // The phonemes being rewritten, with their HintWord made once a phoneme hint needs it and made
  // again only after a row changed them.
  struct Notation {
    explicit Notation(const std::string& utf8) : text(icu::UnicodeString::fromUTF8(utf8)) {}
    const HintWord& hintWord() {
      if (!hint) hint.emplace(text);
      return *hint;
    }
    icu::UnicodeString text;
    std::optional<HintWord> hint;
  };
  // One rewrite row (rule or part; `row` counts rules_, then part_rules_) on `phonemes`; whether it
  // changed them.
  bool rewrite(const Rule& rule, std::size_t row, icu::RegexMatcher* spelling, icu::RegexMatcher* phonemes,
               const SpelledWord& word, Notation& notation) const;
  // Whether a row's spelling condition and phoneme pattern both hold, tested in the order that has
  // been cheaper so far (see ConditionOrder).
  bool conditionsHold(std::size_t row, icu::RegexMatcher& spelling, icu::RegexMatcher& phonemes,
                      const icu::UnicodeString& word, const icu::UnicodeString& notation) const;
  struct ConditionOrder;
  std::unique_ptr<ConditionOrder[]> orders_;  // per row as `row` counts them
  std::shared_ptr<const CompoundSplitter> splitter_;  // shared by every PhonemeRules with the same list
  std::map<std::string, std::string, std::less<>> part_readings_;
  // respell()'s answer per word, made once: most words of an article come again and again.
  struct Answer {
    bool respelled = false;
    std::string phonemes, espeak, because;
  };
  Answer answer(std::string_view word, const PhonemeLookup& espeak) const;
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, Answer, std::less<>> cache_;  // guarded by cache_mutex_
  CompoundOptions compound_;  // the compound rows before the "compound words" row
  std::string compound_origin_;
  std::vector<std::string> warnings_;
  std::vector<Rule> rules_;
  std::vector<Rule> part_rules_;  // "suffix" and "part" rows: the last part, before compounds are joined
  std::vector<const icu::RegexPattern*> patterns_;  // per rule, then per part rule: spelling, phonemes
                                                    // (either may be null)
  std::vector<std::string> vowels_;  // the class "vowel", for stress rules
  std::uint64_t id_;
};

}  // namespace vorlesen::pronounce
