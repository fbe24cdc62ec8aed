// The read-along page (writeReadAlong in vorlesen/book.h): one HTML file that needs nothing else.
//
// Per article an <article> with real buttons (play/pause, previous and next sentence), the browser's
// own audio controls, the text (aria-live="off": highlighting is not announced) and its clips as JSON;
// the MP3 is embedded as a data: URI. A Content-Security-Policy allows only the page's own script and
// style and data: media, so the page cannot make a network request. The script highlights the
// sentence and the word at the audio's current time (on every seek and while playing), a click on a
// sentence plays from there, and the next article starts when one ends.
#include <fstream>

#include "common/atomic_file.h"
#include "book/markup.h"
#include "vorlesen/book.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"

namespace vorlesen {

namespace {

using book::ArticleLayout;
using book::xmlText;

constexpr const char* kPageCss =
    ".player { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin: 1em 0; }\n"
    ".player button { font-size: 1em; padding: 0.3em 0.8em; }\n"
    ".reading { background-color: #fff0a0; color: #000; }\n"
    ".reading .word { background-color: #ffc83d; }\n"
    "@media (forced-colors: active) { .reading { forced-color-adjust: none; background-color: Highlight;"
    " color: HighlightText; } .reading .word { text-decoration: underline; } }\n"
    "article + article { border-top: 1px solid #888; margin-top: 2em; }\n";

// Strict mode and a block: its functions and constants stay off the page's global object.
constexpr const char* kScript = R"js(
"use strict";
{
  // The last entry whose start is at or before t (entries are [start, ...] in time order), or -1.
  function lastStartingBy(list, t) {
    var lo = 0, hi = list.length - 1, at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid][0] <= t) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return at;
  }
  const readers = [];
  function Reader(article) {
    this.article = article;
    this.audio = article.querySelector("audio");
    this.clips = JSON.parse(article.querySelector("script.clips").textContent);
    this.playButton = article.querySelector("button[data-action=play]");
    this.sentence = null;
    this.word = null;
    this.active = false;
    var self = this;
    article.querySelector("button[data-action=previous]").addEventListener("click", function () { self.step(-1); });
    article.querySelector("button[data-action=next]").addEventListener("click", function () { self.step(1); });
    this.playButton.addEventListener("click", function () { self.toggle(); });
    article.querySelector(".text").addEventListener("click", function (event) { self.clicked(event); });
    // Only the article being heard (or just moved in) shows a highlight.
    this.audio.addEventListener("seeking", function () { self.activate(); });
    ["seeked", "timeupdate"].forEach(function (name) {
      self.audio.addEventListener(name, function () { if (self.active) { self.show(); } });
    });
    this.audio.addEventListener("play", function () { self.started(); });
    this.audio.addEventListener("pause", function () { self.playButton.textContent = self.playButton.dataset.play; });
    this.audio.addEventListener("ended", function () { self.ended(); });
  }
  Reader.prototype.activate = function () {
    var self = this;
    readers.forEach(function (other) { if (other !== self) { other.clear(); } });
    this.active = true;
  };
  Reader.prototype.clear = function () {
    this.active = false;
    this.sentence = this.mark(null, "reading", this.sentence);
    this.word = this.mark(null, "word", this.word);
  };
  Reader.prototype.toggle = function () {
    if (this.audio.paused) { this.play(); } else { this.audio.pause(); }
  };
  Reader.prototype.play = function () {
    var result = this.audio.play();
    if (result && result.catch) { result.catch(function () {}); }
  };
  Reader.prototype.started = function () {
    var self = this;
    this.playButton.textContent = this.playButton.dataset.pause;
    readers.forEach(function (other) { if (other !== self && !other.audio.paused) { other.audio.pause(); } });
    this.activate();
    var tick = function () { self.show(); if (!self.audio.paused) { window.requestAnimationFrame(tick); } };
    window.requestAnimationFrame(tick);
  };
  Reader.prototype.ended = function () {
    var next = readers[readers.indexOf(this) + 1];
    if (next) { next.audio.currentTime = 0; next.play(); }
  };
  Reader.prototype.seek = function (index) {
    if (index < 0 || index >= this.clips.length) { return; }
    this.activate();
    this.audio.currentTime = (this.clips[index][0] + 1) / 1000;
    this.show();
  };
  Reader.prototype.step = function (direction) {
    var now = this.audio.currentTime * 1000;
    var at = lastStartingBy(this.clips, now);
    if (direction < 0 && at >= 0 && now - this.clips[at][0] > 1500) { this.seek(at); } else { this.seek(at + direction); }
  };
  Reader.prototype.clicked = function (event) {
    var span = event.target.closest("span[id]");
    var match = span && /s(\d+)(w\d+)?$/.exec(span.id);
    if (match) { this.seek(Number(match[1]) - 1); this.play(); }
  };
  Reader.prototype.mark = function (element, name, current) {
    if (current === element) { return element; }
    if (current) { current.classList.remove(name); }
    if (element) { element.classList.add(name); }
    return element;
  };
  Reader.prototype.show = function () {
    var now = this.audio.currentTime * 1000;
    var at = lastStartingBy(this.clips, now);
    var id = this.article.id + "s" + (at + 1);
    var sentence = at >= 0 ? document.getElementById(id) : null;
    var word = null;
    if (at >= 0) {
      var words = this.clips[at][2];
      var w = lastStartingBy(words, now);
      if (w >= 0) { word = document.getElementById(id + "w" + words[w][1]); }
    }
    var moved = sentence !== this.sentence;
    this.sentence = this.mark(sentence, "reading", this.sentence);
    this.word = this.mark(word, "word", this.word);
    if (moved && sentence && !this.audio.paused) { sentence.scrollIntoView({ block: "nearest" }); }
  };
  document.querySelectorAll("article[data-read-along]").forEach(function (article) {
    readers.push(new Reader(article));
  });
}
)js";

