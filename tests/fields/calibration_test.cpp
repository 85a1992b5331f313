// Calibration and routing on synthetic samples drawn from a known logistic model: the fit gives
// calibrated probabilities on samples from another seed, the threshold meets its target there,
// the model file round-trips, and the defaults accept nothing.
#include "fields/calibration.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>

#include "core/error.hpp"
#include "fields/routing.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

struct Synthetic {
  std::vector<CalibrationSample> samples;
  std::vector<double> true_p;
};

// Samples whose truth follows p = sigmoid(-9 + 12 mean_conf + 4 char_margin - 1.5 hand
// - 2 rule_reasons + 0.8 group_number): known, strong enough that many fields are near-certain.
Synthetic draw(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  const FieldType types[] = {FieldType::Name, FieldType::Date, FieldType::Sex, FieldType::Place,
                             FieldType::Number};
  Synthetic s;
  size_t dims = feature_names().size(), m = measured_feature_count();
  for (int i = 0; i < n; ++i) {
    std::vector<double> x(dims, 0.0);
    double conf = std::sqrt(u(rng));  // skewed to high confidences, as OCR is
    x[0] = conf;
    x[1] = conf * (0.8 + 0.2 * u(rng));
    x[2] = std::clamp(conf - 0.3 * u(rng), 0.0, 1.0);
    x[3] = x[1];
    x[4] = u(rng) < 0.3;
    x[5] = 0.05 * u(rng);  // noise features the fit should ignore
    x[8] = u(rng) < 0.8;
    x[11] = u(rng) < 0.1;
    FieldType t = types[i % 5];
    x[m + size_t(type_group(t))] = 1;
    double z = -9 + 12 * x[0] + 4 * x[2] - 1.5 * x[4] - 2 * x[11] + 0.8 * x[m + 4];
    double p = 1 / (1 + std::exp(-z));
    s.true_p.push_back(p);
    s.samples.push_back({x, u(rng) < p, t, x[4] > 0.5});
  }
  return s;
}

TEST(Calibration, FitRecoversCalibratedProbabilities) {
  Synthetic train = draw(6000, 1), test = draw(6000, 2);
  CalibrationModel model = fit_calibration(train.samples, FitOptions{});
  ASSERT_TRUE(model.fitted());
  std::vector<double> probs;
  std::vector<int> labels;
  double abs_err = 0;
  for (size_t i = 0; i < test.samples.size(); ++i) {
    probs.push_back(model.predict(test.samples[i].features, test.samples[i].type));
    labels.push_back(test.samples[i].correct);
    abs_err += std::abs(probs.back() - test.true_p[i]) / test.samples.size();
  }
  EXPECT_LT(expected_calibration_error(probs, labels), 0.03);
  EXPECT_LT(abs_err, 0.03);
  EXPECT_GE(model.provenance().heldout_ece, 0.0);
  EXPECT_LT(model.provenance().heldout_ece, 0.05);
  EXPECT_EQ(model.provenance().samples, 6000);
}

TEST(Calibration, ThresholdMeetsTargetOnHeldOutData) {
  Synthetic train = draw(8000, 3), test = draw(20000, 4);
  FitOptions opts;
  opts.max_error_rate = 0.005;
  CalibrationModel model = fit_calibration(train.samples, opts);
  ASSERT_LE(model.accept_threshold(), 1.0) << "nothing accepted";
  int accepted = 0, wrong = 0;
  for (const auto& s : test.samples) {
    if (route(model.predict(s.features, s.type), false, model.accept_threshold()) != FieldStatus::Accept)
      continue;
    ++accepted;
    wrong += !s.correct;
  }
  ASSERT_GT(accepted, 1000);
  // 0.005 target; the slack covers sampling noise of a few thousand accepted fields.
  EXPECT_LE(double(wrong) / accepted, 0.0075) << wrong << " wrong of " << accepted;
}

