#include <catch2/catch.hpp>

#include <filesystem>

#include "render/temp_files.h"
#include "vorlesen/error.h"
#include "vorlesen/timing_files.h"

namespace fs = std::filesystem;
using namespace vorlesen;
using vorlesen::testing::readAll;
using vorlesen::testing::TempDir;

namespace {

// Two sentences of one document: "A <b> & c." and, in a new paragraph, the hard-wrapped "Zwei\n  zeilen."
struct Fixture {
  Document doc = documentFromText("x.txt", "A <b> & c.\n\nZwei\n  zeilen.");
  Sentence first, second;
  SentenceTiming t1, t2;
  Fixture() {
    first.source = Span{0, 10};
    first.block = 0;
    second.source = Span{12, doc.text.size()};
    second.block = 1;
    t1.first_sample = 0;
    t1.samples = 1500;
    t1.pause_samples = 600;
    t1.words = {WordTiming{0, Span{0, 1}}, WordTiming{500, Span{2, 5}}};
    t2.first_sample = 2100;
    t2.samples = 3661001 - 2100;
    t2.words = {WordTiming{2100, Span{12, 16}}};
  }
};

}  // namespace

TEST_CASE("subtitle timestamps", "[render]") {
  CHECK(subtitleTimestamp(0, 22050, SubtitleFormat::Vtt) == "00:00:00.000");
  CHECK(subtitleTimestamp(22050 * 3723 + 11025, 22050, SubtitleFormat::Vtt) == "01:02:03.500");
  CHECK(subtitleTimestamp(22050 * 3723 + 11025, 22050, SubtitleFormat::Srt) == "01:02:03,500");
  CHECK(subtitleTimestamp(1, 1000, SubtitleFormat::Srt) == "00:00:00,001");
}

TEST_CASE("WebVTT and SubRip files: one cue per sentence in the original spelling", "[render]") {
  TempDir dir;
  Fixture f;
  {
    SubtitleWriter vtt((dir.path / "a.vtt").string(), SubtitleFormat::Vtt, f.doc, 1000);
    vtt.add(f.first, f.t1);
    vtt.add(f.second, f.t2);
    vtt.commit();
    SubtitleWriter srt((dir.path / "a.srt").string(), SubtitleFormat::Srt, f.doc, 1000);
    srt.add(f.first, f.t1);
    srt.add(f.second, f.t2);
    srt.commit();
  }
  CHECK(readAll(dir.path / "a.vtt") ==
        "WEBVTT\n\n"
        "1\n00:00:00.000 --> 00:00:01.500\nA &lt;b&gt; &amp; c.\n\n"
        "2\n00:00:02.100 --> 01:01:01.001\nZwei zeilen.\n\n");
  CHECK(readAll(dir.path / "a.srt") ==
        "1\n00:00:00,000 --> 00:00:01,500\nA <b> & c.\n\n"
        "2\n00:00:02,100 --> 01:01:01,001\nZwei zeilen.\n\n");
}

TEST_CASE("timings JSON: sentences, words with ends, chapters at paragraph starts", "[render]") {
  TempDir dir;
  Fixture f;
  {
    TimingsJsonWriter json((dir.path / "a.json").string(), "a.wav", f.doc, 1000);
    json.add(f.first, f.t1);
    json.add(f.second, f.t2);
    json.commit(3661001);
  }
  CHECK(readAll(dir.path / "a.json") ==
        "{\n  \"audio\": \"a.wav\",\n  \"source\": \"x.txt\",\n  \"sample_rate\": 1000,\n  \"sentences\": [\n"
        "    {\"start\": 0.000, \"end\": 1.500, \"block\": 0, \"source\": [0, 10], \"text\": \"A <b> & c.\",\n"
        "     \"words\": [{\"start\": 0.000, \"end\": 0.500, \"source\": [0, 1]}, "
        "{\"start\": 0.500, \"end\": 1.500, \"source\": [2, 5]}]},\n"
        "    {\"start\": 2.100, \"end\": 3661.001, \"block\": 1, \"source\": [12, 26], \"text\": \"Zwei zeilen.\",\n"
        "     \"words\": [{\"start\": 2.100, \"end\": 3661.001, \"source\": [12, 16]}]}\n  ],\n"
        "  \"chapters\": [\n"
        "    {\"start\": 0.000, \"block\": 0, \"sentence\": 0, \"source\": [0, 10], \"title\": \"A <b> & c.\"},\n"
        "    {\"start\": 2.100, \"block\": 1, \"sentence\": 1, \"source\": [12, 26], \"title\": \"Zwei zeilen.\"}\n"
        "  ],\n  \"duration\": 3661.001\n}\n");
}

TEST_CASE("an uncommitted timing file is removed", "[render]") {
  TempDir dir;
  Fixture f;
  {
    SubtitleWriter vtt((dir.path / "a.vtt").string(), SubtitleFormat::Vtt, f.doc, 1000);
    vtt.add(f.first, f.t1);
  }
  CHECK(fs::is_empty(dir.path));
}

TEST_CASE("subtitle format names", "[render]") {
  CHECK(subtitleFormatByName("srt") == SubtitleFormat::Srt);
  CHECK(subtitleExtension(SubtitleFormat::Vtt) == ".vtt");
  CHECK_THROWS_WITH(subtitleFormatByName("ass"), Catch::Contains("unknown subtitle format 'ass'"));
}
