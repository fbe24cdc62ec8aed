#include "fuzz/targets.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "vorlesen/document.h"
#include "vorlesen/error.h"
#include "vorlesen/extract.h"
#include "vorlesen/language_data.h"
#include "vorlesen/normalizer.h"
#include "vorlesen/segmenter.h"
#include "vorlesen/synthesizer.h"
#include "vorlesen/text.h"

namespace vorlesen::fuzz {

namespace {

void require(bool ok, const char* what) {
  if (!ok) throw InvariantBroken(std::string("invariant broken: ") + what);
}

// Valid UTF-8 by round trip: repairing it finds nothing to replace.
bool isValidUtf8(std::string_view text) { return repairUtf8(text).bad_sequences == 0; }

// Spans ordered, non-overlapping, inside `outer`, and (when `non_empty`) never empty.
template <typename Items, typename Get>
void requireOrderedSpans(const Items& items, Span outer, bool non_empty, Get get, const char* what) {
  std::size_t at = outer.begin;
  for (const auto& item : items) {
    const Span s = get(item);
    require(s.begin >= at && s.begin <= s.end && s.end <= outer.end, what);
    if (non_empty) require(!s.empty(), what);
    at = s.end;
  }
}

// What every Document must satisfy, however it was made. Extraction may move the title and byline
// to the front (reading order, extract.h), so the blocks are checked in text order.
void requireDocument(const Document& doc) {
  require(isValidUtf8(doc.text), "document text is valid UTF-8");
  std::vector<Span> spans;
  for (const Block& b : doc.blocks) spans.push_back(b.span);
  std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin; });
  requireOrderedSpans(spans, Span{0, doc.text.size()}, true, [](const Span& s) { return s; },
                      "blocks are non-empty, non-overlapping spans of the text");
}

// Document loading: UTF-8 repair, blank-line and hard-wrap paragraph splitting.
void runDocument(std::string_view bytes) {
  const Document doc = documentFromText("fuzz", bytes);
  requireDocument(doc);
  requireOrderedSpans(doc.blocks, Span{0, doc.text.size()}, true, [](const Block& b) { return b.span; },
                      "plain-text blocks are in text order");
  require(repairUtf8(doc.text).text == doc.text, "UTF-8 repair is idempotent");
  require((doc.bad_utf8 == 0) == (doc.text == bytes), "repair changes exactly the ill-formed input");
  for (const Block& b : doc.blocks) {
    const std::string_view t = doc.slice(b.span);
    require(trim(t).size() == t.size(), "blocks are trimmed");
  }
}

void runSegmenter(std::string_view bytes) {
  static const Segmenter segmenter(LanguageData::german());
  const Document doc = documentFromText("fuzz", bytes);
  for (const Block& block : doc.blocks) {
    const std::vector<Span> sentences = segmenter.split(doc.text, block.span);
    require(!sentences.empty(), "a non-blank block has a sentence");
    requireOrderedSpans(sentences, block.span, true, [](const Span& s) { return s; },
                        "sentences are ordered non-empty spans inside their block");
    for (const Span& s : sentences) {
      const std::string_view t = doc.slice(s);
      require(trim(t).size() == t.size(), "sentences are trimmed");
      require(isValidUtf8(t), "sentences begin and end on code point boundaries");
    }
  }
}

// One line of valid UTF-8, as `vorlesen normalize` feeds it.
void runNormalizer(std::string_view bytes) {
  static const Normalizer normalizer(LanguageData::german());
  std::string text = repairUtf8(bytes).text;
  blankControlCharacters(text);
  const SpokenText spoken = normalizer.normalize(text);
  require(isValidUtf8(spoken.text), "spoken text is valid UTF-8");
  requireOrderedSpans(spoken.pieces, Span{0, spoken.text.size()}, false,
                      [](const AlignedPiece& p) { return p.spoken; }, "pieces are ordered spans of the spoken text");
  for (const AlignedPiece& p : spoken.pieces) {
    require(p.source.begin <= p.source.end && p.source.end <= text.size(), "piece sources lie in the input");
  }
  const Span all = spoken.sourceOf(0, spoken.text.size());
  require(all.begin <= all.end && all.end <= text.size(), "sourceOf() stays inside the input");
}

