// Accept threshold and routing (see routing.hpp).
#include "fields/routing.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>

#include "core/text.hpp"

namespace ledger {

ThresholdChoice choose_threshold(const std::vector<double>& probs, const std::vector<int>& labels,
                                 double max_error_rate, int prior_errors) {
  ThresholdChoice best;
  size_t n = std::min(probs.size(), labels.size());
  if (n == 0) return best;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return probs[a] > probs[b]; });
  int accepted = 0, errors = 0;
  for (size_t i = 0; i < n; ++i) {
    ++accepted;
    if (!labels[order[i]]) ++errors;
    bool last_of_tie = i + 1 == n || probs[order[i + 1]] < probs[order[i]];
    if (!last_of_tie) continue;
    double rate = double(errors + prior_errors) / double(accepted + prior_errors);
    if (rate <= max_error_rate) {  // keep going: a lower cut may still meet the target
      best.threshold = probs[order[i]];
      best.accepted = accepted;
      best.errors = errors;
      best.coverage = double(accepted) / double(n);
    }
  }
  return best;
}

FieldStatus route(double probability, bool blank, double threshold) {
  if (blank) return FieldStatus::Blank;
  return probability >= threshold ? FieldStatus::Accept : FieldStatus::Review;
}

std::vector<std::string> acceptance_vetoes(const DraftField& field, double engine_confidence) {
  std::vector<std::string> out;
  if (engine_confidence < kMinEngineConfidence) out.push_back("low-ocr-confidence");
  bool free_text = field.type == FieldType::Name || field.type == FieldType::Place ||
                   field.type == FieldType::Text || field.type == FieldType::DateWords;
  if (free_text) {
    int alnum = 0;
    for (char32_t c : to_u32(field.value))
      if (c >= 0x80 || std::isalnum(static_cast<int>(c))) ++alnum;
    if (alnum < 3) out.push_back("too-short");
  }
  return out;
}

bool forces_review(std::string_view reason) {
  static constexpr std::array<std::string_view, 2> kHarmless = {"place-name-era", "date-words-agree"};
  return std::find(kHarmless.begin(), kHarmless.end(), reason) == kHarmless.end();
}

}  // namespace ledger