TEST(Calibration, FileRoundTrips) {
  Synthetic train = draw(2000, 5);
  CalibrationProvenance prov;
  prov.pages = 42;
  prov.source = "synthetic";
  CalibrationModel model = fit_calibration(train.samples, FitOptions{}, prov);
  testkit::TempDir dir;
  model.save(dir / "calibration.json");
  CalibrationModel back = CalibrationModel::load(dir / "calibration.json");
  EXPECT_TRUE(back.fitted());
  EXPECT_DOUBLE_EQ(back.accept_threshold(), model.accept_threshold());
  EXPECT_EQ(back.provenance().pages, 42);
  EXPECT_EQ(back.provenance().source, "synthetic");
  for (int i = 0; i < 50; ++i) {
    const auto& s = train.samples[i];
    EXPECT_NEAR(back.predict(s.features, s.type), model.predict(s.features, s.type), 1e-12);
  }
  EXPECT_EQ(back.to_json(), model.to_json());
}

TEST(Calibration, BrokenFilesNameThemselves) {
  testkit::TempDir dir;
  std::ofstream(dir / "bad.json") << R"({"schema": "something-else"})";
  EXPECT_THROW(CalibrationModel::load(dir / "bad.json"), ConfigError);
  std::ofstream(dir / "cut.json") << R"({"schema": "ledger-calibration/1", "features": [)";
  try {
    CalibrationModel::load(dir / "cut.json");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("cut.json"), std::string::npos);
  }
}

TEST(Calibration, DefaultAndTinyFitsAcceptNothing) {
  CalibrationModel none;
  EXPECT_FALSE(none.fitted());
  EXPECT_GT(none.accept_threshold(), 1.0);
  std::vector<double> sure(feature_names().size(), 1.0);
  EXPECT_LE(none.predict(sure, FieldType::Name), 0.5);
  Synthetic few = draw(10, 6);
  EXPECT_FALSE(fit_calibration(few.samples).fitted());
}

TEST(Calibration, CommittedModelLoadsWhenPresent) {
  auto file = testkit::source_dir() / "models/calibration.json";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no fitted model committed";
  CalibrationModel m = CalibrationModel::load(file);
  EXPECT_EQ(m.accept_threshold(), m.accept_threshold());  // not NaN
}

TEST(Calibration, ExpectedCalibrationError) {
  EXPECT_DOUBLE_EQ(expected_calibration_error({}, {}), 0.0);
  EXPECT_NEAR(expected_calibration_error({0.95, 0.95, 0.95, 0.95}, {1, 1, 1, 1}), 0.05, 1e-12);
  EXPECT_NEAR(expected_calibration_error({1.0, 1.0}, {0, 0}), 1.0, 1e-12);
  // Two bins, each right on average: 0.25 with 1 of 4 right, 0.75 with 3 of 4.
  EXPECT_NEAR(expected_calibration_error({.25, .25, .25, .25, .75, .75, .75, .75}, {1, 0, 0, 0, 1, 1, 1, 0}),
              0.0, 1e-12);
}

TEST(Routing, ThresholdNeedsEnoughEvidence) {
  // 100 right fields at 0.99: with the one-error prior, 1/101 > 1/200: nothing accepted.
  std::vector<double> p(100, 0.99);
  std::vector<int> y(100, 1);
  EXPECT_GT(choose_threshold(p, y, 0.005).threshold, 1.0);
  // 400 right at 0.99, then 100 at 0.6 of which half are wrong: the cut falls between.
  p.assign(400, 0.99);
  y.assign(400, 1);
  for (int i = 0; i < 100; ++i) p.push_back(0.6), y.push_back(i % 2);
  ThresholdChoice c = choose_threshold(p, y, 0.005);
  EXPECT_DOUBLE_EQ(c.threshold, 0.99);
  EXPECT_EQ(c.accepted, 400);
  EXPECT_EQ(c.errors, 0);
  EXPECT_NEAR(c.coverage, 0.8, 1e-12);
}

TEST(Routing, AcceptanceVetoes) {
  DraftField name;
  name.type = FieldType::Name;
  name.value = "Lê Na";
  EXPECT_TRUE(acceptance_vetoes(name, 0.9).empty());
  EXPECT_EQ(acceptance_vetoes(name, 0.3), std::vector<std::string>{"low-ocr-confidence"});
  DraftField note;
  note.type = FieldType::Text;
  note.value = "| R";
  EXPECT_EQ(acceptance_vetoes(note, 0.9), std::vector<std::string>{"too-short"});
  DraftField page;
  page.type = FieldType::Number;
  page.value = "4";  // a page number may be one digit
  EXPECT_TRUE(acceptance_vetoes(page, 0.9).empty());
}

