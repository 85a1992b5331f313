// Grammar decoding of digit strings (see digits_grammar.hpp).
#include "ocr/digits_grammar.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace ledger {

namespace {

bool all_digits(const std::string& s, size_t lo, size_t hi) {
  return s.size() >= lo && s.size() <= hi;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool year_ok(int y, const DigitContext& ctx) {
  if (ctx.book_year) return y >= *ctx.book_year - 100 && y <= *ctx.book_year + 1;
  return y >= 1900 && y <= 2035;
}

}  // namespace

std::vector<std::string> digit_groups(const std::string& text, std::string* seps) {
  std::vector<std::string> g{""};
  for (char c : text) {
    if (c >= '0' && c <= '9') g.back() += c;
    else {
      if (seps) *seps += c;
      g.emplace_back();
    }
  }
  return g;
}

bool grammar_allows(const std::string& text, DigitGrammar g, const DigitContext& ctx) {
  if (text.empty()) return false;
  std::string seps;
  auto gr = digit_groups(text, &seps);
  for (const auto& x : gr)
    if (x.empty()) return false;  // separators at the ends or doubled
  switch (g) {
    case DigitGrammar::Digits:
      return true;
    case DigitGrammar::Year:
      return gr.size() == 1 && gr[0].size() == 4 && year_ok(std::stoi(gr[0]), ctx);
    case DigitGrammar::Day: {
      if (gr.size() != 1 || !all_digits(gr[0], 1, 2)) return false;
      int d = std::stoi(gr[0]);
      return d >= 1 && d <= 31;
    }
    case DigitGrammar::Month: {
      if (gr.size() != 1 || !all_digits(gr[0], 1, 2)) return false;
      int m = std::stoi(gr[0]);
      return m >= 1 && m <= 12;
    }
    case DigitGrammar::EntryNumber: {
      if (gr.size() > 2 || !all_digits(gr[0], 1, 4)) return false;
      if (gr.size() == 2 && (seps != "/" || gr[1].size() != 4 || !year_ok(std::stoi(gr[1]), ctx))) return false;
      int n = std::stoi(gr[0]);
      if (n < 1) return false;
      // Numbering restarts at 1 with each year (registers.md), so 1 may follow anything.
      return !ctx.previous_entry || n > *ctx.previous_entry || n == 1;
    }
    case DigitGrammar::Date: {
      // A date field may hold only the year (parents' birth dates in ks-2016: "1985").
      if (gr.size() == 1) return gr[0].size() == 4 && year_ok(std::stoi(gr[0]), ctx);
      if (gr.size() != 3 || seps[0] != seps[1]) return false;  // one kind of separator per date
      if (!all_digits(gr[0], 1, 2) || !all_digits(gr[1], 1, 2) || gr[2].size() != 4) return false;
      int d = std::stoi(gr[0]), m = std::stoi(gr[1]), y = std::stoi(gr[2]);
      if (m < 1 || m > 12 || d < 1 || !year_ok(y, ctx)) return false;
      static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int dim = days[m - 1] + (m == 2 && leap(y) ? 1 : 0);
      if (d > dim) return false;
      return !ctx.not_before || y * 10000 + m * 100 + d >= *ctx.not_before;
    }
  }
  return false;
}

namespace {

// A partial string of the beam and, per character, the slot that wrote it.
struct Hyp {
  std::string text;
  double p = 1;
  std::vector<const DigitSlot*> src;
};

// True when `t` can still grow into a string the grammar allows: the beam keeps only such
// prefixes (otherwise unlikely digits that the grammar needs, "2007" where the classifier saw
// "2027", were pruned by the many forbidden strings before the grammar could ask for them).
bool prefix_ok(const std::string& t, DigitGrammar g, const DigitContext& ctx) {
  std::string seps;
  auto gr = digit_groups(t, &seps);
  for (size_t i = 0; i + 1 < gr.size(); ++i)
    if (gr[i].empty()) return false;  // a leading or doubled separator
  auto year_prefix = [&](const std::string& y) {
    if (y.size() > 4) return false;
    if (y.empty()) return true;
    const int lo = ctx.book_year ? *ctx.book_year - 100 : 1900, hi = ctx.book_year ? *ctx.book_year + 1 : 2035;
    int mul = 1;
    for (size_t k = y.size(); k < 4; ++k) mul *= 10;
    const int v = std::stoi(y);
    return v * mul <= hi && (v + 1) * mul - 1 >= lo;
  };
  switch (g) {
    case DigitGrammar::Digits: return true;
    case DigitGrammar::Year: return gr.size() == 1 && year_prefix(gr[0]);
    case DigitGrammar::Day:
    case DigitGrammar::Month: return gr.size() == 1 && gr[0].size() <= 2;
    case DigitGrammar::EntryNumber:
      if (gr.size() > 2 || gr[0].size() > 4) return false;
      return gr.size() == 1 || (seps == "/" && year_prefix(gr[1]));
    case DigitGrammar::Date:
      if (gr.size() > 3) return false;
      if (gr.size() == 1) return gr[0].size() <= 2 || year_prefix(gr[0]);  // a day, or a year alone
      if (gr[0].size() > 2 || gr[1].size() > 2) return false;
      if (seps.size() == 2 && seps[0] != seps[1]) return false;
      return gr.size() < 3 || year_prefix(gr[2]);
  }
  return true;
}

// The prior of an allowed string's year (decode_digits note 4): 1 unless the value is dated in
// the book's year and names another: the next (a book running over) or a farther one.
double year_prior(const std::string& text, DigitGrammar g, const DigitContext& ctx) {
  if (!ctx.in_book_year || !ctx.book_year) return 1.0;
  const auto gr = digit_groups(text);
  std::string year;
  if ((g == DigitGrammar::Date || g == DigitGrammar::Year) && gr.back().size() == 4) year = gr.back();
  if (g == DigitGrammar::EntryNumber && gr.size() == 2) year = gr[1];
  if (year.empty()) return 1.0;
  const int y = std::stoi(year);
  return y == *ctx.book_year ? 1.0 : y == *ctx.book_year + 1 ? kOtherYearWeight : kFarYearWeight;
}

void prune(std::vector<Hyp>& v, int beam) {
  std::sort(v.begin(), v.end(), [](const Hyp& a, const Hyp& b) { return a.p > b.p; });
  if (int(v.size()) > beam) v.resize(size_t(beam));
}

// Extends every hypothesis by one plain slot (a digit, a separator or a '/'-or-'1').
std::vector<Hyp> extend(const std::vector<Hyp>& cur, const DigitSlot& s, DigitGrammar g, const DigitContext& ctx) {
  std::vector<Hyp> next;
  const bool mixed = s.separator && !s.digits.empty();
  const double keep = 1.0 - s.skip_prob;
  const double ps = (mixed ? s.separator_prob : 1.0) * keep, pd = (mixed ? 1.0 - s.separator_prob : 1.0) * keep;
  for (const auto& h : cur) {
    if (s.skip_prob > 0) {
      Hyp n = h;
      n.p *= s.skip_prob;
      next.push_back(std::move(n));
    }
    if (s.separator) {
      Hyp n = h;
      n.text += s.separator;
      n.p *= ps;
      n.src.push_back(&s);
      if (prefix_ok(n.text, g, ctx)) next.push_back(std::move(n));
    }
    if (!s.separator || mixed)
      for (auto [d, q] : s.digits)
        if (q * pd >= 1e-4) {
          Hyp n = h;
          n.text += char('0' + d);
          n.p *= q * pd;
          n.src.push_back(&s);
          if (prefix_ok(n.text, g, ctx)) next.push_back(std::move(n));
        }
  }
  return next;
}

}  // namespace

DigitReading decode_digits(const std::vector<DigitSlot>& slots, DigitGrammar g, const DigitContext& ctx,
                           int beam) {
  DigitReading out;
  if (slots.empty()) {
    out.rejected = true;
    out.reason = "no-ink";
    return out;
  }
  // Beam over partial strings; probabilities multiply over digits (separators are given).
  std::vector<Hyp> cur{Hyp{}};
  for (const auto& s : slots) {
    std::vector<Hyp> next;
    if (s.variants.empty()) {
      next = extend(cur, s, g, ctx);
    } else {
      for (const auto& [w, subs] : s.variants) {
        std::vector<Hyp> part = cur;
        for (auto& h : part) h.p *= w;
        for (const auto& sub : subs) {
          part = extend(part, sub, g, ctx);
          prune(part, beam);
        }
        next.insert(next.end(), part.begin(), part.end());
      }
    }
    prune(next, beam);
    cur = std::move(next);
  }
  // The most probable string without the grammar (slots are independent: the best reading
  // of each). When it is forbidden, the ink does not look like anything the field allows and
  // it counts against the best allowed string; forbidden strings less probable than that say
  // nothing (counting them all capped every date with two slashes at p = 0.69, digits_bench).
  double p_any = 1;
  for (const auto& s : slots) {
    auto best_of = [](const DigitSlot& sl) {
      const double keep = 1.0 - sl.skip_prob;
      const bool mixed = sl.separator && !sl.digits.empty();
      double b = std::max(sl.skip_prob, sl.separator ? (mixed ? sl.separator_prob : 1.0) * keep : 0.0);
      for (auto [d, q] : sl.digits) b = std::max(b, q * (mixed ? 1.0 - sl.separator_prob : 1.0) * keep);
      return b;
    };
    if (s.variants.empty()) {
      p_any *= best_of(s);
    } else {
      double b = 0;
      for (const auto& [w, subs] : s.variants) {
        double v = w;
        for (const auto& sub : subs) v *= best_of(sub);
        b = std::max(b, v);
      }
      p_any *= b;
    }
  }
  double z_ok = 0, p_best = 0;
  const Hyp* best = nullptr;
  for (const auto& c : cur)
    if (grammar_allows(c.text, g, ctx)) {
      const double p = c.p * year_prior(c.text, g, ctx);
      z_ok += p;
      if (!best || p > p_best) {
        best = &c;
        p_best = p;
      }
    }
  // Per-character alternatives, aligned with the text through the slot that wrote each one.
  auto fill_chars = [&](const Hyp& h) {
    for (size_t i = 0; i < h.src.size() && i < h.text.size(); ++i) {
      CharChoice cc;
      const auto& sl = *h.src[i];
      const bool mixed = sl.separator && !sl.digits.empty();
      const double pd = mixed ? 1.0 - sl.separator_prob : 1.0;
      cc.alternatives.emplace_back(std::string(1, h.text[i]), 0.0);
      if (sl.separator) {
        double ps = mixed ? sl.separator_prob : 1.0;
        if (h.text[i] == sl.separator) cc.alternatives.front().second = ps;
        else cc.alternatives.emplace_back(std::string(1, sl.separator), ps);
      }
      for (auto [d, q] : sl.digits)
        if (char('0' + d) == h.text[i]) cc.alternatives.front().second = q * pd;
        else cc.alternatives.emplace_back(std::string(1, char('0' + d)), q * pd);
      out.chars.push_back(std::move(cc));
    }
  };
  if (!best) {
    out.rejected = true;
    out.reason = "grammar";
    out.probability = 0;
    if (!cur.empty()) {
      out.text = cur.front().text;
      fill_chars(cur.front());
    }
    return out;
  }
  out.text = best->text;
  // The ink's best reading was forbidden, or lost to the year prior: either way the choice goes
  // against the ink, and counts it against itself.
  const bool forced = p_any > best->p * (1 + 1e-9);
  out.probability = p_best / (z_ok + (forced ? kInvalidWeight * p_any : 0.0));
  fill_chars(*best);
  return out;
}

}  // namespace ledger
