// Structure by voice (style.h): the words that mark structure, the pauses between kinds of blocks,
// the voice each sentence is read with, and, with eSpeak NG, that pitch and pauses really reach
// the samples. A disabled style must give exactly what the pipeline gave before styles existed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "vorlesen/audio_sink.h"
#include "vorlesen/error.h"
#include "vorlesen/language_data.h"
#include "vorlesen/pipeline.h"
#include "vorlesen/settings.h"
#include "vorlesen/style.h"
#include "read_file.h"
#include "render/structured_document.h"
#include "vorlesen/extract.h"

using namespace vorlesen;

namespace {

Document makeDocument(const std::vector<std::pair<BlockKind, std::string>>& parts) {
  return testing::structuredDocument(parts);
}

SpeechStyle defaultStyle() { return testing::germanStyle(); }

std::vector<Sentence> streamAll(const Pipeline& pipeline, const Document& doc, const SpeechStyle* style) {
  SentenceStream stream(pipeline, doc, 0, SIZE_MAX, style);
  std::vector<Sentence> out;
  Sentence s;
  while (stream.next(s)) out.push_back(s);
  return out;
}

// Records the voice each synthesize() call was made with; a short tone per byte of text.
class VoiceRecorder final : public Synthesizer {
 public:
  struct Call {
    std::string text;
    VoiceParams voice;
  };
  int sampleRate() const override { return 22050; }
  void setVoice(const VoiceParams& params) override {
    voice_ = params;
    ++set_voice_calls;
  }
  std::size_t synthesize(std::string_view text, const AudioCallback& on_audio) override {
    calls.push_back(Call{std::string(text), voice_});
    const std::vector<std::int16_t> pcm(text.size() * 10, 1000);
    on_audio(pcm.data(), pcm.size(), {});
    return pcm.size();
  }
  std::vector<Call> calls;
  int set_voice_calls = 0;

 private:
  VoiceParams voice_;
};

}  // namespace

TEST_CASE("styles.tsv, spoken_words.tsv and [style] in config.toml resolve to a SpeechStyle", "[render][style]") {
  const SpeechStyle style = defaultStyle();
  CHECK(style.enabled);
  CHECK(style.list_numbers);
  CHECK_FALSE(style.quote_words);
  CHECK(style.of(BlockKind::Heading).pitch_offset < 0);
  CHECK(style.of(BlockKind::Heading).pause_before_ms > 600);
  REQUIRE(style.words);
  CHECK(style.words->list_numbers.at(0) == "erstens");
  CHECK(style.words->list_numbers.at(2) == "drittens");
  CHECK(style.words->quote_end == "Zitat Ende.");
  CHECK(style.words->phrase("announce-rate") == "Tempo {}");

  const ConfigFile config = parseConfig(
      "[style]\nquote_words = true\n[style.heading]\npitch_offset = -20\nvariant = \"m3\"\npause_before_ms = 2000\n",
      "c.toml");
  SettingValues cli;
  cli.styles = false;  // --plain-style
  const Settings s = resolveSettings({}, config, cli, loadStyleRows(LanguageData::german()));
  CHECK_FALSE(s.styles.value);
  CHECK(s.styles.source == SettingSource::CommandLine);
  CHECK(s.quote_words.value);
  CHECK(s.block_styles[static_cast<std::size_t>(BlockKind::Heading)].pitch_offset == -20);
  CHECK(s.block_styles[static_cast<std::size_t>(BlockKind::Heading)].variant == "m3");
  CHECK(s.block_styles[static_cast<std::size_t>(BlockKind::Heading)].rate_percent == 92);  // styles.tsv's
}

TEST_CASE("config errors in [style] name the file and line", "[render][style]") {
  const auto message = [](const std::string& text) {
    try {
      parseConfig(text, "/home/u/config.toml");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::Data);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("rate = 200\n\n[style.heading]\npitch_offset = -150\n") ==
        "/home/u/config.toml:4: style.heading.pitch_offset must be a whole number from -99 to 99");
  CHECK(message("[style.quote]\nrate_percent = \"schnell\"\n") ==
        "/home/u/config.toml:2: style.quote.rate_percent must be a whole number from 50 to 200");
  CHECK(message("[style]\nenabled = 1\n") == "/home/u/config.toml:2: style.enabled must be true or false");
  CHECK(message("announce = \"ja\"\n") == "/home/u/config.toml:1: announce must be true or false");
  CHECK(message("[style.list]\nvariant = \"de+f2\"\n").rfind("/home/u/config.toml:2: style.list.variant must be", 0) == 0);
  CHECK(message("[style.heading\npitch_offset = 1\n").rfind("/home/u/config.toml:1: ", 0) == 0);
  // Unknown keys and kinds are warnings with file:line, not errors.
  const ConfigFile c = parseConfig("[style.heading]\npitch = 3\n[style.footnote]\nrate_percent = 90\n", "c.toml");
  REQUIRE(c.warnings.size() == 2);  // in toml++'s order of keys
  const auto warned = [&](const std::string& start) {
    return std::any_of(c.warnings.begin(), c.warnings.end(), [&](const std::string& w) { return w.rfind(start, 0) == 0; });
  };
  CHECK(warned("c.toml:2: unknown key 'style.heading.pitch'"));
  CHECK(warned("c.toml:3: unknown key 'style.footnote'"));
}

