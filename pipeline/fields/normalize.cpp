// The per-type dispatch of field normalisation, and the two date normalisers (see normalize.hpp).
#include "fields/normalize.hpp"

#include "core/text.hpp"
#include "fields/date_words.hpp"
#include "fields/dates.hpp"
#include "fields/ethnicity.hpp"
#include "fields/names.hpp"
#include "fields/nationality.hpp"
#include "fields/ocr_debris.hpp"
#include "fields/places.hpp"
#include "fields/sex.hpp"
#include "fields/simple_fields.hpp"

namespace ledger {
namespace {

// Years a register date can plausibly carry: not before 1890 (the oldest living parents of the
// oldest books), not more than 5 years after the book opened (a book can span several years).
bool plausible_year(int year, std::optional<int> book_year) {
  if (year < 1890) return false;
  return year <= (book_year ? *book_year + 5 : 2030);
}

NormalizedValue normalize_date(const std::string& raw, const FieldContext& ctx) {
  NormalizedValue out;
  std::string text = clean_text(raw);
  if (text.empty()) return out;
  DateParse p = parse_date_text(text, ctx.book_year);
  out.corrected = p.ocr_fixed;
  if (p.date) {
    out.value = format_date(*p.date);
    out.parsed = true;
    if (p.two_digit_year) out.reasons.push_back("two-digit-year");
    if (!plausible_year(p.date->year, ctx.book_year)) out.reasons.push_back("implausible-year");
    return out;
  }
  if (p.impossible) {  // flagged, never silently fixed: the clerk sees it as written
    out.value = text;
    out.reasons.push_back("impossible-date");
    return out;
  }
  // Digits failed: the date may be written in words in a digits field.
  DateWordsParse w = parse_date_words(text);
  if (w.date) {
    out.value = format_date(*w.date);
    out.parsed = true;
    out.corrected = w.corrected;
    out.lexicon_distance = w.distance;
    if (w.ambiguous) out.reasons.push_back("lexicon-ambiguous");
    return out;
  }
  out.value = text;
  out.reasons.push_back(w.impossible ? "impossible-date" : "unparsed-date");
  return out;
}

NormalizedValue normalize_date_words(const std::string& raw, const FieldContext& ctx) {
  NormalizedValue out;
  std::string text = clean_text(raw);
  if (text.empty()) return out;
  DateWordsParse w = parse_date_words(text);
  if (w.date) {
    out.value = w.text;  // stays in words (the MoJ column and the ground truth are words)
    out.parsed = true;
    out.corrected = w.corrected;
    out.lexicon_distance = w.distance;
    if (w.ambiguous) out.reasons.push_back("lexicon-ambiguous");
    if (!plausible_year(w.date->year, ctx.book_year)) out.reasons.push_back("implausible-year");
    return out;
  }
  out.value = text;
  out.reasons.push_back(w.impossible ? "impossible-date" : "unparsed-date");
  return out;
}

}  // namespace

NormalizedValue normalize_field(FieldType type, const std::string& reading, const FieldContext& ctx) {
  // Word-valued fields lose the marks ruling lines leave at their edges; digits fields keep
  // theirs, where '-' or '/' can be part of the value.
  const std::string raw = is_numeric(type) || type == FieldType::Checkbox ? reading : strip_rule_debris(reading);
  switch (type) {
    case FieldType::Name: return normalize_name(raw, ctx);
    case FieldType::Date: return normalize_date(raw, ctx);
    case FieldType::DateWords: return normalize_date_words(raw, ctx);
    case FieldType::Sex: return normalize_sex(raw, ctx);
    case FieldType::Ethnicity: return normalize_ethnicity(raw, ctx);
    case FieldType::Nationality: return normalize_nationality(raw, ctx);
    case FieldType::Place: return normalize_place(raw, ctx);
    case FieldType::Number: return normalize_number(raw, ctx);
    case FieldType::IdNumber: return normalize_id_number(raw, ctx);
    case FieldType::Checkbox: return normalize_checkbox(raw, ctx);
    case FieldType::Text: break;
  }
  return normalize_text(raw, ctx);
}

}  // namespace ledger
