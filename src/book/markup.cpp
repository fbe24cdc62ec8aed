#include "book/markup.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <numeric>

#include "vorlesen/error.h"
#include "vorlesen/fetch.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen::book {

namespace {

constexpr std::size_t kLabelBytes = 100;

// One line of `text`, at most about `limit` bytes, cut after a word and marked with "…" when cut.
std::string shortLine(std::string_view text, std::size_t limit) {
  // Only the start is needed: never copy a whole (possibly huge) block.
  const bool truncated = text.size() > 4 * limit;
  std::size_t head = truncated ? 4 * limit : text.size();
  while (truncated && head > 0 && (static_cast<unsigned char>(text[head]) & 0xC0) == 0x80) --head;
  std::string line = collapseWhiteSpace(text.substr(0, head));
  if (!truncated && line.size() <= limit) return line;
  std::size_t cut = line.rfind(' ', std::min(limit, line.size()));
  if (cut == std::string::npos || cut == 0) {
    cut = std::min(limit, line.size());
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  }
  return line.substr(0, cut) + "\u2026";
}

// Words of one sentence, clamped to it, merged where their spans overlap, in source order; each
// keeps the earliest sample of the words merged into it.
std::vector<WordLayout> mergedWords(const TimedSentence& timed, Span sentence) {
  std::vector<WordLayout> words;
  for (const WordTiming& w : timed.timing.words) {
    const Span s{std::max(w.source.begin, sentence.begin), std::min(w.source.end, sentence.end)};
    if (s.begin < s.end) words.push_back(WordLayout{{}, s, Clip{w.sample, w.sample}});
  }
  std::stable_sort(words.begin(), words.end(), [](const WordLayout& a, const WordLayout& b) {
    return a.source.begin < b.source.begin;
  });
  std::vector<WordLayout> merged;
  for (const WordLayout& w : words) {
    if (!merged.empty() && w.source.begin < merged.back().source.end) {
      merged.back().source.end = std::max(merged.back().source.end, w.source.end);
      merged.back().clip.begin = std::min(merged.back().clip.begin, w.clip.begin);
    } else {
      merged.push_back(w);
    }
  }
  return merged;
}

// Gives each word its id and its clip: from its first sample to the next word's in time order, the
// first from the sentence's start, the last to the sentence's end.
void timeWords(SentenceLayout& s) {
  std::vector<std::size_t> order(s.words.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return s.words[a].clip.begin < s.words[b].clip.begin; });
  auto clamp = [&](std::size_t sample) { return std::min(std::max(sample, s.clip.begin), s.clip.end); };
  for (std::size_t k = 0; k < order.size(); ++k) {
    WordLayout& w = s.words[order[k]];
    const std::size_t begin = k == 0 ? s.clip.begin : clamp(w.clip.begin);
    const std::size_t end = k + 1 < order.size() ? clamp(s.words[order[k + 1]].clip.begin) : s.clip.end;
    w.clip = Clip{begin, std::max(begin, end)};
  }
  for (std::size_t i = 0; i < s.words.size(); ++i) s.words[i].id = s.id + "w" + std::to_string(i + 1);
}

// The timings must fit the document they were made for; they come from a file.
void checkTimings(const BookArticle& article) {
  const Document& doc = article.doc;
  std::size_t previous_block = 0, previous_sample = 0;
  for (const TimedSentence& t : article.timings.sentences) {
    const bool fits = t.block < doc.blocks.size() && t.block >= previous_block && t.source.begin < t.source.end &&
                      t.source.begin >= doc.blocks[t.block].span.begin && t.source.end <= doc.blocks[t.block].span.end &&
                      t.timing.first_sample >= previous_sample && t.timing.first_sample <= article.timings.total_samples;
    if (!fits) throw Error::data(format(tr("{}: the timings do not fit the article"), doc.name));
    previous_block = t.block;
    previous_sample = t.timing.first_sample;
  }
}

// The article (at its first sentence heard) and its headings (each at its first sentence heard).
std::vector<NavPoint> navPoints(const BookArticle& article, const ArticleLayout& layout) {
  std::vector<NavPoint> nav;
  std::size_t last_block = SIZE_MAX;
  for (std::size_t i = 0; i < layout.sentences.size(); ++i) {
    const SentenceLayout& s = layout.sentences[i];
    if (s.clip.empty() || s.block == last_block) continue;
    last_block = s.block;
    if (nav.empty()) {
      nav.push_back(NavPoint{1, articleTitle(article), i});
    } else if (article.doc.blocks[s.block].kind == BlockKind::Heading) {
      nav.push_back(NavPoint{2, shortLine(article.doc.slice(article.doc.blocks[s.block].span), kLabelBytes), i});
    }
  }
  return nav;
}