TEST_CASE("a malformed styles.tsv or spoken_words.tsv row names its file and line", "[render][style]") {
  // Through LanguageData: a directory with the broken files.
  const std::string dir = "style_test_data";
  std::system(("rm -rf " + dir + " && mkdir " + dir).c_str());
  {
    std::FILE* f = std::fopen((dir + "/styles.tsv").c_str(), "w");
    std::fputs("*\theading\t-8\t92\t-\t1200\t700\n*\tfootnote\t0\t100\t-\t-\t-\n", f);
    std::fclose(f);
    f = std::fopen((dir + "/spoken_words.tsv").c_str(), "w");
    std::fputs("list-number\t1\terstens\nlist-number\t3\tdrittens\n", f);
    std::fclose(f);
  }
  const LanguageData data = LanguageData::load(dir);
  CHECK_THROWS_WITH(loadStyleRows(data), Catch::StartsWith(dir + "/styles.tsv:2: expected PRESET, KIND"));
  CHECK_THROWS_WITH(loadSpokenWords(data), Catch::StartsWith(dir + "/spoken_words.tsv:2: expected list-number, the next number (2)"));
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("with a style, structure is said in words; without, the sentences are today's", "[render][style]") {
  const Document doc = makeDocument({
      {BlockKind::Title, "Der Wald im Wandel"},
      {BlockKind::Byline, "Martin Muster"},
      {BlockKind::Byline, "8. Februar 2025"},
      {BlockKind::Byline, "Martin  Muster"},  // the same byline again: read once
      {BlockKind::ListItem, "1. Bäume pflanzen."},
      {BlockKind::ListItem, "2) Boden schonen."},
      {BlockKind::Paragraph, "Ein Absatz."},
      {BlockKind::Quote, "Ein Zitat steht hier. Es hat zwei Sätze."},
      {BlockKind::Quote, "Und einen zweiten Absatz."},
      {BlockKind::Paragraph, "Danach kommt Text."},
  });
  const Pipeline pipeline(LanguageData::german());
  SpeechStyle style = defaultStyle();
  style.quote_words = true;
  const std::vector<Sentence> styled = streamAll(pipeline, doc, &style);
  std::vector<std::string> spoken;
  for (const Sentence& s : styled) spoken.push_back(s.spoken.text);
  REQUIRE(spoken.size() == 10);
  CHECK(spoken[0] == "Der Wald im Wandel");
  CHECK(spoken[1] == "Von Martin Muster");
  CHECK(spoken[2].rfind("achter Februar", 0) == 0);  // no "Von" again
  CHECK(spoken[3] == "erstens, Bäume pflanzen.");
  CHECK(doc.slice(styled[3].source) == "Bäume pflanzen.");  // the marker is said as the word
  CHECK(spoken[4] == "zweitens, Boden schonen.");
  CHECK(spoken[5] == "Ein Absatz.");
  CHECK(spoken[6] == "Zitat: Ein Zitat steht hier.");
  CHECK(spoken[7] == "Es hat zwei Sätze.");
  CHECK(spoken[8] == "Und einen zweiten Absatz. Zitat Ende.");
  CHECK(spoken[9] == "Danach kommt Text.");
  CHECK(styled[6].kind == BlockKind::Quote);
  // The words come from no source: the alignment still maps the sentence's own words.
  const Sentence& item = styled[3];
  const std::size_t at = item.spoken.text.find("Bäume");
  CHECK(doc.slice(item.spoken.sourceOf(at, at + std::string("Bäume").size())) == "Bäume");

  // An <ol> item has its number in Block::number, not in its text.
  Document ol = makeDocument({{BlockKind::ListItem, "Bäume pflanzen."}, {BlockKind::ListItem, "Boden schonen."}});
  ol.blocks[0].number = 1;
  ol.blocks[1].number = 2;
  const std::vector<Sentence> items = streamAll(pipeline, ol, &style);
  REQUIRE(items.size() == 2);
  CHECK(items[1].spoken.text == "zweitens, Boden schonen.");

  // Disabled (--plain-style) or absent: what the pipeline gave before styles.
  SpeechStyle off = style;
  off.enabled = false;
  const std::vector<Sentence> plain = streamAll(pipeline, doc, &off);
  const std::vector<Sentence> before = pipeline.prepare(doc);
  REQUIRE(plain.size() == before.size());
  REQUIRE(plain.size() == 11);  // the repeated byline too, and the list markers as numbers
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK(plain[i].spoken.text == before[i].spoken.text);
    CHECK(plain[i].source == before[i].source);
  }
}

