// Digit reader + Tesseract on one line (see digits_combine.hpp).
#include "ocr/digits_combine.hpp"

#include <algorithm>
#include <vector>

#include "ocr/digits_reader.hpp"

namespace ledger {

namespace {

// The runs of digits in `s`, whatever separates them (spaces, one separator or several).
std::vector<std::string> digit_runs(const std::string& s) {
  auto g = digit_groups(s);
  g.erase(std::remove(g.begin(), g.end(), std::string()), g.end());
  return g;
}

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

}  // namespace

std::string_view to_string(DigitChoice c) {
  switch (c) {
    case DigitChoice::Tesseract: return "tesseract";
    case DigitChoice::Digits: return "digits";
    case DigitChoice::Agree: return "agree";
  }
  return "tesseract";
}

DigitGrammar line_grammar(FieldType type, size_t line, size_t lines) {
  if (type == FieldType::Date && lines == 3)
    return line == 0 ? DigitGrammar::Day : line == 1 ? DigitGrammar::Month : DigitGrammar::Year;
  return grammar_for(type);
}

bool same_digits(const std::string& a, const std::string& b) {
  auto ga = digit_runs(a);
  return !ga.empty() && ga == digit_runs(b);
}

CombinedLine combine_readings(const OcrResult& tess, const DigitReading& digits, DigitGrammar grammar,
                              const DigitContext& ctx) {
  CombinedLine out;
  out.result = tess;
  if (digits.rejected || digits.text.empty()) return out;
  const double pt = std::clamp(tess.mean_conf, 0.0, 1.0), pd = std::clamp(digits.probability, 0.0, 1.0);
  auto as_digits = [&](double conf) {
    OcrResult r;
    r.text = digits.text;
    r.chars = digits.chars;
    r.mean_conf = r.min_conf = conf;
    r.words.push_back(OcrWord{digits.text, conf, {}});
    return r;
  };
  if (same_digits(tess.text, digits.text)) {
    out.result = as_digits(1.0 - (1.0 - pt) * (1.0 - pd));
    out.choice = DigitChoice::Agree;
    return out;
  }
  const std::string t = without_spaces(tess.text);
  if (t.empty() || !grammar_allows(t, grammar, ctx) || pd > pt) {
    out.result = as_digits(pd);
    out.choice = DigitChoice::Digits;
  }
  return out;
}

}  // namespace ledger