// A block's text with its sentences (and their words) as elements.
class InlineWriter {
 public:
  InlineWriter(const BookArticle& article, const ArticleLayout& layout, bool words)
      : doc_(article.doc), sentences_(layout.sentences), words_(words) {}

  std::string block(std::size_t b) {
    const Span span = doc_.blocks[b].span;
    while (next_ < sentences_.size() && sentences_[next_].block < b) ++next_;
    std::string out;
    std::size_t at = span.begin;
    for (; next_ < sentences_.size() && sentences_[next_].block == b; ++next_) {
      const SentenceLayout& s = sentences_[next_];
      if (s.source.begin < at) continue;
      out += text(at, s.source.begin) + "<span id=\"" + s.id + "\">" + sentence(s) + "</span>";
      at = s.source.end;
    }
    return out + text(at, span.end);
  }

 private:
  std::string sentence(const SentenceLayout& s) const {
    if (!words_) return text(s.source.begin, s.source.end);
    std::string out;
    std::size_t at = s.source.begin;
    for (const WordLayout& w : s.words) {
      out += text(at, w.source.begin) + "<span id=\"" + w.id + "\">" + text(w.source.begin, w.source.end) + "</span>";
      at = w.source.end;
    }
    return out + text(at, s.source.end);
  }
  std::string text(std::size_t begin, std::size_t end) const {
    return begin < end ? xmlText(doc_.slice(Span{begin, end})) : std::string();
  }

  const Document& doc_;
  const std::vector<SentenceLayout>& sentences_;
  bool words_;
  std::size_t next_ = 0;
};

std::string sourceLine(const BookArticle& article, bool html5) {
  if (article.source.empty() && article.date.empty()) return {};
  // A link stays one a reader can follow; a file's name is only named (its folder is nobody's business).
  const std::string name = xmlText(sourceName(article));
  std::string line = "<cite>" + (isUrl(article.source) ? "<a href=\"" + name + "\">" + name + "</a>" : name) + "</cite>";
  if (!article.date.empty()) {
    line += html5 ? " \u00b7 <time datetime=\"" + article.date + "\">" + article.date + "</time>"
                  : " \u00b7 " + article.date;
  }
  return html5 ? "<footer class=\"source\"><p>" + line + "</p></footer>\n" : "<p class=\"source\">" + line + "</p>\n";
}

}  // namespace

std::string xmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool space = false;
  auto flushSpace = [&] {
    if (space) out.push_back(' ');
    space = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    const bool nonchar =
        c == 0xEF && (text.compare(i, 3, "\xEF\xBF\xBE") == 0 || text.compare(i, 3, "\xEF\xBF\xBF") == 0);
    if (c < 0x20 || c == 0x7F || c1 || nonchar) {
      space = true;
      i += c1 ? 1 : nonchar ? 2 : 0;
      continue;
    }
    if (c == ' ') {
      space = true;
      continue;
    }
    flushSpace();
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(static_cast<char>(c));
    }
  }
  flushSpace();
  return out;
}

std::size_t milliseconds(std::size_t samples, int sample_rate) {
  const auto rate = static_cast<std::size_t>(sample_rate > 0 ? sample_rate : 1);
  return (samples * 1000 + rate / 2) / rate;
}

std::string clockValue(std::size_t samples, int sample_rate) {
  const std::size_t ms = milliseconds(samples, sample_rate);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%zu:%02zu:%02zu.%03zu", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
  return buf;
}

std::string nptValue(std::size_t samples, int sample_rate) {
  const std::size_t ms = milliseconds(samples, sample_rate);
  char buf[48];
  std::snprintf(buf, sizeof buf, "npt=%zu.%03zus", ms / 1000, ms % 1000);
  return buf;
}

