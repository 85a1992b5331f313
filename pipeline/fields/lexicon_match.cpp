// Weighted edit distance and lexicon lookup (see lexicon_match.hpp).
#include "fields/lexicon_match.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>

#include "core/text.hpp"

namespace ledger {
namespace {

// A lower-case code point split into its base letter, vowel/consonant shape and tone mark.
struct Glyph {
  char32_t cp = 0;
  char32_t base = 0;
  char32_t shape = 0;  // U+0302 circumflex, U+0306 breve, U+031B horn, 'd' for đ; 0 none
  char32_t tone = 0;   // U+0300/0301/0303/0309/0323; 0 none
};

Glyph glyph_of(char32_t c) {
  Glyph g;
  g.cp = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
  g.base = g.cp;
  if (g.cp == U'đ') {
    g.base = U'd';
    g.shape = U'd';
    return g;
  }
  if (g.cp < 0xC0) return g;
  utf8proc_int32_t buf[8];
  int last = 0;
  auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(g.cp), buf, 8, UTF8PROC_DECOMPOSE, &last);
  if (n <= 0 || n > 8) return g;
  g.base = static_cast<char32_t>(buf[0]);
  for (int i = 1; i < n; ++i) {
    char32_t m = static_cast<char32_t>(buf[i]);
    if (m == 0x0302 || m == 0x0306 || m == 0x031B) g.shape = m;
    else g.tone = m;
  }
  return g;
}

std::vector<Glyph> glyphs_of(std::string_view s) {
  std::vector<Glyph> out;
  for (char32_t c : to_u32(nfc(s))) out.push_back(glyph_of(c));
  return out;
}

// Look-alike classes under OCR (ASCII base letters and digits).
int lookalike_class(char32_t b) {
  switch (b) {
    case U'l': case U'i': case U'1': case U'|': return 1;
    case U'0': case U'o': case U'q': return 2;
    case U'5': case U's': return 3;
    case U'8': case U'b': return 4;
    case U'c': case U'e': return 5;
    case U'u': case U'v': return 6;
    case U'n': case U'h': return 7;
    case U'g': case U'9': case U'y': return 8;
    case U'2': case U'z': return 9;
    default: return 0;
  }
}

double sub_cost(const Glyph& a, const Glyph& b) {
  if (a.cp == b.cp) return 0;
  if (a.base == b.base) {
    bool shape = a.shape != b.shape, tone = a.tone != b.tone;
    return shape && tone ? 0.4 : 0.3;
  }
  int ca = lookalike_class(a.base);
  if (ca != 0 && ca == lookalike_class(b.base)) return 0.5;
  return 1.0;
}

// The cheapest substitution of query glyph `q` by `e` given q's OCR alternatives.
double sub_cost_alt(const Glyph& q, const Glyph& e, const CharChoice* alt) {
  double c = sub_cost(q, e);
  if (c == 0 || !alt || alt->alternatives.empty()) return c;
  // The cheaper, the closer the alternative came to the character read: Tesseract lists tone
  // variants at 1% beside a confident reading, and such an alternative is no evidence ("Phương"
  // read clean, "Phượng" listed): on held-out seed 303 a flat 0.2 made 104 right typed names
  // look ambiguous.
  const double top = std::max(alt->alternatives.front().second, 1e-6);
  for (const auto& [text, conf] : alt->alternatives) {
    auto u = to_u32(nfc(text));
    if (u.size() == 1 && glyph_of(u[0]).cp == e.cp) {
      double closeness = std::clamp(conf / top, 0.0, 1.0);
      return std::min(c, 0.2 + (c - 0.2) * (1 - closeness));
    }
  }
  return c;
}

// Two query glyphs read for one true glyph (or the reverse): rn/m, cl/d.
bool pair_for(const Glyph& x, const Glyph& y, const Glyph& one) {
  return (x.cp == U'r' && y.cp == U'n' && one.cp == U'm') || (x.cp == U'c' && y.cp == U'l' && one.cp == U'd');
}

std::u32string pack(const std::vector<Glyph>& g) {
  std::u32string out;
  for (const auto& x : g) out += {x.cp, x.base, x.shape, x.tone};
  return out;
}

// Margins are only told up to this: beyond it the runner-up is irrelevant, and not looking for
// it lets most DPs stop after a row or two.
constexpr double kMarginCap = 1.0;

// Which base letters a string holds, one bit each (a-z, digits folded onto 6 bits, the rest one).
uint32_t letter_mask(const std::vector<Glyph>& g) {
  uint32_t m = 0;
  for (const auto& x : g) {
    if (x.base >= U'a' && x.base <= U'z') m |= 1u << (x.base - U'a');
    else if (x.base >= U'0' && x.base <= U'9') m |= 1u << (26 + (x.base - U'0') % 5);
    else m |= 1u << 31;
  }
  return m;
}

// A lower bound of the distance from the letter sets alone: every letter in one set and not the
// other needs an edit that changes the base letter; one such edit (at least 0.5, a pair edit)
// accounts for at most three such letters.
double mask_bound(uint32_t a, uint32_t b) {
  int diff = __builtin_popcount(a ^ b);
  return 0.5 * double((diff + 2) / 3);
}

// A lexicon entry's packed glyphs (see pack), read in place.
struct PackedView {
  const char32_t* p;
  Glyph operator[](size_t j) const { return {p[4 * j], p[4 * j + 1], p[4 * j + 2], p[4 * j + 3]}; }
};

// The DP of weighted_distance; gives up (returning a value > cutoff) once no path can end at or
// below `cutoff`.
template <class E>
double distance(const std::vector<Glyph>& q, const E& e, size_t m, const CharAlternatives* alts,
                double cutoff) {
  const size_t n = q.size();
  thread_local std::vector<double> d;
  d.assign((n + 1) * (m + 1), 0.0);
  auto at = [&](size_t i, size_t j) -> double& { return d[i * (m + 1) + j]; };
  for (size_t j = 0; j <= m; ++j) at(0, j) = double(j);
  double prev_min = 0;
  for (size_t i = 1; i <= n; ++i) {
    at(i, 0) = double(i);
    double row_min = at(i, 0);
    const CharChoice* alt = alts && i - 1 < alts->size() ? (*alts)[i - 1] : nullptr;
    for (size_t j = 1; j <= m; ++j) {
      const Glyph ej = e[j - 1];
      double v = std::min(at(i - 1, j) + 1, at(i, j - 1) + 1);
      double sub = q[i - 1].cp == ej.cp ? 0.0 : sub_cost_alt(q[i - 1], ej, alt);
      v = std::min(v, at(i - 1, j - 1) + sub);
      if (i >= 2 && pair_for(q[i - 2], q[i - 1], ej)) v = std::min(v, at(i - 2, j - 1) + 0.5);
      if (j >= 2 && pair_for(e[j - 2], ej, q[i - 1])) v = std::min(v, at(i - 1, j - 2) + 0.5);
      at(i, j) = v;
      row_min = std::min(row_min, v);
    }
    // Every path to the end crosses this row or jumps over it from the previous one (pair edit).
    double bound = std::min(row_min, prev_min + 0.5);
    if (bound > cutoff) return bound;
    prev_min = row_min;
  }
  return at(n, m);
}

}  // namespace

