// Internal: what the three book writers share — an article laid out for a book (element ids, audio
// clips, navigation points) and its text as (X)HTML.
//
// Ids are unique in the whole book ("a3s12" is sentence 12 of article 3, "a3s12w4" its fourth word),
// because DAISY players look SMIL ids up across files. Clips tile the article's audio: a sentence
// runs from its first sample to the next sentence's (the pause after it belongs to it), the last one
// to the end of the audio; its words tile the sentence the same way in time order. Words whose source
// spans overlap (eSpeak words of one written token, "2024") are merged into one element. Pure
// functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/book.h"

namespace vorlesen::book {

struct Clip {
  std::size_t begin = 0;  // samples from the start of the article's audio
  std::size_t end = 0;
  bool empty() const { return end <= begin; }
};

struct WordLayout {
  std::string id;
  Span source;
  Clip clip;
};

struct SentenceLayout {
  std::string id;
  Span source;
  std::size_t block = 0;
  Clip clip;
  std::vector<WordLayout> words;  // in source order, spans disjoint and inside the sentence
};

struct NavPoint {
  int level = 1;  // 1: the article, 2: a heading in it
  std::string label;
  std::size_t sentence = 0;  // index of the sentence it leads to
};

struct ArticleLayout {
  std::string prefix;  // "a3"
  std::string stem;    // file names: "a003" (zero-padded to the book's size)
  int sample_rate = 0;
  std::size_t total_samples = 0;
  std::vector<SentenceLayout> sentences;  // reading order
  std::vector<NavPoint> nav;              // nav[0] is the article (when it has a sentence)
};

// `number` counts from 1; `count` is the number of articles in the book (for the file names' width).
// Throws Error::data when the timings do not fit the document.
ArticleLayout layoutArticle(const BookArticle& article, std::size_t number, std::size_t count);
std::vector<ArticleLayout> layoutBook(const std::vector<BookArticle>& articles);

// Words of a sentence in the order they are heard (what a SMIL sequence lists).
std::vector<const WordLayout*> wordsInTimeOrder(const SentenceLayout& sentence);

// The article's text as (X)HTML elements: headings, byline, paragraphs, lists, quotes, each sentence a
// <span id=…>, with `words` each word too, then a line naming the source and date. `html5` allows
// <footer> (EPUB, read-along page); DAISY's XHTML 1.0 gets <p class="source">.
std::string articleMarkup(const BookArticle& article, const ArticleLayout& layout, bool words, bool html5);

// The article's title as one line (its title blocks joined), or its first words when it has none.
std::string articleTitle(const BookArticle& article);

// What the book names as an article's source: a link as it is, a file by its name without folders.
std::string sourceName(const BookArticle& article);
// The newest of the articles' dates, "" when none has one.
std::string newestDate(const std::vector<BookArticle>& articles);
// "2025-02-08T15:57:00Z".
std::string isoDateTime(std::int64_t seconds);
// "vorlesen 0.1.0; vorlesen-settings …": the generator line a book records, with its fingerprint.
std::string generator(const BookOptions& options);
// The style sheet every format shares (the read-along page adds its own rules).
extern const char* const kBookCss;

// Text and attribute values for XML: & < > " escaped; characters XML forbids and other control
// characters become spaces; runs of white space one space.
std::string xmlText(std::string_view text);

// Clock values: "0:01:02.345" (SMIL 3 / EPUB), "npt=62.345s" (SMIL 1.0), "00:01:02" (DAISY meta).
std::string clockValue(std::size_t samples, int sample_rate);
std::string nptValue(std::size_t samples, int sample_rate);
std::string hmsValue(std::size_t samples, int sample_rate);
std::size_t milliseconds(std::size_t samples, int sample_rate);

}  // namespace vorlesen::book
