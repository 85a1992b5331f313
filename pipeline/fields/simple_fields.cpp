// Numbers, identity numbers, free text and checkboxes (see simple_fields.hpp).
#include "fields/simple_fields.hpp"

#include <utility>

#include "core/text.hpp"
#include "fields/id_paper.hpp"
#include "fields/lexicons.hpp"
#include "fields/phrases.hpp"
#include "fields/places.hpp"
#include "fields/signer.hpp"

namespace ledger {

std::string letters_to_digits(const std::string& text, bool* changed) {
  std::string out;
  for (char c : text) {
    char d = c;
    switch (c) {
      case 'O': case 'o': case 'D': case 'Q': d = '0'; break;
      case 'l': case 'I': case '|': case 'i': d = '1'; break;
      case 'Z': case 'z': d = '2'; break;
      case 'S': case 's': d = '5'; break;
      case 'B': d = '8'; break;
      default: break;
    }
    if (d != c && changed) *changed = true;
    out.push_back(d);
  }
  return out;
}

NormalizedValue normalize_number(const std::string& raw, const FieldContext&) {
  NormalizedValue out;
  std::string text = clean_text(raw);
  std::string lower = to_lower(text);
  for (const char* label : {"số:", "số", "trang số:", "trang số"}) {
    std::string l(label);
    if (lower.rfind(l, 0) == 0) {
      text = clean_text(text.substr(l.size()));
      break;
    }
  }
  while (!text.empty() && (text.front() == ':' || text.front() == '.')) text = clean_text(text.substr(1));
  while (!text.empty() && (text.back() == '.' || text.back() == ',')) text.pop_back();
  std::string compact;  // spaces around '/' removed
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && ((i > 0 && text[i - 1] == '/') || (i + 1 < text.size() && text[i + 1] == '/'))) continue;
    compact.push_back(text[i]);
  }
  out.value = compact;
  if (compact.empty()) return out;
  // Read look-alike letters as digits only when the rest is digits and slashes.
  size_t digits = 0, slashes = 0;
  for (char c : compact) {
    digits += is_ascii_digit(c) ? 1 : 0;
    slashes += c == '/' ? 1 : 0;
  }
  if (digits * 2 >= compact.size() - slashes) {
    bool changed = false;
    std::string fixed = letters_to_digits(compact, &changed);
    if (changed) {
      out.value = fixed;
      out.corrected = true;
    }
  }
  const std::string& v = out.value;
  size_t slash = v.find('/');
  auto all_digits = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
      if (!is_ascii_digit(c)) return false;
    return true;
  };
  out.parsed = slash == std::string::npos ? all_digits(v)
                                          : all_digits(std::string_view(v).substr(0, slash)) &&
                                                all_digits(std::string_view(v).substr(slash + 1));
  if (!out.parsed) out.reasons.push_back("number-format");
  return out;
}

NormalizedValue normalize_id_number(const std::string& raw, const FieldContext&) {
  NormalizedValue out;
  std::string text = clean_text(raw);
  while (!text.empty() && (text.back() == '.' || text.back() == ',')) text.pop_back();
  if (text.empty()) return out;
  // "CMND số 196262029": the paper's type is kept as written, the number after it is checked.
  // The number starts after the last word holding a letter that is not an OCR digit look-alike.
  auto words = split_words(text);
  size_t start = words.size();
  while (start > 0) {
    const std::string& w = words[start - 1];
    // Mostly real digits, the rest look-alikes: "196262O29" is a number, "so" is not.
    size_t real = 0;
    for (char c : w) real += is_ascii_digit(c) ? 1 : 0;
    bool numberish = real * 2 >= w.size();
    for (char c : letters_to_digits(w))
      if (!is_ascii_digit(c) && c != '.' && c != '-') numberish = false;
    if (!numberish) break;
    --start;
  }
  std::string prefix, number;
  for (size_t i = 0; i < words.size(); ++i) (i < start ? prefix : number) += (i < start ? " " : "") + words[i];
  prefix = clean_text(prefix);
  bool prefix_fixed = false;
  if (!prefix.empty()) prefix = restore_phrases(prefix, id_paper_phrases(), &prefix_fixed);
  std::string kept;
  for (char c : number)
    if (c != ' ' && c != '.' && c != '-') kept.push_back(c);
  if (kept.empty()) {  // no number at all
    out.value = text;
    out.reasons.push_back("id-format");
    return out;
  }
  bool changed = false;
  std::string digits = letters_to_digits(kept, &changed);
  out.value = prefix.empty() ? digits : prefix + " " + digits;
  out.corrected = changed || prefix_fixed;
  if (digits.size() != 9 && digits.size() != 12) {
    out.reasons.push_back("id-length");
  } else {
    out.parsed = true;
  }
  return out;
}

NormalizedValue normalize_text(const std::string& raw, const FieldContext& ctx) {
  const std::string text = clean_text(raw);
  NormalizedValue out;
  if (auto signer = normalize_signer(text, ctx)) {
    out = std::move(*signer);
  } else if (auto paper = normalize_id_paper(text)) {
    out = std::move(*paper);
  } else {
    out.value = text;
    out.parsed = !text.empty();
  }
  // Free-text evidence for every text value, whatever set it out: the share of syllables not in
  // the inventory (names of people and places in notes are often not in the list: only many
  // unknowns count).
  if (!out.value.empty() && ctx.lexicons && !ctx.lexicons->syllables().empty())
    out.lexicon_distance = flag_unknown_syllables(out, *ctx.lexicons);
  return out;
}

NormalizedValue normalize_checkbox(const std::string& raw, const FieldContext&) {
  NormalizedValue out;
  out.value = clean_text(raw);
  if (out.value.size() == 1) out.value = letters_to_digits(out.value, &out.corrected);  // codes are digits
  out.parsed = !out.value.empty();
  return out;
}

}  // namespace ledger