// The article's clips for the script: [[start, end, [[word start, word number], …]], …] in ms, the
// sentences in reading order (sentence i has id PREFIX "s" i+1), the words in time order.
std::string clipsJson(const ArticleLayout& layout) {
  std::string out = "[";
  for (std::size_t i = 0; i < layout.sentences.size(); ++i) {
    const book::SentenceLayout& s = layout.sentences[i];
    out += (i ? ",[" : "[") + std::to_string(book::milliseconds(s.clip.begin, layout.sample_rate)) + "," +
           std::to_string(book::milliseconds(s.clip.end, layout.sample_rate)) + ",[";
    bool first = true;
    for (const book::WordLayout* w : book::wordsInTimeOrder(s)) {
      if (w->clip.empty()) continue;
      const std::size_t number = static_cast<std::size_t>(w - s.words.data()) + 1;
      out += (first ? "[" : ",[") + std::to_string(book::milliseconds(w->clip.begin, layout.sample_rate)) + "," +
             std::to_string(number) + "]";
      first = false;
    }
    out += "]]";
  }
  return out + "]";
}

// Streams a file into `out` as base64 (RFC 4648), in pieces.
void appendBase64File(AtomicFile& out, const std::string& path) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::fromErrno(ErrorKind::Input, path, tr("cannot open"), errno);
  std::string chunk(3 * 65536, '\0'), encoded;
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    encoded.clear();
    for (std::size_t i = 0; i < n; i += 3) {
      const auto byte = [&](std::size_t k) { return k < n ? static_cast<unsigned char>(chunk[k]) : 0u; };
      const unsigned v = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
      encoded += kDigits[v >> 18 & 63];
      encoded += kDigits[v >> 12 & 63];
      encoded += i + 1 < n ? kDigits[v >> 6 & 63] : '=';
      encoded += i + 2 < n ? kDigits[v & 63] : '=';
    }
    out.write(encoded);
  }
  if (in.bad()) throw Error::fromErrno(ErrorKind::Input, path, tr("cannot read"), errno);
}

std::string pageHead(const BookOptions& options, const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; media-src data:; "
         "img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"" +
         xmlText(book::generator(options)) + "\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" + xmlText(title) +
         "</title>\n<style>\n" + book::kBookCss + kPageCss + "</style>\n</head>\n<body>\n<main>\n";
}

// The buttons, labelled in the program's language (which may not be the article's).
std::string playerControls(const std::string& article_title) {
  // TRANSLATORS: the language code of these translations, for the lang attribute of the page's buttons.
  const std::string lang = tr("en");
  const std::string play = xmlText(tr("Play")), pause = xmlText(tr("Pause"));
  return "<div class=\"player\" role=\"group\" lang=\"" + xmlText(lang) + "\" aria-label=\"" +
         xmlText(format(tr("Player: {}"), article_title)) +
         "\">\n<button type=\"button\" data-action=\"play\" data-play=\"" + play + "\" data-pause=\"" + pause + "\">" +
         play + "</button>\n<button type=\"button\" data-action=\"previous\">" + xmlText(tr("Previous sentence")) +
         "</button>\n<button type=\"button\" data-action=\"next\">" + xmlText(tr("Next sentence")) + "</button>\n";
}

std::string tableOfContents(const std::vector<BookArticle>& articles, const std::vector<ArticleLayout>& layouts,
                            const std::string& title) {
  std::string out = "<h1>" + xmlText(title) + "</h1>\n<nav aria-label=\"" + xmlText(tr("Articles")) + "\">\n<ol>\n";
  for (std::size_t i = 0; i < articles.size(); ++i) {
    out += "<li><a href=\"#" + layouts[i].prefix + "\">" + xmlText(book::articleTitle(articles[i])) + "</a></li>\n";
  }
  return out + "</ol>\n</nav>\n";
}

}  // namespace

void writeReadAlong(const std::vector<BookArticle>& articles, const BookOptions& options, const std::string& path) {
  const std::vector<ArticleLayout> layouts = book::layoutBook(articles);
  AtomicFile out(path);
  out.write(pageHead(options, options.title));
  if (articles.size() > 1) out.write(tableOfContents(articles, layouts, options.title));
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const ArticleLayout& l = layouts[i];
    const std::string title = book::articleTitle(articles[i]);
    out.write("<article id=\"" + l.prefix + "\" data-read-along=\"\">\n" + playerControls(title) +
              "<audio controls preload=\"auto\" aria-label=\"" + xmlText(title) + "\" src=\"data:audio/mpeg;base64,");
    appendBase64File(out, articles[i].audio);
    out.write("\"></audio>\n</div>\n<div class=\"text\" aria-live=\"off\">\n" +
              book::articleMarkup(articles[i], l, true, true) + "</div>\n<script type=\"application/json\" class=\"clips\">" +
              clipsJson(l) + "</script>\n</article>\n");
  }
  out.write(std::string("</main>\n<script>") + kScript + "</script>\n</body>\n</html>\n");
  out.commit();
}

}  // namespace vorlesen
