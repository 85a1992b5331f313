// The digit classifier: training is reproducible, a saved model loads back the same, and the
// committed model (models/digits) still reaches its held-out accuracy.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/error.hpp"
#include "ocr/digits_features.hpp"
#include "ocr/digits_model.hpp"
#include "testkit.hpp"

namespace {

bool have_digits() { return std::filesystem::exists(ledger::kDefaultDigitsPng); }

std::vector<ledger::DigitSample> heldout() {
  std::vector<ledger::DigitSample> h;
  for (auto& s : ledger::load_digits_png(ledger::kDefaultDigitsPng))
    if (ledger::is_heldout(s)) h.push_back(s);
  return h;
}

TEST(DigitsModel, SplitIsDisjointAndBalanced) {
  if (!have_digits()) GTEST_SKIP() << "opencv-doc digits.png not installed";
  auto all = ledger::load_digits_png(ledger::kDefaultDigitsPng);
  ASSERT_EQ(all.size(), 5000u);
  std::array<int, 10> held{};
  for (const auto& s : all) {
    EXPECT_FALSE(ledger::is_heldout(s) && ledger::is_validation(s));
    held[size_t(s.label)] += ledger::is_heldout(s);
  }
  for (int n : held) EXPECT_EQ(n, 100);
}

TEST(DigitsModel, SmallTrainingIsReproducibleAndRoundTrips) {
  if (!have_digits()) GTEST_SKIP() << "opencv-doc digits.png not installed";
  ledger::TrainOptions o;
  o.per_digit = 100;  // 100 source digits per label: a few seconds
  o.augment = 1;
  o.pixel_C = 0;  // the HOG SVM alone (PixelSvmIsAveragedInAndRoundTrips covers the pair)
  auto a = ledger::train_digits(o);
  auto b = ledger::train_digits(o);
  EXPECT_NEAR(a.provenance().heldout_accuracy, b.provenance().heldout_accuracy, 0.01);
  EXPECT_GT(a.provenance().heldout_accuracy, 0.85);
  ledger::testkit::TempDir dir;
  a.save(dir.path());
  auto c = ledger::DigitClassifier::load(dir.path());
  auto held = heldout();
  held.resize(200);
  for (const auto& s : held) {
    auto x = a.classify(s.cell), y = c.classify(s.cell);
    ASSERT_EQ(x.best, y.best);
    EXPECT_NEAR(x.prob[size_t(x.best)], y.prob[size_t(y.best)], 1e-4);
  }
}

TEST(DigitsModel, PixelSvmIsAveragedInAndRoundTrips) {
  if (!have_digits()) GTEST_SKIP() << "opencv-doc digits.png not installed";
  ledger::TrainOptions o;
  o.per_digit = 60;
  o.pixel_C = 8;
  auto a = ledger::train_digits(o);
  ASSERT_NE(a.pixel(), nullptr);
  EXPECT_GT(a.provenance().pixel_support_vectors, 0);
  EXPECT_GT(a.provenance().pixel_validation_accuracy, 0.7);
  ledger::testkit::TempDir dir;
  a.save(dir.path());
  auto b = ledger::DigitClassifier::load(dir.path());
  ASSERT_NE(b.pixel(), nullptr);
  auto held = heldout();
  for (size_t i = 0; i < held.size(); i += 7) {
    const auto& cell = held[i].cell;
    auto hog = b.classify_features(ledger::digit_features(cell));
    auto pix = b.pixel()->classify_features(ledger::digit_pixel_features(cell));
    auto both = b.classify(cell);
    for (size_t d = 0; d < 10; ++d) ASSERT_NEAR(both.prob[d], 0.5 * (hog.prob[d] + pix.prob[d]), 1e-12);
    EXPECT_NEAR(both.prob[size_t(both.best)], a.classify(cell).prob[size_t(both.best)], 1e-4);
    EXPECT_EQ(both.margin, hog.margin);  // not-a-digit stays the HOG SVM's call
  }
  // Trained without the pixel SVM again: the stale file goes, the model loads without it.
  o.pixel_C = 0;
  ledger::train_digits(o).save(dir.path());
  EXPECT_FALSE(std::filesystem::exists(dir / "digits_pixel_svm.yml.gz"));
  EXPECT_EQ(ledger::DigitClassifier::load(dir.path()).pixel(), nullptr);
}

TEST(DigitsModel, ProbabilitiesAreADistribution) {
  if (!have_digits()) GTEST_SKIP() << "opencv-doc digits.png not installed";
  auto m = ledger::DigitClassifier::load(ledger::testkit::source_dir() / "models/digits");
  auto held = heldout();
  for (size_t i = 0; i < held.size(); i += 97) {
    auto s = m.classify(held[i].cell);
    double sum = 0;
    for (double p : s.prob) sum += p;
    EXPECT_NEAR(sum, 1.0, 1e-9);
    auto top = s.top(3);
    ASSERT_EQ(top.size(), 3u);
    EXPECT_EQ(top[0].first, s.best);
    EXPECT_GE(top[0].second, top[1].second);
  }
}

TEST(DigitsModel, CommittedModelHeldOutAccuracy) {
  if (!have_digits()) GTEST_SKIP() << "opencv-doc digits.png not installed";
  auto m = ledger::DigitClassifier::load(ledger::testkit::source_dir() / "models/digits");
  double acc = ledger::digit_accuracy(m, heldout());
  EXPECT_GE(acc, 0.985);
  EXPECT_NEAR(acc, m.provenance().heldout_accuracy, 0.002);  // the model file's own claim
}

TEST(DigitsModel, MissingModelIsConfigError) {
  ledger::testkit::TempDir dir;
  EXPECT_THROW(ledger::DigitClassifier::load(dir.path()), ledger::ConfigError);
}

}  // namespace