const PageMarkers& markers() {
  static const PageMarkers m(LanguageData::german());
  return m;
}

void runExtractHtml(std::string_view bytes) { requireDocument(extractHtml("fuzz.html", bytes, markers())); }
void runExtractText(std::string_view bytes) { requireDocument(extractPlainText("fuzz.txt", bytes, markers())); }

// The first byte chooses how many fields a row needs (1 to 4), as the different tables do.
void runTsv(std::string_view bytes) {
  if (bytes.empty()) return;
  const std::size_t min_fields = 1 + static_cast<unsigned char>(bytes[0]) % 4;
  try {
    const TsvTable table = parseTsv(bytes.substr(1), "fuzz.tsv", min_fields);
    std::size_t line = 0;
    for (const TsvRow& row : table.rows) {
      require(row.line > line, "rows are in line order");
      line = row.line;
      require(row.fields.size() >= min_fields, "rows have the required fields");
      for (const std::string& f : row.fields) {
        require(f.find_first_of("\t\n") == std::string::npos, "fields hold no TAB or newline");
      }
    }
  } catch (const Error& e) {
    require(e.kind() == ErrorKind::Data, "a malformed table is a data error");
    require(std::string_view(e.what()).rfind("fuzz.tsv:", 0) == 0, "the message names the file and line");
  }
}

// The longest run of single letters each followed by a dot, with spaces, punctuation or format
// characters around the dots ("a.b.", "a . b .", "a.,b.,"): what eSpeak NG 1.51 copies into one fixed
// word buffer (measured with espeak-ng -v de: 120 pieces of each abort with stack smashing).
std::size_t longestDottedLetterRun(std::string_view text) {
  std::size_t longest = 0, run = 0, i = 0;
  char32_t prev = ' ';
  bool letter_pending = false;
  while (i < text.size()) {
    const char32_t cp = nextCodepoint(text, i);
    if (cp == '.') {
      if (letter_pending) longest = std::max(longest, ++run);
      letter_pending = false;
    } else if (u_isspace(static_cast<UChar32>(cp)) || u_ispunct(static_cast<UChar32>(cp)) ||
               u_charType(static_cast<UChar32>(cp)) == U_FORMAT_CHAR) {
      // eSpeak NG 1.51 keeps reading one run across spaces, punctuation and format characters
    } else if (u_isalpha(static_cast<UChar32>(cp)) && !u_isalpha(static_cast<UChar32>(prev)) && !letter_pending) {
      letter_pending = true;
    } else {
      run = 0;
      letter_pending = false;
    }
    prev = cp;
  }
  return longest;
}

// sanitizeForEspeak(), the last step before text reaches eSpeak NG: no byte moves, bytes are only
// ever blanked, no control character and no long dotted-letter run (first crash at 57) survives.
void runEspeakText(std::string_view bytes) {
  const std::string input = repairUtf8(bytes).text;
  std::string safe = input;
  sanitizeForEspeak(safe);
  require(safe.size() == input.size(), "no byte moves");
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const auto c = static_cast<unsigned char>(safe[i]);
    require(c >= 0x20 || c == '\n' || c == '\t', "no C0 control character reaches eSpeak NG");
    require(c != 0x7F, "no DEL reaches eSpeak NG");
    require(safe[i] == input[i] || safe[i] == ' ', "bytes are only ever blanked");
  }
  require(isValidUtf8(safe), "the sanitized text is valid UTF-8");
  require(longestDottedLetterRun(safe) < 40, "no long run of dotted single letters reaches eSpeak NG");
}

}  // namespace

const std::vector<Target>& targets() {
  static const std::vector<Target> all{
      {"document", "document loading and UTF-8 repair", runDocument},
      {"segmenter", "sentence segmentation of every block", runSegmenter},
      {"normalizer", "normalization of one line", runNormalizer},
      {"extract_html", "HTML article extraction", runExtractHtml},
      {"extract_text", "text-dump article extraction", runExtractText},
      {"tsv", "the TSV parser of all language data", runTsv},
      {"espeak_text", "the text cleaning before eSpeak NG", runEspeakText},
  };
  return all;
}

const Target* findTarget(std::string_view name) {
  for (const Target& t : targets()) {
    if (name == t.name) return &t;
  }
  return nullptr;
}

}  // namespace vorlesen::fuzz