std::string hmsValue(std::size_t samples, int sample_rate) {
  const std::size_t s = (milliseconds(samples, sample_rate) + 500) / 1000;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02zu:%02zu:%02zu", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

std::string articleTitle(const BookArticle& article) {
  const Document& doc = article.doc;
  std::string title;
  for (const Block& b : doc.blocks) {
    if (b.kind != BlockKind::Title) continue;
    title += (title.empty() ? "" : ": ") + shortLine(doc.slice(b.span), kLabelBytes);
  }
  if (!title.empty()) return title;
  if (!doc.blocks.empty()) return shortLine(doc.slice(doc.blocks.front().span), kLabelBytes / 2);
  return std::filesystem::path(article.source).stem().string();
}

ArticleLayout layoutArticle(const BookArticle& article, std::size_t number, std::size_t count) {
  checkTimings(article);
  ArticleLayout layout;
  layout.prefix = "a" + std::to_string(number);
  const std::string digits = std::to_string(number);
  const std::size_t width = std::max<std::size_t>(3, std::to_string(count).size());
  layout.stem = "a" + std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
  layout.sample_rate = article.timings.sample_rate;
  layout.total_samples = article.timings.total_samples;
  const std::vector<TimedSentence>& timed = article.timings.sentences;
  for (std::size_t i = 0; i < timed.size(); ++i) {
    SentenceLayout s;
    s.id = layout.prefix + "s" + std::to_string(i + 1);
    s.source = timed[i].source;
    s.block = timed[i].block;
    s.clip.begin = timed[i].timing.first_sample;
    s.clip.end = i + 1 < timed.size() ? timed[i + 1].timing.first_sample : layout.total_samples;
    s.words = mergedWords(timed[i], s.source);
    timeWords(s);
    layout.sentences.push_back(std::move(s));
  }
  layout.nav = navPoints(article, layout);
  return layout;
}

std::vector<ArticleLayout> layoutBook(const std::vector<BookArticle>& articles) {
  std::vector<ArticleLayout> layouts;
  for (std::size_t i = 0; i < articles.size(); ++i) layouts.push_back(layoutArticle(articles[i], i + 1, articles.size()));
  return layouts;
}

std::string sourceName(const BookArticle& article) {
  if (isUrl(article.source)) return article.source;
  return std::filesystem::path(article.source).filename().string();
}

std::string newestDate(const std::vector<BookArticle>& articles) {
  std::string newest;
  for (const BookArticle& a : articles) newest = std::max(newest, a.date);
  return newest;
}

std::string isoDateTime(std::int64_t seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  ::gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

std::string generator(const BookOptions& options) {
  return std::string("vorlesen " VORLESEN_VERSION) + (options.fingerprint.empty() ? "" : "; " + options.fingerprint);
}

const char* const kBookCss =
    "body { font-family: serif; line-height: 1.5; margin: 0 4%; }\n"
    "h1 .kicker { display: block; font-size: 0.7em; font-weight: normal; }\n"
    ".byline, .source { font-style: italic; }\n"
    "blockquote { margin-left: 2em; }\n";

std::vector<const WordLayout*> wordsInTimeOrder(const SentenceLayout& sentence) {
  std::vector<const WordLayout*> out;
  for (const WordLayout& w : sentence.words) out.push_back(&w);
  std::stable_sort(out.begin(), out.end(),
                   [](const WordLayout* a, const WordLayout* b) { return a->clip.begin < b->clip.begin; });
  return out;
}

std::string articleMarkup(const BookArticle& article, const ArticleLayout& layout, bool words, bool html5) {
  const std::vector<Block>& blocks = article.doc.blocks;
  InlineWriter inline_text(article, layout, words);
  std::string out;
  for (std::size_t b = 0; b < blocks.size();) {
    const BlockKind kind = blocks[b].kind;
    if (kind == BlockKind::Title) {
      // A kicker is a title block before the headline: one heading, the kicker a line of it.
      out += "<h1>";
      for (; b < blocks.size() && blocks[b].kind == BlockKind::Title; ++b) {
        const bool kicker = b + 1 < blocks.size() && blocks[b + 1].kind == BlockKind::Title;
        out += kicker ? "<span class=\"kicker\">" + inline_text.block(b) + "</span> " : inline_text.block(b);
      }
      out += "</h1>\n";
    } else if (kind == BlockKind::ListItem) {
      out += "<ul>\n";
      for (; b < blocks.size() && blocks[b].kind == BlockKind::ListItem; ++b) {
        out += "<li>" + inline_text.block(b) + "</li>\n";
      }
      out += "</ul>\n";
    } else {
      const std::string text = inline_text.block(b);
      switch (kind) {
        case BlockKind::Byline: out += "<p class=\"byline\">" + text + "</p>\n"; break;
        case BlockKind::Heading: out += "<h2>" + text + "</h2>\n"; break;
        case BlockKind::Quote: out += "<blockquote><p>" + text + "</p></blockquote>\n"; break;
        default: out += "<p>" + text + "</p>\n"; break;
      }
      ++b;
    }
  }
  return out + sourceLine(article, html5);
}

}  // namespace vorlesen::book
