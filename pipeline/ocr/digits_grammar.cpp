// Grammar decoding of digit strings (see digits_grammar.hpp).
#include "ocr/digits_grammar.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace ledger {

namespace {

std::vector<std::string> groups(const std::string& t, std::string* seps) {
  std::vector<std::string> g{""};
  for (char c : t) {
    if (c >= '0' && c <= '9') g.back() += c;
    else {
      if (seps) *seps += c;
      g.emplace_back();
    }
  }
  return g;
}

bool all_digits(const std::string& s, size_t lo, size_t hi) {
  return s.size() >= lo && s.size() <= hi;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool year_ok(int y, const DigitContext& ctx) {
  if (ctx.book_year) return y >= *ctx.book_year - 100 && y <= *ctx.book_year + 1;
  return y >= 1900 && y <= 2035;
}

}  // namespace

bool grammar_allows(const std::string& text, DigitGrammar g, const DigitContext& ctx) {
  if (text.empty()) return false;
  std::string seps;
  auto gr = groups(text, &seps);
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
      return !ctx.previous_entry || n > *ctx.previous_entry;
    }
    case DigitGrammar::Date: {
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

DigitReading decode_digits(const std::vector<DigitSlot>& slots, DigitGrammar g, const DigitContext& ctx,
                           int beam) {
  DigitReading out;
  if (slots.empty()) {
    out.rejected = true;
    out.reason = "no-ink";
    return out;
  }
  // Beam over partial strings; probabilities multiply over digits (separators are given).
  std::vector<std::pair<std::string, double>> cur{{"", 1.0}};
  for (const auto& s : slots) {
    std::vector<std::pair<std::string, double>> next;
    const bool mixed = s.separator && !s.digits.empty();
    const double ps = mixed ? s.separator_prob : 1.0, pd = mixed ? 1.0 - s.separator_prob : 1.0;
    for (auto& [t, p] : cur) {
      if (s.separator) next.emplace_back(t + s.separator, p * ps);
      if (!s.separator || mixed)
        for (auto [d, q] : s.digits)
          if (q * pd >= 1e-4) next.emplace_back(t + char('0' + d), p * q * pd);
    }
    std::sort(next.begin(), next.end(), [](auto& a, auto& b) { return a.second > b.second; });
    if (int(next.size()) > beam) next.resize(size_t(beam));
    cur = std::move(next);
  }
  double z_ok = 0, z_bad = 0;
  const std::pair<std::string, double>* best = nullptr;
  for (const auto& c : cur) {
    if (grammar_allows(c.first, g, ctx)) {
      z_ok += c.second;
      if (!best) best = &c;
    } else {
      z_bad += c.second;
    }
  }
  // Per-character alternatives, aligned with the text (separators certain).
  auto fill_chars = [&](const std::string& text) {
    for (size_t i = 0; i < slots.size() && i < text.size(); ++i) {
      CharChoice cc;
      const auto& sl = slots[i];
      const bool mixed = sl.separator && !sl.digits.empty();
      const double pd = mixed ? 1.0 - sl.separator_prob : 1.0;
      cc.alternatives.emplace_back(std::string(1, text[i]), 0.0);
      if (sl.separator) {
        double ps = mixed ? sl.separator_prob : 1.0;
        if (text[i] == sl.separator) cc.alternatives.front().second = ps;
        else cc.alternatives.emplace_back(std::string(1, sl.separator), ps);
      }
      for (auto [d, q] : sl.digits)
        if (char('0' + d) == text[i]) cc.alternatives.front().second = q * pd;
        else cc.alternatives.emplace_back(std::string(1, char('0' + d)), q * pd);
      out.chars.push_back(std::move(cc));
    }
  };
  if (!best) {
    out.rejected = true;
    out.reason = "grammar";
    out.text = cur.empty() ? "" : cur.front().first;
    out.probability = 0;
    fill_chars(out.text);
    return out;
  }
  out.text = best->first;
  // Mass the beam dropped is of unknown validity: count half of it against the best string.
  double dropped = std::max(0.0, 1.0 - z_ok - z_bad);
  out.probability = best->second / (z_ok + kInvalidWeight * z_bad + 0.5 * dropped);
  fill_chars(out.text);
  return out;
}

}  // namespace ledger