TEST(Calibration, OutOfRangeFeaturesAreNamed) {
  Synthetic train = draw(500, 9);
  CalibrationModel model = fit_calibration(train.samples);
  auto x = train.samples[0].features;
  EXPECT_TRUE(model.out_of_range(x).empty());
  x[5] = 5.0;  // ink_ratio far outside [0, 0.05]
  EXPECT_EQ(model.out_of_range(x), std::vector<std::string>{"ink_ratio"});
  EXPECT_TRUE(CalibrationModel{}.out_of_range(x).empty());
}

TEST(Routing, RouteAndForcedReasons) {
  EXPECT_EQ(route(0.999, true, 0.9), FieldStatus::Blank);
  EXPECT_EQ(route(0.95, false, 0.9), FieldStatus::Accept);
  EXPECT_EQ(route(0.85, false, 0.9), FieldStatus::Review);
  EXPECT_TRUE(forces_review("after-registration-date"));
  EXPECT_TRUE(forces_review("ocr-failed"));
  EXPECT_FALSE(forces_review("place-name-era"));
}

TEST(Calibration, FeaturesComeFromEvidenceAndType) {
  FieldReading r;
  r.mean_conf = 0.9;
  r.min_conf = 0.7;
  r.chars = {CharChoice{{{"1", 0.9}, {"7", 0.3}}}, CharChoice{{{" ", 1.0}}}, CharChoice{{{"2", 0.8}}}};
  NormalizedValue v;
  v.value = "12";
  v.parsed = true;
  DraftField f;
  f.type = FieldType::Number;
  f.evidence = measure_features(r, v, FeatureContext{1, -1});
  auto x = features_of(f);
  const auto& names = feature_names();
  ASSERT_EQ(x.size(), names.size());
  auto at = [&](const std::string& n) { return x[std::find(names.begin(), names.end(), n) - names.begin()]; };
  EXPECT_DOUBLE_EQ(at("mean_conf"), 0.9);
  EXPECT_NEAR(at("char_margin"), 0.6, 1e-12);
  EXPECT_DOUBLE_EQ(at("char_min"), 0.8);
  EXPECT_DOUBLE_EQ(at("parsed"), 1.0);
  EXPECT_DOUBLE_EQ(at("rule_reasons"), 1.0);
  EXPECT_DOUBLE_EQ(at("date_words"), -1.0);
  EXPECT_DOUBLE_EQ(at("group_number"), 1.0);
  EXPECT_DOUBLE_EQ(at("group_name"), 0.0);
}

TEST(Calibration, SamplesFromDraftsAndTruth) {
  DraftRecord d;
  DraftField name;
  name.type = FieldType::Name;
  name.value = "Nguyễn Văn An";
  name.evidence = {{"mean_conf", 0.9}};
  DraftField sex = name;
  sex.type = FieldType::Sex;
  sex.value = "Nữ";
  DraftField note;
  note.status = FieldStatus::Blank;
  DraftField unscored = name;
  d.fields = {{"nksHoTen", name}, {"nksGioiTinh", sex}, {"ghiChu", note}, {"meHoTen", unscored}};
  GtRecord gt;
  gt.fields = {{"nksHoTen", GtField{"NGUYỄN VĂN AN"}}, {"nksGioiTinh", GtField{"Nam"}}, {"ghiChu", GtField{""}}};
  std::vector<CalibrationSample> samples;
  BlankTally blanks;
  collect_samples(d, gt, samples, blanks);
  ASSERT_EQ(samples.size(), 2u);
  EXPECT_TRUE(samples[0].correct);  // names compare case-blind
  EXPECT_FALSE(samples[1].correct);
  EXPECT_EQ(samples[1].type, FieldType::Sex);
  EXPECT_DOUBLE_EQ(samples[0].features[0], 0.9);
  EXPECT_EQ(blanks.calls, 1);
  EXPECT_EQ(blanks.right, 1);
}

}  // namespace
}  // namespace ledger
