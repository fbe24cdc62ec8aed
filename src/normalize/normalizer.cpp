#include "vorlesen/normalizer.h"

#include "normalize/classifier.h"
#include "normalize/german_data.h"
#include "normalize/number_speller.h"
#include "normalize/tokenizer.h"
#include "normalize/verbalizer.h"
#include "vorlesen/language_data.h"

namespace vorlesen {

struct Normalizer::Impl {
  explicit Impl(const LanguageData& data)
      : german(data),
        speller(german.ordinalStems()),
        verbalizer_words{german.word("suffix-joiner"), german.word("suffix-joiner-after")} {}
  normalize::GermanData german;
  normalize::NumberSpeller speller;
  normalize::VerbalizerWords verbalizer_words;
};

Normalizer::Normalizer(const LanguageData& data) : impl_(std::make_unique<Impl>(data)) {}
Normalizer::~Normalizer() = default;

namespace {

// Appends spoken pieces, one space between words, and keeps the alignment.
class Emitter {
 public:
  explicit Emitter(SpokenText& out) : out_(out) {}

  // `space`: a space goes before this piece. A `passthrough` piece (source read as written) glued to the
  // previous pass-through piece extends it, so "Haus." stays one piece.
  void emit(std::string_view spoken, Span source, bool space, bool passthrough) {
    if (out_.text.empty()) space = false;
    if (space) out_.text.push_back(' ');
    const std::size_t begin = out_.text.size();
    out_.text.append(spoken);
    if (!space && passthrough && last_passthrough_ && !out_.pieces.empty() &&
        out_.pieces.back().source.end == source.begin) {
      out_.pieces.back().spoken.end = out_.text.size();
      out_.pieces.back().source.end = source.end;
    } else {
      out_.pieces.push_back(AlignedPiece{Span{begin, out_.text.size()}, source});
    }
    last_passthrough_ = passthrough;
  }

 private:
  SpokenText& out_;
  bool last_passthrough_ = false;
};

}  // namespace

SpokenText Normalizer::normalize(std::string_view text, Span within) const {
  using namespace normalize;
  SpokenText out;
  if (within.end > text.size()) within.end = text.size();
  if (within.begin >= within.end) return out;
  out.text.reserve(within.size() + within.size() / 4);
  const std::vector<Token> tokens = tokenize(text, within);
  const Classifier classifier(impl_->german, text, within, tokens);
  Emitter emitter(out);
  bool pending_space = false;
  bool after_rewrite = false;
  Semiotic s;
  for (std::size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::Space) {
      pending_space = true;
      ++i;
      continue;
    }
    if (classifier.classify(i, s) && s.last > i) {
      const std::vector<SpokenPart> parts = verbalize(s, impl_->speller, impl_->verbalizer_words);
      Rewrite rw;
      rw.source = Span{tokens[s.first].span.begin, tokens[s.last - 1].span.end};
      rw.token_class = className(s.cls);
      // A rewrite is set off by spaces, except where a part glues to the one before ("vierzig" +
      // "jährige") or the rewrite directly follows an opening bracket, quote or hyphen ("(fünfzehn").
      const bool after_opening = !pending_space && i > 0 && tokens[i - 1].kind == TokenKind::Symbol &&
                                 (tokens[i - 1].text == "(" || tokens[i - 1].text == "\"" ||
                                  tokens[i - 1].text == "\xE2\x80\x9E" || tokens[i - 1].text == "-");
      bool first = true;
      for (const SpokenPart& p : parts) {
        const bool space = first ? !after_opening && (pending_space || !p.glue) : !p.glue;
        emitter.emit(p.text, p.source, space, false);
        if (!rw.spoken.empty() && !p.glue) rw.spoken.push_back(' ');
        rw.spoken += p.text;
        first = false;
      }
      out.rewrites.push_back(std::move(rw));
      pending_space = false;
      after_rewrite = true;
      i = s.last;
      continue;
    }
    const bool wordlike = t.kind == TokenKind::Word || t.kind == TokenKind::Number;
    emitter.emit(t.text, t.span, pending_space || (after_rewrite && wordlike), true);
    pending_space = false;
    after_rewrite = false;
    ++i;
  }
  return out;
}

}  // namespace vorlesen