TEST_CASE("an HTML <ol> numbers its items, and they are read with their number words", "[render][style]") {
  const std::string path = VORLESEN_FIXTURES_DIR "/style/struktur.html";
  const Document doc = extractArticle(path, readFile(path), ExtractOptions{});
  std::vector<unsigned> numbers;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::ListItem) numbers.push_back(b.number);
  }
  CHECK(numbers == std::vector<unsigned>{1, 2, 3});
  const Pipeline pipeline(LanguageData::german());
  const SpeechStyle style = defaultStyle();
  std::vector<std::string> items;
  for (const Sentence& s : streamAll(pipeline, doc, &style)) {
    if (s.kind == BlockKind::ListItem) items.push_back(s.spoken.text);
  }
  REQUIRE(items.size() == 3);
  CHECK(items[0] == "erstens, Die Bestände gründlich auf Schäden und Schädlinge untersuchen lassen.");
  CHECK(items[2].rfind("drittens, Den Boden schonen", 0) == 0);
}

TEST_CASE("pauses between blocks follow the kinds; disabled, the paragraph pause", "[render][style]") {
  const SpeechStyle style = defaultStyle();
  const Pauses pauses{250, 600};
  const auto ms = [&](BlockKind from, BlockKind to, const SpeechStyle& st) {
    Sentence a, b;
    a.block = 0;
    a.kind = from;
    b.block = 1;
    b.kind = to;
    return pauseAfter(a, &b, pauses, 1000, st);
  };
  CHECK(ms(BlockKind::Paragraph, BlockKind::Heading, style) == 1200);  // heading: 1200 before
  CHECK(ms(BlockKind::Heading, BlockKind::Paragraph, style) == 700);
  CHECK(ms(BlockKind::ListItem, BlockKind::ListItem, style) == 350);    // between items: short
  CHECK(ms(BlockKind::ListItem, BlockKind::Paragraph, style) == 600);   // after the list: a paragraph's
  CHECK(ms(BlockKind::Byline, BlockKind::Byline, style) == 150);        // name and date as one phrase
  CHECK(ms(BlockKind::Paragraph, BlockKind::Paragraph, style) == 600);
  SpeechStyle off = style;
  off.enabled = false;
  CHECK(ms(BlockKind::Paragraph, BlockKind::Heading, off) == 600);
  CHECK(ms(BlockKind::ListItem, BlockKind::ListItem, off) == 600);
  Sentence a, b;
  a.block = b.block = 3;
  CHECK(pauseAfter(a, &b, pauses, 1000, style) == 250);
  CHECK(pauseAfter(a, nullptr, pauses, 1000, style) == 0);
}

TEST_CASE("render reads each kind of block with its voice; disabled, the voice is never touched",
          "[render][style]") {
  const Document doc = makeDocument({{BlockKind::Heading, "Eine Überschrift"},
                                     {BlockKind::Paragraph, "Ein Satz. Noch einer."},
                                     {BlockKind::Quote, "Ein Zitat."}});
  const Pipeline pipeline(LanguageData::german());
  StreamOptions options;
  options.voice = VoiceParams{"de+f2", 200, 50, 100};
  options.style = defaultStyle();
  options.style.of(BlockKind::Quote).variant = "m3";
  options.style.of(BlockKind::Quote).pitch_offset = 60;  // clamped to 99
  {
    VoiceRecorder synth;
    synth.setVoice(options.voice);
    synth.set_voice_calls = 0;
    MemorySink sink;
    SentenceStream stream(pipeline, doc, 0, SIZE_MAX, &options.style);
    renderStream(stream, synth, sink, options);
    REQUIRE(synth.calls.size() == 4);
    CHECK(synth.calls[0].voice == VoiceParams{"de+f2", 184, 42, 100});  // 92 %, -8
    CHECK(synth.calls[1].voice == options.voice);
    CHECK(synth.calls[2].voice == options.voice);
    CHECK(synth.calls[3].voice == VoiceParams{"de+m3", 200, 99, 100});
    CHECK(synth.set_voice_calls == 3);  // only when the voice changes
  }
  {
    VoiceRecorder synth;
    synth.setVoice(options.voice);
    synth.set_voice_calls = 0;
    MemorySink sink;
    StreamOptions off = options;
    off.style.enabled = false;
    SentenceStream stream(pipeline, doc, 0, SIZE_MAX, &off.style);
    renderStream(stream, synth, sink, off);
    CHECK(synth.calls.size() == 4);
    CHECK(synth.set_voice_calls == 0);
  }
}

