// Reliability bins, ECE and the threshold curve on points with known answers.
#include "evaluate/calibration_metrics.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(CalibrationMetrics, PerfectlyCalibratedHasZeroEce) {
  // 10 points at 0.7 with 7 right, 10 at 0.2 with 2 right.
  std::vector<ConfidencePoint> pts;
  for (int i = 0; i < 10; ++i) pts.push_back({0.7, i < 7});
  for (int i = 0; i < 10; ++i) pts.push_back({0.2, i < 2});
  auto bins = reliability_bins(pts);
  ASSERT_EQ(bins.size(), 10u);
  EXPECT_EQ(bins[7].count, 10);
  EXPECT_EQ(bins[2].count, 10);
  EXPECT_DOUBLE_EQ(bins[7].accuracy, 0.7);
  EXPECT_NEAR(expected_calibration_error(bins), 0.0, 1e-12);
}

TEST(CalibrationMetrics, KnownBinsGiveKnownEce) {
  // bin [0.4,0.5): 0.45 wrong -> gap 0.45; bin [0.8,0.9): 0.85 right -> 0.15;
  // bin [0.9,1]: 0.95, 0.92, 0.99 with 2 right -> |2/3 - 0.953333| = 0.286667.
  std::vector<ConfidencePoint> pts{{0.95, true}, {0.45, false}, {0.92, false}, {0.85, true}, {0.99, true}};
  auto bins = reliability_bins(pts);
  EXPECT_EQ(bins[4].count, 1);
  EXPECT_EQ(bins[8].count, 1);
  EXPECT_EQ(bins[9].count, 3);
  EXPECT_NEAR(bins[9].mean_confidence, (0.95 + 0.92 + 0.99) / 3, 1e-12);
  EXPECT_NEAR(expected_calibration_error(bins), 1.46 / 5, 1e-12);
}

TEST(CalibrationMetrics, EdgesAndEmpty) {
  auto bins = reliability_bins({{1.0, true}, {0.0, false}, {0.3, true}, {1.5, true}});
  EXPECT_EQ(bins[9].count, 2);  // 1.0 and the clamped 1.5 go to the last bin
  EXPECT_EQ(bins[0].count, 1);
  EXPECT_EQ(bins[3].count, 1);  // 0.3 belongs to [0.3, 0.4)
  EXPECT_EQ(expected_calibration_error(reliability_bins({})), 0.0);
}

TEST(CalibrationMetrics, CurveCountsAcceptedAndWrong) {
  std::vector<ConfidencePoint> pts{{0.95, true}, {0.45, false}, {0.92, false}, {0.85, true}, {0.99, true}};
  auto curve = threshold_curve(pts);
  ASSERT_EQ(curve.size(), 101u);
  EXPECT_EQ(curve[0].accepted, 5);
  EXPECT_EQ(curve[0].wrong, 2);
  EXPECT_EQ(curve[90].accepted, 3);
  EXPECT_EQ(curve[90].wrong, 1);
  EXPECT_DOUBLE_EQ(curve[90].accepted_share, 0.6);
  EXPECT_DOUBLE_EQ(curve[90].residual_error, 1.0 / 3);
  EXPECT_EQ(curve[96].accepted, 1);
  EXPECT_EQ(curve[96].wrong, 0);
  EXPECT_EQ(curve[100].accepted, 0);
  EXPECT_EQ(curve[100].residual_error, 0.0);
  // Accepted share never grows with the threshold.
  for (size_t i = 1; i < curve.size(); ++i) EXPECT_LE(curve[i].accepted, curve[i - 1].accepted);
}

}  // namespace ledger
