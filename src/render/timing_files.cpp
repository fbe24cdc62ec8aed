#include "vorlesen/timing_files.h"

#include <cstdio>

#include "common/atomic_file.h"
#include "vorlesen/chapters.h"
#include "vorlesen/error.h"
#include "vorlesen/i18n.h"
#include "vorlesen/text.h"

namespace vorlesen {

namespace {

constexpr std::size_t kFlushBytes = 1 << 16;

std::size_t toMilliseconds(std::size_t sample, int sample_rate) {
  return (sample * 1000 + static_cast<std::size_t>(sample_rate) / 2) / static_cast<std::size_t>(sample_rate);
}

// Seconds with millisecond precision, for JSON.
std::string seconds(std::size_t sample, int sample_rate) {
  const std::size_t ms = toMilliseconds(sample, sample_rate);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%zu.%03zu", ms / 1000, ms % 1000);
  return buf;
}

// WebVTT cue text must not contain raw '&', '<' (markup) or "-->".
std::string escapeVtt(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out.push_back(c);
  }
  return out;
}

void appendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void appendSpan(std::string& out, Span s) {
  out += "[" + std::to_string(s.begin) + ", " + std::to_string(s.end) + "]";
}

}  // namespace

SubtitleFormat subtitleFormatByName(const std::string& name) {
  if (name == "vtt") return SubtitleFormat::Vtt;
  if (name == "srt") return SubtitleFormat::Srt;
  throw Error::usage(format(tr("unknown subtitle format '{}' (supported: vtt, srt)"), name));
}

std::string subtitleExtension(SubtitleFormat format) { return format == SubtitleFormat::Vtt ? ".vtt" : ".srt"; }

std::string subtitleTimestamp(std::size_t sample, int sample_rate, SubtitleFormat format) {
  const std::size_t ms = toMilliseconds(sample, sample_rate);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02zu:%02zu:%02zu%c%03zu", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                format == SubtitleFormat::Vtt ? '.' : ',', ms % 1000);
  return buf;
}

SubtitleWriter::SubtitleWriter(std::string path, SubtitleFormat format, const Document& doc, int sample_rate)
    : out_(std::make_unique<AtomicFile>(std::move(path))), format_(format), doc_(doc), sample_rate_(sample_rate) {
  if (format_ == SubtitleFormat::Vtt) buffer_ = "WEBVTT\n\n";
}

SubtitleWriter::~SubtitleWriter() = default;

void SubtitleWriter::add(const Sentence& sentence, const SentenceTiming& timing) {
  const std::string text = collapseWhiteSpace(doc_.slice(sentence.source));
  buffer_ += std::to_string(++cues_) + "\n";
  buffer_ += subtitleTimestamp(timing.first_sample, sample_rate_, format_) + " --> " +
             subtitleTimestamp(timing.first_sample + timing.samples, sample_rate_, format_) + "\n";
  buffer_ += (format_ == SubtitleFormat::Vtt ? escapeVtt(text) : text) + "\n\n";
  flushIfLarge();
}

void SubtitleWriter::flushIfLarge() {
  if (buffer_.size() < kFlushBytes) return;
  out_->write(buffer_);
  buffer_.clear();
}

void SubtitleWriter::commit() {
  out_->write(buffer_);
  buffer_.clear();
  out_->commit();
}

TimingsJsonWriter::TimingsJsonWriter(std::string path, const std::string& audio_name, const Document& doc,
                                     int sample_rate)
    : out_(std::make_unique<AtomicFile>(std::move(path))), doc_(doc), sample_rate_(sample_rate) {
  buffer_ = "{\n  \"audio\": ";
  appendJsonString(buffer_, audio_name);
  buffer_ += ",\n  \"source\": ";
  appendJsonString(buffer_, doc.name);
  buffer_ += ",\n  \"sample_rate\": " + std::to_string(sample_rate) + ",\n  \"sentences\": [";
}

TimingsJsonWriter::~TimingsJsonWriter() = default;

void TimingsJsonWriter::add(const Sentence& sentence, const SentenceTiming& timing) {
  if (sentence.block != last_block_) {
    chapters_.push_back(Chapter{timing.first_sample, sentence.block, sentences_});
    last_block_ = sentence.block;
  }
  const std::size_t speech_end = timing.first_sample + timing.samples;
  buffer_ += sentences_++ == 0 ? "\n" : ",\n";
  buffer_ += "    {\"start\": " + seconds(timing.first_sample, sample_rate_) +
             ", \"end\": " + seconds(speech_end, sample_rate_) + ", \"block\": " + std::to_string(sentence.block) +
             ", \"source\": ";
  appendSpan(buffer_, sentence.source);
  buffer_ += ", \"text\": ";
  appendJsonString(buffer_, collapseWhiteSpace(doc_.slice(sentence.source)));
  buffer_ += ",\n     \"words\": [";
  for (std::size_t w = 0; w < timing.words.size(); ++w) {
    const WordTiming& word = timing.words[w];
    const std::size_t end = w + 1 < timing.words.size() ? timing.words[w + 1].sample : speech_end;
    buffer_ += w == 0 ? "" : ", ";
    buffer_ += "{\"start\": " + seconds(word.sample, sample_rate_) + ", \"end\": " + seconds(end, sample_rate_) +
               ", \"source\": ";
    appendSpan(buffer_, word.source);
    buffer_ += "}";
  }
  buffer_ += "]}";
  flushIfLarge();
}

void TimingsJsonWriter::flushIfLarge() {
  if (buffer_.size() < kFlushBytes) return;
  out_->write(buffer_);
  buffer_.clear();
}

void TimingsJsonWriter::commit(std::size_t total_samples) {
  buffer_ += "\n  ],\n  \"chapters\": [";
  for (std::size_t c = 0; c < chapters_.size(); ++c) {
    const Chapter& ch = chapters_[c];
    const Span block = doc_.blocks[ch.block].span;
    buffer_ += c == 0 ? "\n" : ",\n";
    buffer_ += "    {\"start\": " + seconds(ch.sample, sample_rate_) + ", \"block\": " + std::to_string(ch.block) +
               ", \"sentence\": " + std::to_string(ch.sentence) + ", \"source\": ";
    appendSpan(buffer_, block);
    buffer_ += ", \"title\": ";
    appendJsonString(buffer_, chapterTitle(doc_.slice(block), kParagraphTitleBytes));
    buffer_ += "}";
    flushIfLarge();
  }
  buffer_ += "\n  ],\n  \"duration\": " + seconds(total_samples, sample_rate_) + "\n}\n";
  out_->write(buffer_);
  buffer_.clear();
  out_->commit();
}

}  // namespace vorlesen