namespace {

// The fundamental frequency of `pcm` (22050 Hz): the median over voiced 40 ms frames of the lag
// with the highest normalized autocorrelation between 70 and 400 Hz.
double medianPitch(const std::vector<std::int16_t>& pcm, std::size_t from, std::size_t to) {
  constexpr std::size_t kFrame = 882, kMinLag = 55, kMaxLag = 315;
  std::vector<double> f0;
  for (std::size_t at = from; at + kFrame + kMaxLag <= to; at += kFrame / 2) {
    double energy = 0;
    for (std::size_t i = 0; i < kFrame; ++i) energy += double(pcm[at + i]) * pcm[at + i];
    if (energy / kFrame < 1e5) continue;  // silence or a quiet consonant
    double best = 0;
    std::size_t best_lag = 0;
    for (std::size_t lag = kMinLag; lag <= kMaxLag; ++lag) {
      double r = 0, e2 = 0;
      for (std::size_t i = 0; i < kFrame; ++i) {
        r += double(pcm[at + i]) * pcm[at + i + lag];
        e2 += double(pcm[at + i + lag]) * pcm[at + i + lag];
      }
      const double c = r / std::sqrt(energy * e2 + 1);
      if (c > best) {
        best = c;
        best_lag = lag;
      }
    }
    if (best > 0.6) f0.push_back(22050.0 / double(best_lag));
  }
  if (f0.empty()) return 0;
  std::sort(f0.begin(), f0.end());
  return f0[f0.size() / 2];
}

// The longest run of silent samples in [from, to).
std::size_t longestSilence(const std::vector<std::int16_t>& pcm, std::size_t from, std::size_t to) {
  std::size_t best = 0, run = 0;
  for (std::size_t i = from; i < to; ++i) {
    run = std::abs(pcm[i]) <= 16 ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

}  // namespace

// eSpeak NG: one per process, and this is the only test case here that uses it.
TEST_CASE("a heading's lower pitch and its pauses are in eSpeak NG's samples", "[render][style][espeak]") {
  const std::string sentence = "Die Sonne scheint heute über dem ganzen Land und es bleibt warm.";
  const Document doc = makeDocument({{BlockKind::Paragraph, sentence},
                                     {BlockKind::Heading, sentence},
                                     {BlockKind::Paragraph, sentence}});
  const Pipeline pipeline(LanguageData::german());
  EspeakSynthesizer synth;
  StreamOptions options;
  options.voice = VoiceParams{};
  synth.setVoice(options.voice);
  options.style = defaultStyle();
  options.style.of(BlockKind::Heading).pitch_offset = -30;
  options.style.of(BlockKind::Heading).pause_before_ms = 1500;
  options.style.of(BlockKind::Heading).pause_after_ms = 1000;
  std::vector<SentenceTiming> timings;
  options.on_sentence = [&](const Sentence&, const SentenceTiming& t) { timings.push_back(t); };
  MemorySink sink;
  SentenceStream stream(pipeline, doc, 0, SIZE_MAX, &options.style);
  renderStream(stream, synth, sink, options);
  const std::vector<std::int16_t>& pcm = sink.samples();
  REQUIRE(timings.size() == 3);
  const auto speech = [&](std::size_t i) { return std::make_pair(timings[i].first_sample, timings[i].first_sample + timings[i].samples); };
  const double paragraph = medianPitch(pcm, speech(0).first, speech(0).second);
  const double heading = medianPitch(pcm, speech(1).first, speech(1).second);
  const double after = medianPitch(pcm, speech(2).first, speech(2).second);
  INFO("median F0: paragraph " << paragraph << " Hz, heading " << heading << " Hz, paragraph after " << after << " Hz");
  REQUIRE(paragraph > 60);
  CHECK(heading < 0.85 * paragraph);
  CHECK(std::abs(after - paragraph) < 0.05 * paragraph);  // the paragraph's voice comes back
  // The silences measured in the samples: at least the pauses asked for (eSpeak adds a little).
  const std::size_t before_heading = longestSilence(pcm, speech(0).first, speech(1).first);
  const std::size_t after_heading = longestSilence(pcm, speech(1).first, speech(2).first);
  CHECK(before_heading >= 1500 * 22050 / 1000);
  CHECK(before_heading < 2000 * 22050 / 1000);
  CHECK(after_heading >= 1000 * 22050 / 1000);
  CHECK(after_heading < 1500 * 22050 / 1000);
}
