// Reliability bins, ECE and the threshold curve (see calibration_metrics.hpp).
#include "evaluate/calibration_metrics.hpp"

#include <algorithm>
#include <cmath>

namespace ledger {

std::vector<ReliabilityBin> reliability_bins(const std::vector<ConfidencePoint>& points, int bins) {
  bins = std::max(1, bins);
  std::vector<ReliabilityBin> out(bins);
  std::vector<double> conf_sum(bins, 0), correct(bins, 0);
  for (int b = 0; b < bins; ++b) {
    out[b].lo = double(b) / bins;
    out[b].hi = double(b + 1) / bins;
  }
  for (const auto& p : points) {
    const double c = std::clamp(p.confidence, 0.0, 1.0);
    // A tiny epsilon so that 0.3 (stored as 0.29999...) lands in [0.3, 0.4) like a reader expects.
    const int b = std::min(bins - 1, int(std::floor(c * bins + 1e-9)));
    ++out[b].count;
    conf_sum[b] += c;
    correct[b] += p.correct ? 1 : 0;
  }
  for (int b = 0; b < bins; ++b)
    if (out[b].count > 0) {
      out[b].mean_confidence = conf_sum[b] / out[b].count;
      out[b].accuracy = correct[b] / out[b].count;
    }
  return out;
}

double expected_calibration_error(const std::vector<ReliabilityBin>& bins) {
  long total = 0;
  for (const auto& b : bins) total += b.count;
  if (total == 0) return 0;
  double ece = 0;
  for (const auto& b : bins) ece += double(b.count) / total * std::abs(b.accuracy - b.mean_confidence);
  return ece;
}

std::vector<ThresholdPoint> threshold_curve(const std::vector<ConfidencePoint>& points, int steps) {
  steps = std::max(1, steps);
  std::vector<ThresholdPoint> out;
  for (int k = 0; k <= steps; ++k) {
    ThresholdPoint t;
    t.threshold = double(k) / steps;
    for (const auto& p : points)
      if (p.confidence >= t.threshold - 1e-9) {
        ++t.accepted;
        t.wrong += p.correct ? 0 : 1;
      }
    t.accepted_share = points.empty() ? 0 : double(t.accepted) / points.size();
    t.residual_error = t.accepted ? double(t.wrong) / t.accepted : 0;
    out.push_back(t);
  }
  return out;
}

}  // namespace ledger
