// Internal: the German marker words of page clutter (voices/de/page_markers.tsv) and the two
// extractors that use them. Public callers go through extract.h (loadArticle, extractArticle); the
// tests and fuzz targets call the extractors directly.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "vorlesen/document.h"

namespace vorlesen {

class LanguageData;

// The marker words, from the table "page_markers" (see that file's header). Immutable after
// construction.
class PageMarkers {
 public:
  explicit PageMarkers(const LanguageData& data);
  // The table of LanguageData::german(), loaded once (thread-safe).
  static const PageMarkers& german();

  enum class Kind {
    Line, Block, End, Home, Credit, Figure, Byline, Month, TimeSuffix, TimeJoiner, Consent, ConsentMarkup, Pointer,
    ClassDrop, ClassKeep, ClassByline, ClassNegation, ClassLead, ClassTaxonomy
  };
  // Whether the whole `line` (trimmed, case-insensitive, a trailing ':' or '.' ignored) is one of
  // the phrases of `kind`.
  bool lineIs(Kind kind, std::string_view line) const;
  // A picture caption or credit: ends in a credit marker and a short source ("… Foto: dpa",
  // "… © AFP / Getty Images"), is a short line starting with one ("Quelle: DJV, 2. Februar 2022"),
  // or starts with a numbered figure ("Abbildung 4: ...", "Abb. 2: ...").
  bool isCaption(std::string_view line) const;
  // A short ad label or disclosure: a one-word block marker, then punctuation ("Anzeige, enthält
  // Affiliate Links", "*Werbung. Dieser Beitrag enthält Werbung für ...").
  bool isDisclosure(std::string_view line) const;
  // The phrases of one kind, lower case.
  const std::vector<std::string>& phrases(Kind kind) const;
  // The byte length of the longest phrase of one kind (0 when it has none). Case folding shrinks
  // text at most threefold (U+212A KELVIN SIGN -> "k"): a line over three times as long cannot fold
  // to a phrase, and need not be folded.
  std::size_t longest(Kind kind) const { return longest_[static_cast<std::size_t>(kind)]; }
  // A date with an optional time, as bylines end ("08.02.2025 - 15:57 Uhr", "12. März 2025"), the
  // month names and time words from the table; case-insensitive.
  const std::regex& bylineDate() const { return byline_date_; }

 private:
  bool endsInCopyright(std::string_view line) const;
  bool startsWithFigure(std::string_view line) const;
  std::string alternation(Kind kind) const;
  std::regex makeBylineDate() const;

  std::vector<std::vector<std::string>> phrases_;
  std::vector<std::size_t> longest_;
  std::regex byline_date_;
};

// Case-folded UTF-8 (ICU full case folding: "Straße" and "STRASSE" meet), for marker comparisons.
std::string foldCase(std::string_view text);

// `charset`: the server's Content-Type charset, which goes before the page's own <meta> ("" if none).
Document extractHtml(std::string name, std::string_view bytes, const PageMarkers& markers,
                     std::string_view charset = {});
Document extractPlainText(std::string name, std::string_view bytes, const PageMarkers& markers);

// True when `doc`, extracted from the HTML `page`, is only a cookie or consent notice, not an
// article: its text is short and made of consent words (kind "consent"), or the page carries a
// consent platform's markup (kind "consent-markup") and has next to nothing else to read.
bool isConsentWall(const Document& doc, const PageMarkers& markers, std::string_view page);

}  // namespace vorlesen
