#include "vorlesen/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/unistr.h>

#include "common/icu_util.h"
#include "vorlesen/language_data.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {
// Text without any sentence end is cut near this many bytes (at a space), so that one sentence
// never grows without bound: eSpeak and the screen both want pieces of a reasonable size.
constexpr std::size_t kMaxSentenceBytes = 1000;
}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
};

Segmenter::Segmenter(const LanguageData& data) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale german("de");
  std::unique_ptr<icu::BreakIterator> base(icu::BreakIterator::createSentenceInstance(german, status));
  icu_util::check(status, "sentence break iterator for German");
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(german, status));
  icu_util::check(status, "break suppressions for German");
  // Abbreviations ending in a dot do not end a sentence ("Dr.", "z. B.", "Nr.").
  for (const char* table_name : {"abbreviations", "segment_exceptions"}) {
    const TsvTable* table = data.find(table_name);
    if (!table) continue;
    for (const auto& row : table->rows) {
      const std::string& written = row.fields.front();
      if (written.empty() || written.back() != '.') continue;
      builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(written), status);
      icu_util::check(status, "adding a break suppression");
    }
  }
  impl_->breaker.reset(builder->wrapIteratorWithFilter(base.release(), status));
  icu_util::check(status, "filtered sentence break iterator");
}

Segmenter::~Segmenter() = default;

std::vector<Span> Segmenter::split(std::string_view text, Span within) const {
  std::vector<Span> out;
  auto emit = [&](std::size_t b, std::size_t e) {
    // Trim, then cut over-long pieces at the last space before the limit.
    while (b < e) {
      const std::string_view raw = text.substr(b, e - b);
      const std::string_view t = trim(raw);
      if (t.empty()) return;
      b += static_cast<std::size_t>(t.data() - raw.data());
      const std::size_t end = b + t.size();
      if (t.size() <= kMaxSentenceBytes) {
        out.push_back(Span{b, end});
        return;
      }
      std::size_t cut = t.rfind(' ', kMaxSentenceBytes);
      if (cut == std::string_view::npos || cut == 0) {
        // No space: cut at a code point boundary.
        cut = kMaxSentenceBytes;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
      }
      out.push_back(Span{b, b + cut});
      b += cut;
      e = end;
    }
  };

  const std::string_view part = text.substr(within.begin, within.size());
  auto ut = icu_util::openUtf8(part);
  UErrorCode status = U_ZERO_ERROR;
  impl_->breaker->setText(ut.get(), status);
  icu_util::check(status, "setting sentence text");
  std::int32_t start = impl_->breaker->first();
  for (std::int32_t end = impl_->breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = impl_->breaker->next()) {
    emit(within.begin + static_cast<std::size_t>(start), within.begin + static_cast<std::size_t>(end));
  }
  return out;
}

}  // namespace vorlesen