std::vector<std::pair<std::string, CharAlternatives>> words_with_alternatives(
    std::string_view raw, const std::vector<CharChoice>* chars) {
  std::u32string u = to_u32(nfc(raw));
  auto space = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0; };
  size_t non_space = 0;
  for (char32_t c : u) non_space += space(c) ? 0 : 1;
  bool with_spaces = chars && chars->size() == u.size();
  bool without_spaces = chars && !with_spaces && chars->size() == non_space;
  std::vector<std::pair<std::string, CharAlternatives>> out;
  std::u32string word;
  CharAlternatives alts;
  size_t k = 0;  // index into chars when they skip spaces
  auto flush = [&] {
    if (!word.empty()) out.emplace_back(to_utf8(word), alts);
    word.clear();
    alts.clear();
  };
  for (size_t i = 0; i < u.size(); ++i) {
    if (space(u[i])) {
      flush();
      continue;
    }
    word.push_back(u[i]);
    const CharChoice* c = with_spaces ? &(*chars)[i] : without_spaces ? &(*chars)[k] : nullptr;
    alts.push_back(c);
    ++k;
  }
  flush();
  if (!with_spaces && !without_spaces)
    for (auto& [w, a] : out) a.clear();
  return out;
}

double weighted_distance(std::string_view query, std::string_view entry, const CharAlternatives* alts) {
  auto e = glyphs_of(entry);
  return distance(glyphs_of(query), e, e.size(), alts, std::numeric_limits<double>::infinity());
}

