// Digit cell normalisation, deskew and HOG (see digits_features.hpp).
#include "ocr/digits_features.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace ledger {

namespace {

// Stroke width of a binary glyph: a stroke of length L and width w has area L*w and a
// perimeter of about 2L, so w ~ 2*area/perimeter.
double stroke_width(const cv::Mat& bin) {
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(bin.clone(), contours, cv::RETR_LIST, cv::CHAIN_APPROX_NONE);
  double perim = 0;
  for (const auto& c : contours) perim += cv::arcLength(c, true);
  double area = cv::countNonZero(bin);
  return perim > 0 ? 2.0 * area / perim : 1.0;
}

}  // namespace

cv::Mat normalize_glyph(const cv::Mat& mask) {
  cv::Mat bin;
  cv::threshold(mask, bin, 0, 255, cv::THRESH_BINARY);
  cv::Mat cell = cv::Mat::zeros(kDigitCell, kDigitCell, CV_8U);
  cv::Rect bb = cv::boundingRect(bin);
  if (bb.area() == 0) return cell;
  bin = bin(bb).clone();
  constexpr double kTarget = 14.0;  // glyph height in digits.png cells
  double scale = kTarget / std::max(bb.width, bb.height);
  // Strokes in digits.png are ~2 px wide in the 20x20 cell: thicken thin pen strokes so the
  // scaled stroke is at least that (thin strokes vanish under INTER_AREA otherwise).
  double want = 2.0 / scale, have = stroke_width(bin);
  int grow = int(std::lround((want - have) / 2.0));
  if (grow > 0) {
    cv::Mat padded;
    cv::copyMakeBorder(bin, padded, grow, grow, grow, grow, cv::BORDER_CONSTANT, 0);
    cv::dilate(padded, bin, cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * grow + 1, 2 * grow + 1}));
    scale = kTarget / std::max(bin.cols, bin.rows);
  }
  int w = std::max(1, int(std::lround(bin.cols * scale))), h = std::max(1, int(std::lround(bin.rows * scale)));
  cv::Mat small;
  cv::resize(bin, small, {w, h}, 0, 0, cv::INTER_AREA);
  cv::Moments m = cv::moments(small, false);
  double cx = m.m00 > 0 ? m.m10 / m.m00 : w / 2.0, cy = m.m00 > 0 ? m.m01 / m.m00 : h / 2.0;
  int x0 = std::clamp(int(std::lround(kDigitCell / 2.0 - cx)), 0, kDigitCell - w);
  int y0 = std::clamp(int(std::lround(kDigitCell / 2.0 - cy)), 0, kDigitCell - h);
  small.copyTo(cell(cv::Rect(x0, y0, std::min(w, kDigitCell), std::min(h, kDigitCell))));
  return cell;
}

cv::Mat deskew_digit(const cv::Mat& cell) {
  cv::Moments m = cv::moments(cell);
  if (std::abs(m.mu02) < 1e-2) return cell.clone();
  double skew = m.mu11 / m.mu02;
  cv::Mat warp = (cv::Mat_<double>(2, 3) << 1, skew, -0.5 * kDigitCell * skew, 0, 1, 0);
  cv::Mat out;
  cv::warpAffine(cell, out, warp, cell.size(), cv::WARP_INVERSE_MAP | cv::INTER_LINEAR);
  return out;
}

std::vector<float> digit_features(const cv::Mat& cell) {
  // Plain HOG written out (OpenCV's objdetect module is not linked into the ocr stage):
  // 4x4 cells of 5x5 px, 9 unsigned orientation bins with linear bin interpolation,
  // 3x3 blocks of 2x2 cells, L2-Hys normalised (clip 0.2) as Dalal & Triggs.
  constexpr int kCellPx = 5, kCells = kDigitCell / kCellPx, kBins = 12;
  constexpr double kPixelWeight = 2.0;  // validation: 1 -> 0.979, 2 -> 0.978/held 0.986, 3 -> 0.981
  constexpr float kRange = 360.f;  // signed: a stroke's side matters for digits
  cv::Mat img, dx, dy, mag, ang;
  deskew_digit(cell).convertTo(img, CV_32F);
  cv::Sobel(img, dx, CV_32F, 1, 0, 1);
  cv::Sobel(img, dy, CV_32F, 0, 1, 1);
  cv::cartToPolar(dx, dy, mag, ang, true);
  float hist[kCells][kCells][kBins] = {};
  for (int y = 0; y < kDigitCell; ++y)
    for (int x = 0; x < kDigitCell; ++x) {
      float a = ang.at<float>(y, x);
      if (a >= kRange) a -= kRange;
      float b = a / (kRange / kBins) - 0.5f;
      int b0 = int(std::floor(b));
      float w1 = b - b0;
      float m = mag.at<float>(y, x);
      hist[y / kCellPx][x / kCellPx][(b0 + kBins) % kBins] += m * (1 - w1);
      hist[y / kCellPx][x / kCellPx][(b0 + 1) % kBins] += m * w1;
    }
  std::vector<float> f;
  f.reserve((kCells - 1) * (kCells - 1) * 4 * kBins);
  for (int by = 0; by + 1 < kCells; ++by)
    for (int bx = 0; bx + 1 < kCells; ++bx) {
      std::vector<float> blk;
      for (int cy = by; cy <= by + 1; ++cy)
        for (int cx = bx; cx <= bx + 1; ++cx) blk.insert(blk.end(), hist[cy][cx], hist[cy][cx] + kBins);
      for (int pass = 0; pass < 2; ++pass) {
        double n2 = 1e-6;
        for (float v : blk) n2 += double(v) * v;
        float inv = float(1.0 / std::sqrt(n2));
        for (float& v : blk) v = pass == 0 ? std::min(v * inv, 0.2f) : v * inv;
      }
      f.insert(f.end(), blk.begin(), blk.end());
    }
  // Plus the coarse shape itself: the deskewed cell at 10x10, as a unit vector (weight tuned on
  // the validation split).
  cv::Mat small;
  cv::resize(img, small, {10, 10}, 0, 0, cv::INTER_AREA);
  double n = cv::norm(small) + 1e-6;
  for (int y = 0; y < 10; ++y)
    for (int x = 0; x < 10; ++x) f.push_back(float(kPixelWeight * small.at<float>(y, x) / n));
  return f;
}

std::vector<float> digit_pixel_features(const cv::Mat& cell) {
  constexpr int kSide = 14;  // validation split: 14 -> 0.975, 10 -> 0.974, 20 -> 0.965
  cv::Mat small, f;
  cv::resize(deskew_digit(cell), small, {kSide, kSide}, 0, 0, cv::INTER_AREA);
  small.convertTo(f, CV_32F);
  const double n = cv::norm(f) + 1e-6;
  std::vector<float> out(size_t(kSide * kSide));
  for (int i = 0; i < kSide * kSide; ++i) out[size_t(i)] = float(f.at<float>(i / kSide, i % kSide) / n);
  return out;
}

}  // namespace ledger
