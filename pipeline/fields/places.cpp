// Place fields (see places.hpp).
#include "fields/places.hpp"

#include <cmath>
#include <limits>

#include "core/text.hpp"
#include "fields/lexicons.hpp"
#include "fields/names.hpp"

namespace ledger {
namespace {

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    std::string p = clean_text(s.substr(start, end - start));
    if (!p.empty()) parts.push_back(p);
    start = end + 1;
  }
  return parts;
}

// The word without the punctuation OCR or writers put around it.
std::string bare_word(const std::string& w) {
  std::u32string u = to_u32(w), out;
  for (char32_t c : u)
    if (c != U'.' && c != U',' && c != U':' && c != U';' && c != U'(' && c != U')' && c != U'"') out.push_back(c);
  return to_utf8(out);
}

// Splits "Trạm y tế xã Triệu Ái" into {"Trạm y tế", "xã Triệu Ái"}: the head before the first
// unit-type word that has a name after it; {"", part} when the part starts with one or has none.
std::pair<std::string, std::string> split_head(const std::string& part) {
  auto words = split_words(part);
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    std::string rest;
    for (size_t j = i; j < words.size(); ++j) rest += (rest.empty() ? "" : " ") + words[j];
    auto [type, name] = split_unit_type(rest);
    if (type.empty() || name.empty()) continue;
    std::string head;
    for (size_t j = 0; j < i; ++j) head += (head.empty() ? "" : " ") + words[j];
    return {head, rest};
  }
  return {"", part};
}

bool has_letter(const std::string& w) {
  for (char32_t c : to_u32(w))
    if (!(c >= U'0' && c <= U'9') && c != U'/' && c != U'-') return true;
  return false;
}

}  // namespace

std::pair<double, size_t> unknown_syllable_share(const std::string& text, const Lexicons& lx) {
  size_t words = 0, unknown = 0;
  for (const auto& w : split_words(text)) {
    std::string b = bare_word(w);
    // Hyphenated loan syllables ("Bru-Vân") count per piece.
    size_t start = 0;
    while (start <= b.size()) {
      size_t end = b.find('-', start);
      if (end == std::string::npos) end = b.size();
      std::string piece = b.substr(start, end - start);
      if (!piece.empty() && has_letter(piece)) {
        ++words;
        if (!lx.is_syllable(piece)) ++unknown;
      }
      start = end + 1;
    }
  }
  if (words == 0) return {0, 0};
  return {double(unknown) / double(words), unknown};
}

NormalizedValue normalize_place(const std::string& raw, const FieldContext& ctx) {
  NormalizedValue out;
  std::string text = clean_text(raw);
  while (!text.empty() && (text.back() == '.' || text.back() == ',')) text.pop_back();
  out.value = text;
  if (text.empty()) return out;
  const Lexicons* lx = ctx.lexicons;
  if (!lx || lx->places().empty()) return out;

  const LexiconIndex& era = lx->place_index(ctx.book_year);
  const LexiconIndex& all = lx->place_index(std::nullopt);
  bool any_unit = false, other_era = false, ambiguous = false;
  double margin = std::numeric_limits<double>::infinity();
  std::vector<std::string> parts;
  for (const auto& whole : split_commas(text)) {
    // "Trạm y tế xã Triệu Ái": the unit starts at the first unit-type word after the head.
    auto [head, part] = split_head(whole);
    auto [type, name] = split_unit_type(part);
    std::string fixed = part;
    if (!name.empty() && has_letter(name)) {
      double limit = correction_limit(utf8_length(name));
      // A bare part ("Hướng Phùng") may be a unit too, but only an exact one: a hamlet or a
      // hospital is not to be "corrected" into the nearest commune.
      double max = type.empty() ? 0.0 : limit;
      LexiconMatch m = era.best(name, nullptr, max);
      if (!m.exact && ctx.book_year && all.find_exact(name)) {
        // The name as written is a real unit of another era (renamed, merged): keep it, flag it.
        any_unit = true;
        other_era = true;
      } else if (m.found) {
        any_unit = true;
        margin = std::min(margin, m.margin);
        out.lexicon_distance += m.distance;
        if (!m.exact) {
          out.corrected = true;
          if (m.margin < 0.1) ambiguous = true;
          fixed = type.empty() ? m.entry : type + " " + m.entry;
        }
      } else if (ctx.book_year && all.best(name, nullptr, max).found) {
        any_unit = true;
        other_era = true;
      }
    }
    parts.push_back(head.empty() ? fixed : head + " " + fixed);
  }
  std::string value;
  for (const auto& p : parts) value += (value.empty() ? "" : ", ") + p;
  out.value = value;
  out.parsed = any_unit;
  out.lexicon_margin = std::isinf(margin) ? 1.0 : margin;
  if (!any_unit) out.reasons.push_back("lexicon-miss");
  if (other_era) out.reasons.push_back("place-name-era");
  if (ambiguous) out.reasons.push_back("lexicon-ambiguous");
  auto [share, unknown] = unknown_syllable_share(value, *lx);
  // More than a third of the syllables unknown (and at least two): likely misread text. A guess,
  // not tuned; calibration sees lexicon_distance too.
  if (unknown >= 2 && share > 1.0 / 3) out.reasons.push_back("unknown-syllables");
  return out;
}

}  // namespace ledger
