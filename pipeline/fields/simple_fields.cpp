// Numbers, identity numbers, free text and checkboxes (see simple_fields.hpp).
#include "fields/simple_fields.hpp"

#include <cctype>

#include "core/text.hpp"
#include "fields/lexicons.hpp"
#include "fields/places.hpp"

namespace ledger {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

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
    digits += is_digit(c) ? 1 : 0;
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
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
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
  std::string text = clean_text(raw), kept;
  for (char c : text)
    if (c != ' ' && c != '.' && c != '-') kept.push_back(c);
  out.value = kept;
  if (kept.empty()) return out;
  bool changed = false;
  std::string fixed = letters_to_digits(kept, &changed);
  bool digits_only = true;
  for (char c : fixed) digits_only = digits_only && is_digit(c);
  if (digits_only) {
    out.value = fixed;
    out.corrected = changed;
  }
  if (!digits_only) {
    out.reasons.push_back("id-format");
  } else if (fixed.size() != 9 && fixed.size() != 12) {
    out.reasons.push_back("id-length");
  } else {
    out.parsed = true;
  }
  return out;
}

NormalizedValue normalize_text(const std::string& raw, const FieldContext& ctx) {
  NormalizedValue out;
  out.value = clean_text(raw);
  out.parsed = !out.value.empty();
  if (out.value.empty() || !ctx.lexicons || ctx.lexicons->syllables().empty()) return out;
  auto [share, unknown] = unknown_syllable_share(out.value, *ctx.lexicons);
  out.lexicon_distance = share;
  // A third: a guess, not tuned (names of people and places in notes are often not in the list).
  if (unknown >= 2 && share > 1.0 / 3) out.reasons.push_back("unknown-syllables");
  return out;
}

NormalizedValue normalize_checkbox(const std::string& raw, const FieldContext&) {
  NormalizedValue out;
  out.value = clean_text(raw);
  out.parsed = !out.value.empty();
  return out;
}

}  // namespace ledger
