// `vorlesen normalize`: stdin -> stdout, one output line per input line: the words that will be spoken.
#include <iostream>
#include <memory>
#include <string>

#include "cli/app.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/language_data.h"
#include "vorlesen/normalizer.h"
#include "vorlesen/pronouncer.h"
#include "vorlesen/settings.h"
#include "vorlesen/synthesizer.h"
#include "vorlesen/text.h"

namespace vorlesen::cli {

namespace {

struct NormalizeOptions {
  bool explain = false;
  bool ipa = false;
  std::vector<std::string> lexicons;
};

// eSpeak NG's phonemes for `vorlesen normalize --ipa`; made only when asked for (it starts eSpeak).
struct PhonemeOutput {
  EspeakSynthesizer synth;

  // The IPA of the line, as eSpeak NG will speak it.
  std::string ipa(const Pronounced& p) { return synth.spokenIpa(p.spoken.text, p.runs); }

  // LINE<TAB>rule<TAB>WORD<TAB>[[NEW]]<TAB>[[ESPEAK]]<TAB>RULES for each word the phoneme rules respell.
  void explain(std::size_t line_no, const Pronounced& p) {
    const PhonemeLookup lookup = [this](std::string_view word) { return synth.wordPhonemes(word); };
    for (const VoiceRun& run : p.runs) {
      if (!run.rewriter) continue;
      const std::string_view stretch = std::string_view(p.spoken.text).substr(run.text.begin, run.text.size());
      for (const PhonemeRespelling& r : run.rewriter->respell(stretch, lookup)) {
        std::cerr << line_no << "\trule\t" << stretch.substr(r.word.begin, r.word.size()) << "\t[[" << r.phonemes << "]]\t[["
                  << r.espeak << "]]\t" << r.because << '\n';
      }
    }
  }
};

// The line as words: a word the lexicon gives as eSpeak phonemes ("[[k'OntsErn]]") is shown as the
// word it replaces (the lexicon decisions come in text order), so the output stays readable text;
// what it sounds like is `--ipa`'s job.
std::string readableText(const Pronounced& p) {
  const std::string& spoken = p.spoken.text;
  std::string out;
  std::size_t at = 0;
  for (const PronunciationDecision& d : p.decisions) {
    if (d.kind != PronunciationKind::Lexicon || d.reading.rfind("[[", 0) != 0) continue;
    const std::size_t found = spoken.find(d.reading, at);
    if (found == std::string::npos) continue;
    out.append(spoken, at, found - at).append(d.word);
    at = found + d.reading.size();
  }
  return out.append(spoken, at, std::string::npos);
}

int runNormalize(const NormalizeOptions& opt) {
  // The words that will be spoken: normalized, then pronounced (lexicons, acronyms, foreign words),
  // exactly as Pipeline::prepare() does for render and play.
  const Normalizer normalizer(LanguageData::german());
  std::vector<Lexicon> lexicons;
  for (const std::string& path : lexiconFiles(opt.lexicons)) lexicons.push_back(Lexicon::load(path));
  const Pronouncer pronouncer(LanguageData::german(), std::move(lexicons));
  for (const std::string& w : pronouncer.warnings()) warn(w);
  std::unique_ptr<PhonemeOutput> phonemes;
  if (opt.ipa) phonemes = std::make_unique<PhonemeOutput>();
  std::ios::sync_with_stdio(false);
  std::string line;
  std::size_t line_no = 0;
  bool warned = false;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Utf8Repair repaired = repairUtf8(line);
    if (repaired.bad_sequences > 0 && !warned) {
      warn(format(tr("<stdin>:{}: invalid UTF-8 replaced by U+FFFD (reported once)"), line_no));
      warned = true;
    }
    blankControlCharacters(repaired.text);
    const Pronounced pronounced = pronouncer.pronounce(normalizer.normalize(repaired.text));
    std::cout << (phonemes ? phonemes->ipa(pronounced) : readableText(pronounced)) << '\n';
    if (opt.explain) {
      for (const Rewrite& r : pronounced.spoken.rewrites) {
        std::cerr << line_no << '\t' << r.token_class << '\t'
                  << std::string_view(repaired.text).substr(r.source.begin, r.source.size()) << '\t' << r.spoken
                  << '\n';
      }
      for (const PronunciationDecision& d : pronounced.decisions) std::cerr << line_no << '\t' << describe(d) << '\n';
      if (phonemes) phonemes->explain(line_no, pronounced);
    }
  }
  std::cout.flush();
  if (!std::cout) throw Error::output(tr("<stdout>: write failed"));
  return kExitOk;
}

}  // namespace

Command addNormalizeCommand(CLI::App& app) {
  auto opt = std::make_shared<NormalizeOptions>();
  CLI::App* sub = app.add_subcommand(
      "normalize", tr("print the words that will be spoken: stdin -> stdout, one output line per input line"));
  sub->add_flag("--explain", opt->explain,
                tr("also print each rewritten token on stderr as LINE<TAB>CLASS<TAB>SOURCE<TAB>SPOKEN"));
  sub->add_flag("--ipa", opt->ipa,
                tr("print the IPA eSpeak NG will speak for each line instead of its words; with --explain, also "
                   "each word the phoneme rules respell as LINE<TAB>rule<TAB>WORD<TAB>[[PHONEMES]]<TAB>[[ESPEAK]]<TAB>RULES"));
  sub->add_option("--lexicon", opt->lexicons,
                  tr("pronunciation lexicon (TSV, format in voices/de/lexicon.tsv); repeatable, later ones win"))
      ->type_name("FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  return Command{sub, [opt] { return runNormalize(*opt); }};
}

}  // namespace vorlesen::cli
