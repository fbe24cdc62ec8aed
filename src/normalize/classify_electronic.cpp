// Classifier: URLs, e-mail addresses, handles and telephone numbers.
#include <cctype>
#include <string>

#include "normalize/classifier.h"
#include "normalize/classifier_internal.h"

namespace vorlesen::normalize {

namespace {

bool isAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

// --- URLs, e-mail addresses, handles ----------------------------------------------------------------

bool Classifier::electronic(std::size_t i, Semiotic& out) const {
  if (i > 0 && !isSpace(i - 1) && !isSym(i - 1, "(") && !isSym(i - 1, "<")) return false;
  // A word or number standing alone holds no "." "@" ":": most words end here.
  if (toks_[i].kind != TokenKind::Symbol && (i + 1 >= toks_.size() || isSpace(i + 1))) return false;
  const std::size_t begin = toks_[i].span.begin;
  const std::size_t end = addressEnd(begin);
  const std::string_view chunk = text_.substr(begin, end - begin);
  if (!looksLikeAddress(chunk)) return false;
  out.cls = TokenClass::Electronic;
  out.first = i;
  std::size_t j = i;
  while (j < toks_.size() && toks_[j].span.end <= end) ++j;
  out.last = j;
  addressParts(begin, chunk, out);
  return !out.parts.empty();
}

std::size_t Classifier::addressEnd(std::size_t begin) const {
  std::size_t end = begin;
  while (end < within_.end && static_cast<unsigned char>(text_[end]) > ' ') ++end;
  // Closing punctuation belongs to the sentence, not the address.
  while (end > begin && std::string_view(".,;:!?)>\"'").find(text_[end - 1]) != std::string_view::npos) --end;
  return end;
}

bool Classifier::looksLikeAddress(std::string_view chunk) const {
  // Every kind of address has a dot, an "@" or a colon: most words are rejected here.
  if (chunk.size() < 3) return false;
  bool marked = false;
  for (char c : chunk) marked = marked || c == '.' || c == '@' || c == ':';
  if (!marked) return false;
  const std::size_t at = chunk.find('@');
  const bool url = data_.urlPrefix(chunk);
  const bool mail = at != std::string_view::npos && at > 0 && chunk.find('.', at) != std::string_view::npos &&
                    chunk.find('@', at + 1) == std::string_view::npos;
  const bool handle = at == 0 && chunk.size() > 1 && std::isalnum(static_cast<unsigned char>(chunk[1]));
  if (!url && !mail && !handle && !isDomain(chunk)) return false;
  // Every byte must be printable ASCII; anything else is not an address we can read out.
  for (char c : chunk) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool Classifier::isDomain(std::string_view chunk) const {
  // "derstandard.at", "Standard.at/Panorama", "pic.example.com/Ab12Cd": labels of letters, digits and
  // hyphens joined by dots, the last one a top-level domain of electronic.tsv.
  const std::string_view host = chunk.substr(0, chunk.find('/'));
  const std::size_t last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos || last_dot < 2 || !data_.topLevelDomain(host.substr(last_dot + 1))) {
    return false;
  }
  std::size_t label = 0;
  for (std::size_t k = 0; k < host.size(); ++k) {
    const char c = host[k];
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
      ++label;
    } else {
      return false;
    }
  }
  return true;
}

namespace {

// A path segment that is an identifier, not a word: "Ab12Cd", "x7f9q2" (letters and digits mixed).
bool isIdentifier(std::string_view segment) {
  bool letter = false, digit = false;
  for (char c : segment) {
    if (isAlpha(c)) letter = true;
    else if (isDigit(c)) digit = true;
    else return false;
  }
  return letter && digit && segment.size() >= 5;
}

}  // namespace

void Classifier::addressParts(std::size_t begin, std::string_view chunk, Semiotic& out) const {
  // Words and short parts spelled, symbols by name (electronic.tsv); numbers of one or two digits as
  // numbers ("@BR24"), longer ones digit by digit; identifiers in a path ("/Ab12Cd") are left out.
  std::size_t k = 0;
  while (k < chunk.size()) {
    const std::size_t s = k;
    const char c = chunk[k];
    if (c == '/' && k > 0) {
      std::size_t e = k + 1;
      while (e < chunk.size() && chunk[e] != '/' && chunk[e] != '?') ++e;
      if (isIdentifier(chunk.substr(k + 1, e - k - 1))) {
        k = e;
        continue;
      }
    }
    if (isAlpha(c)) {
      while (k < chunk.size() && isAlpha(chunk[k])) ++k;
      const std::string_view w = chunk.substr(s, k - s);
      const Span wsrc{begin + s, begin + k};
      if (const std::string* spoken = data_.urlWord(lowerGerman(w))) {
        out.parts.push_back(words(wsrc, *spoken));
      } else if (w.size() < 4) {  // "abc", "de": spelled; longer parts are read as words
        Part p = words(wsrc, std::string(w));
        p.kind = PartKind::Letters;
        out.parts.push_back(std::move(p));
      } else {
        out.parts.push_back(words(wsrc, std::string(w)));
      }
    } else if (isDigit(c)) {
      while (k < chunk.size() && isDigit(chunk[k])) ++k;
      const std::string_view digits = chunk.substr(s, k - s);
      const Span src{begin + s, begin + k};
      out.parts.push_back(digits.size() <= 2 && digits[0] != '0' ? numberPart(src, digits, NumberForm::Numbering)
                                                                 : digitsPart(src, digits));
    } else {
      ++k;
      if (const std::string* spoken = data_.urlSymbol(chunk.substr(s, 1))) {
        out.parts.push_back(words(Span{begin + s, begin + s + 1}, *spoken));
      }
    }
  }
}

// --- telephone numbers -----------------------------------------------------------------------------

bool Classifier::telephone(std::size_t i, Semiotic& out) const {
  std::size_t j = i;
  Part lead;
  bool have_lead = false;
  if (isSym(i, "+") && isNum(i + 1) && toks_[i + 1].text.size() <= 3 && (isSpace(i + 2) || isSym(i + 2, "-"))) {
    // "+49 30 1234567": "plus neunundvierzig", then the digits.
    lead = numberPart(spanOf(i, i + 2), toks_[i + 1].text, NumberForm::Numbering);
    have_lead = true;
    j = i + 3;
  } else if (isSym(i, "(") && isNum(i + 1) && toks_[i + 1].text[0] == '0' && isSym(i + 2, ")")) {
    j = i;
  } else if (isNum(i) && toks_[i].text.size() >= 3 && toks_[i].text[0] == '0' && !isSym(i + 1, ",") &&
             !isSym(i + 1, ".") && !isSym(i + 1, ":")) {
    j = i;
  } else if (isNum(i) && toks_[i].text.size() == 2 && toks_[i].text[0] == '0' && isSym(i + 1, "/") && isNum(i + 2)) {
    j = i;  // "01/123 45 67": Vienna's area code
  } else {
    return false;
  }
  std::vector<Part> groups;
  std::size_t digits = 0;
  std::size_t last = j;
  for (std::size_t k = j; k < toks_.size();) {
    if (isSym(k, "(") && isNum(k + 1) && isSym(k + 2, ")")) {
      groups.push_back(digitsPart(spanOf(k, k + 3), toks_[k + 1].text));
      digits += toks_[k + 1].text.size();
      k += 3;
    } else if (isNum(k)) {
      groups.push_back(digitsPart(toks_[k].span, toks_[k].text));
      digits += toks_[k].text.size();
      ++k;
    } else {
      break;
    }
    last = k;
    // Groups are separated by one space, "-" or "/".
    if (!(isSpace(k) || isSym(k, "-") || isSym(k, "/")) || !(isNum(k + 1) || isSym(k + 1, "("))) break;
    if (isSpace(k) && toks_[k].text != " ") break;
    ++k;
  }
  if (groups.empty() || digits < (have_lead ? 5u : 6u)) return false;
  if (!have_lead && groups.size() == 1 && !isSym(i, "(") && toks_[i].text.size() < 6) return false;
  out.cls = TokenClass::Telephone;
  out.first = i;
  out.last = last;
  if (have_lead) {
    out.parts.push_back(words(toks_[i].span, data_.word("plus")));
    out.parts.push_back(std::move(lead));
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (g + 1 < groups.size()) groups[g].suffix = ",";
    out.parts.push_back(std::move(groups[g]));
  }
  return true;
}

}  // namespace vorlesen::normalize