void LexiconIndex::add(const std::string& entry, double count) {
  std::string text = clean_text(entry);
  if (text.empty()) return;
  std::string key = tone_key(text);
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    entries_[it->second].count += count;
    max_count_ = std::max(max_count_, entries_[it->second].count);
    return;
  }
  auto g = glyphs_of(text);
  Entry e{text, pack(g), letter_mask(g), count};
  size_t len = e.glyphs.size() / 4;
  if (by_length_.size() <= len) by_length_.resize(len + 1);
  by_length_[len].push_back(entries_.size());
  by_key_.emplace(std::move(key), entries_.size());
  entries_.push_back(std::move(e));
  max_count_ = std::max(max_count_, count);
}

std::optional<size_t> LexiconIndex::find_exact(std::string_view s) const {
  auto it = by_key_.find(tone_key(s));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

LexiconMatch LexiconIndex::best(std::string_view query, const CharAlternatives* alts,
                                double max_distance) const {
  LexiconMatch m;
  if (entries_.empty()) return m;
  std::vector<Glyph> q = glyphs_of(query);
  auto exact = find_exact(query);
  const uint32_t qmask = letter_mask(q);
  const double log_max = std::log1p(max_count_);
  double best_score = std::numeric_limits<double>::infinity(), second = best_score;
  auto consider = [&](size_t idx, double dist) {
    double score = dist + 0.1 * (1 - std::log1p(entries_[idx].count) / log_max);
    if (score < best_score) {
      second = best_score;
      if (!std::isinf(best_score)) m.runner_up = m.found ? std::optional<size_t>(m.index) : std::nullopt;
      best_score = score;
      m.found = dist <= max_distance;
      if (m.found) {
        m.index = idx;
        m.entry = entries_[idx].text;
        m.distance = dist;
      }
    } else if (score < second) {
      second = score;
      m.runner_up = idx;
    }
  };
  if (exact) consider(*exact, 0);
  // Buckets nearest in length first, so the runner-up bound tightens early and farther buckets
  // are skipped whole: a length difference k costs at least 0.5 k (pair edits), else k.
  const size_t n = q.size();
  size_t reach = static_cast<size_t>(std::ceil(2 * (max_distance + 0.5)));
  for (size_t k = 0; k <= reach; ++k) {
    double limit = std::min({max_distance + 0.5, second, best_score + kMarginCap});
    if (0.5 * double(k) > limit) break;
    for (int sign : {-1, 1}) {
      if (k == 0 && sign == 1) continue;
      if (sign == -1 && k > n) continue;
      size_t len = sign == -1 ? n - k : n + k;
      if (len >= by_length_.size()) continue;
      for (size_t idx : by_length_[len]) {
        if (exact && *exact == idx) continue;
        double cutoff = std::min({max_distance + 0.5, second, best_score + kMarginCap});
        if (!alts && mask_bound(qmask, entries_[idx].mask) > cutoff) continue;
        double dist = distance(q, PackedView{entries_[idx].glyphs.data()}, len, alts, cutoff);
        if (dist > cutoff) continue;  // cannot be best or runner-up
        consider(idx, dist);
      }
    }
  }
  if (!m.found) return LexiconMatch{};
  m.margin = std::min(second - best_score, kMarginCap);
  m.exact = exact && *exact == m.index;
  return m;
}

ClosedMatch best_in_closed_vocabulary(const LexiconIndex& idx, std::string_view query, double near,
                                      double far_share, const std::function<bool(size_t, size_t)>& same) {
  ClosedMatch r;
  r.match = idx.best(query, nullptr, near);
  if (r.match.found) return r;
  LexiconMatch wide = idx.best(query, nullptr, far_share * double(utf8_length(query)));
  if (!wide.found) return r;
  const bool alone = wide.margin >= kMarginCap || (same && wide.runner_up && same(wide.index, *wide.runner_up));
  if (!alone) return r;
  r.match = wide;
  r.far = true;
  return r;
}

}  // namespace ledger
