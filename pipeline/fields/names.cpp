// Personal names (see names.hpp).
#include "fields/names.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include "core/text.hpp"
#include "fields/lexicons.hpp"

namespace ledger {
namespace {

// Punctuation OCR leaves around names (dotted leaders, label colons), not part of the value.
std::string strip_edges(const std::string& w) {
  std::u32string u = to_u32(w);
  auto junk = [](char32_t c) { return c == U'.' || c == U',' || c == U':' || c == U';' || c == U'_' || c == U'…'; };
  size_t a = 0, b = u.size();
  while (a < b && junk(u[a])) ++a;
  while (b > a && junk(u[b - 1])) --b;
  return to_utf8(u.substr(a, b - a));
}

// A name's syllables run together: split where a capital follows a small letter ("ThếNhung");
// a word no syllable list knows is split where it parts into two syllables the lists know up
// to a diacritic slip ("PHAMMINH", "PHÚCLỘC"), when exactly one place does (the hands of the
// generated ks-2016 tuning books, seed 101, ran 3 of 220 names together).
std::vector<std::string> split_syllables(const std::string& word, const Lexicons* lx) {
  std::vector<std::string> cased = split_words(split_joined_words(word));
  if (cased.size() > 1 || !lx) return cased;
  auto known = [&](std::string_view w, double limit) {
    for (NamePart part : {NamePart::Surname, NamePart::Middle, NamePart::Given})
      if (lx->names(part).best(w, nullptr, limit).found) return true;
    return false;
  };
  const std::u32string u = to_u32(word);
  if (u.size() < 4 || known(word, correction_limit(u.size()))) return cased;
  std::vector<std::string> split;
  for (size_t k = 2; k + 2 <= u.size(); ++k) {
    const std::string left = to_utf8(u.substr(0, k)), right = to_utf8(u.substr(k));
    if (!known(left, 0.5) || !known(right, 0.5)) continue;
    if (!split.empty()) return cased;  // two ways to part it: a guess
    split = {left, right};
  }
  return split.empty() ? cased : split;
}

}  // namespace

double correction_limit(size_t length) { return length <= 2 ? 0.5 : length <= 5 ? 1.0 : 1.5; }

NormalizedValue normalize_name(const std::string& raw, const FieldContext& ctx) {
  // "Trần Văn Định, Chủ tịch UBND xã": a signer's name with the title after a comma. The title
  // is kept as written; only the name is a name. (OCR alternatives are dropped with the title.)
  std::string cleaned = clean_text(raw);
  if (size_t comma = cleaned.find(','); comma != std::string::npos && comma > 0) {
    std::string title = clean_text(cleaned.substr(comma + 1));
    NormalizedValue name = normalize_name(cleaned.substr(0, comma), FieldContext{ctx.key, ctx.book_year, ctx.lexicons, nullptr});
    if (!title.empty()) name.value += ", " + title;
    return name;
  }
  NormalizedValue out;
  std::vector<std::pair<std::string, CharAlternatives>> words;
  for (auto& [w, a] : words_with_alternatives(raw, ctx.chars)) {
    std::string s = strip_edges(w);
    if (s.empty()) continue;
    if (s.size() != w.size()) a.clear();  // alignment lost: drop the alternatives
    const std::vector<std::string> syllables = split_syllables(s, ctx.lexicons);
    if (syllables.size() == 1) {
      words.emplace_back(std::move(s), std::move(a));
      continue;
    }
    for (const auto& syllable : syllables) words.emplace_back(syllable, CharAlternatives{});
  }
  if (words.empty()) return out;
  const Lexicons* lx = ctx.lexicons;
  bool miss = false, ambiguous = false;
  double margin = std::numeric_limits<double>::infinity();
  std::string value;
  for (size_t i = 0; i < words.size(); ++i) {
    const auto& [word, alts] = words[i];
    std::string shown = capitalize_words(word);
    if (lx) {
      NamePart part = words.size() == 1 || i + 1 == words.size() ? NamePart::Given
                      : i == 0                                   ? NamePart::Surname
                                                                 : NamePart::Middle;
      const CharAlternatives* a = alts.empty() ? nullptr : &alts;
      double limit = correction_limit(utf8_length(word));
      LexiconMatch m = lx->names(part).best(word, a, limit);
      if (part == NamePart::Middle) {  // compound given names put given syllables in the middle
        LexiconMatch g = lx->names(NamePart::Given).best(word, a, limit);
        if (g.found && (!m.found || g.distance < m.distance)) m = g;
      }
      if (!lx->names(part).empty() && !m.found) {
        miss = true;
      } else if (m.found) {
        margin = std::min(margin, m.margin);
        out.lexicon_distance += m.distance;
        if (!m.exact) {
          shown = capitalize_words(m.entry);
          out.corrected = true;
          if (m.margin < 0.1) ambiguous = true;  // the frequency prior alone decided
        } else if (m.margin < 0.25) {
          // A rare spelling one diacritic away from a far more frequent one ("Thi" / "Thị",
          // "Hai" / "Hải"): OCR drops marks far more often than such names occur.
          ambiguous = true;
        }
      }
    }
    if (!value.empty()) value += ' ';
    value += shown;
  }
  out.value = value;
  out.parsed = !miss;
  out.lexicon_margin = std::isinf(margin) ? 1.0 : margin;
  if (miss) out.reasons.push_back("lexicon-miss");
  if (ambiguous) out.reasons.push_back("lexicon-ambiguous");
  return out;
}

}  // namespace ledger
