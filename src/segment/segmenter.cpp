#include "vorlesen/segmenter.h"

#include <unicode/brkiter.h>

#include <algorithm>

#include "common/icu_util.h"
#include "segment/sentence_rules.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

// Text without any sentence end is cut near this many bytes, so that one sentence never grows
// without bound: eSpeak and the screen both want pieces of a reasonable size.
constexpr std::size_t kMaxSentenceBytes = 1000;

// Where to cut an over-long piece `t` (longer than kMaxSentenceBytes): after the last ", " ";
// " or ": " in the second half of the window, else at the last space, else at a code point
// boundary. Never 0, never more than kMaxSentenceBytes.
std::size_t cutPoint(std::string_view t) {
  std::size_t best = 0;
  for (std::string_view mark : {", ", "; ", ": "}) {
    const std::size_t at = t.rfind(mark, kMaxSentenceBytes - mark.size());
    if (at != std::string_view::npos && at + 1 >= kMaxSentenceBytes / 2) best = std::max(best, at + 1);
  }
  if (best > 0) return best;
  const std::size_t space = t.rfind(' ', kMaxSentenceBytes);
  if (space != std::string_view::npos && space > 0) return space;
  std::size_t cut = kMaxSentenceBytes;
  while (cut > 1 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

constexpr std::string_view kEllipsis = "\u2026";

bool isAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// A sentence end that ICU's rules (UAX #29) do not propose, after the terminator at
// block[pos, pos + length), before `limit`; npos if there is none:
//  - ". 2024 war es …": rule SB8 looks past the number to the lowercase word and joins;
//  - "… Peking.Martin …": page dumps glue a sentence to the next line's first word; only after a
//    word of three or more ASCII letters, lower case after the first (not "z.B.Äpfel", "Ges.m.b.H.");
//  - "Er wartete … Dann": ICU does not count "…" as a terminator.
std::size_t extraEnd(std::string_view block, std::size_t pos, std::size_t length, std::size_t limit) {
  std::size_t after = pos + length;
  while (after < limit && block[after] == ' ') ++after;
  if (after >= limit) return std::string::npos;
  const bool spaced = after > pos + length;
  if (length == 1 && spaced && isAsciiDigit(block[after])) return after;
  if (length == 1 && !spaced && startsWithCapital(block.substr(after))) {
    std::size_t letters = 0;
    while (letters < pos && letters < 64 && isAsciiLower(block[pos - 1 - letters])) ++letters;
    if (letters < pos && block[pos - 1 - letters] >= 'A' && block[pos - 1 - letters] <= 'Z') ++letters;
    const bool word_start = letters == pos || block[pos - 1 - letters] == ' ';
    if (letters >= 3 && word_start) return after;
  }
  if (length > 1 && spaced && startsWithCapital(block.substr(after))) return after;
  return std::string::npos;
}

// ICU ends a sentence at every line break (SB4). Inside a block a line break is only a hard wrap,
// so the iterator sees a copy with line separators made spaces, byte for byte (offsets stay).
void blankLineBreaks(std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      s[i] = ' ';
    } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\x85') {  // U+0085 NEL
      s.replace(i, 2, "  ");
    } else if (c == '\xE2' && s.compare(i, 2, "\xE2\x80") == 0 && i + 2 < s.size() &&
               (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {  // U+2028, U+2029
      s.replace(i, 3, "   ");
    }
  }
}

}  // namespace

struct Segmenter::Impl {
  explicit Impl(const LanguageData& data) : rules(data) {}
  segment::SentenceRules rules;
  std::unique_ptr<icu::BreakIterator> breaker;
  std::string scratch;  // the block with line breaks blanked, reused between calls
};

Segmenter::Segmenter(const LanguageData& data) : impl_(std::make_unique<Impl>(data)) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->breaker.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("de"), status));
  icu_util::check(status, "sentence break iterator for German");
}

Segmenter::~Segmenter() = default;

std::vector<Span> Segmenter::split(std::string_view text, Span within) const {
  std::vector<Span> out;
  const std::size_t base = within.begin;
  // Appends the trimmed piece [b, e) of the block, cut into bounded parts.
  auto emit = [&](std::string_view block, std::size_t b, std::size_t e) {
    while (b < e) {
      const std::string_view raw = block.substr(b, e - b);
      const std::string_view t = trim(raw);
      if (t.empty()) return;
      b += static_cast<std::size_t>(t.data() - raw.data());
      if (t.size() <= kMaxSentenceBytes) {
        out.push_back(Span{base + b, base + b + t.size()});
        return;
      }
      const std::size_t cut = cutPoint(t);
      const std::string_view piece = trim(t.substr(0, cut));
      if (!piece.empty()) out.push_back(Span{base + b, base + b + piece.size()});
      b += cut;
    }
  };

  std::string& block = impl_->scratch;
  block.assign(text.substr(within.begin, within.size()));
  blankLineBreaks(block);
  auto ut = icu_util::openUtf8(block);
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator& breaker = *impl_->breaker;
  breaker.setText(ut.get(), status);
  icu_util::check(status, "setting sentence text");

  std::size_t start = 0;
  auto propose = [&](std::size_t boundary) {
    if (boundary < block.size() && !impl_->rules.endsSentence(block, start, boundary)) return;
    emit(block, start, boundary);
    start = boundary;
  };
  // Sentence ends ICU does not propose, checked by the rules like its own (see extraEnd()).
  std::size_t next_dot = block.find('.');
  std::size_t next_ellipsis = block.find(kEllipsis);
  std::vector<std::size_t> extra;
  for (std::int32_t end = breaker.next(); end != icu::BreakIterator::DONE; end = breaker.next()) {
    const auto boundary = static_cast<std::size_t>(end);
    extra.clear();
    for (; next_dot < boundary; next_dot = block.find('.', next_dot + 1)) {
      const std::size_t e = extraEnd(block, next_dot, 1, boundary);
      if (e != std::string::npos) extra.push_back(e);
    }
    for (; next_ellipsis < boundary; next_ellipsis = block.find(kEllipsis, next_ellipsis + 1)) {
      const std::size_t e = extraEnd(block, next_ellipsis, kEllipsis.size(), boundary);
      if (e != std::string::npos) extra.push_back(e);
    }
    std::sort(extra.begin(), extra.end());
    for (const std::size_t e : extra) propose(e);
    propose(boundary);
  }
  emit(block, start, block.size());
  // The iterator keeps a shallow clone of the UText, pointing into `scratch`: detach it, so that
  // nothing refers to the buffer between calls.
  breaker.setText(icu::UnicodeString());
  return out;
}

}  // namespace vorlesen
