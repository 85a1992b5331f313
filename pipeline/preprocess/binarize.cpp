// Sauvola binarisation with box-filter statistics (see binarize.hpp).
#include "preprocess/binarize.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace ledger {

cv::Mat binarize_sauvola(const cv::Mat& gray, int window, double k) {
  CV_Assert(gray.type() == CV_8UC1);
  window = std::max(3, window | 1);
  // Local statistics on a copy shrunk by an integer factor (a quarter of the window or less):
  // block means of x and x^2 are exact up to rounding, so the mean and variance over the window
  // barely change, and the box filters and the square root run on 1/16 of the pixels. Every
  // full-size pass stays 8/16-bit.
  const int f = std::clamp(window / 8, 1, 4);
  static const cv::Mat squares = [] {
    cv::Mat lut(1, 256, CV_16UC1);
    for (int i = 0; i < 256; ++i) lut.at<uint16_t>(i) = uint16_t(i * i);
    return lut;
  }();
  cv::Mat sq, m8, q16, m, q;
  cv::LUT(gray, squares, sq);
  cv::Size small((gray.cols + f - 1) / f, (gray.rows + f - 1) / f);
  if (f > 1) {
    cv::resize(gray, m8, small, 0, 0, cv::INTER_AREA);
    cv::resize(sq, q16, small, 0, 0, cv::INTER_AREA);
  } else {
    m8 = gray;
    q16 = sq;
  }
  m8.convertTo(m, CV_32F);
  q16.convertTo(q, CV_32F);
  int w = std::max(3, (window / f) | 1);
  cv::boxFilter(m, m, CV_32F, {w, w}, {-1, -1}, true, cv::BORDER_REPLICATE);
  cv::boxFilter(q, q, CV_32F, {w, w}, {-1, -1}, true, cv::BORDER_REPLICATE);
  // T = m * (1 + k * (sqrt(q - m^2) / 128 - 1)); gray < T  <=>  gray < ceil(T) for whole gray.
  cv::Mat var = q - m.mul(m), sd;
  cv::max(var, 0, var);
  cv::sqrt(var, sd);
  cv::Mat t = m.mul(sd * float(k / 128.0) + float(1.0 - k)) + 0.5f, t8;
  t.convertTo(t8, CV_8U);
  if (f > 1) cv::resize(t8, t8, gray.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat out;
  cv::compare(gray, t8, out, cv::CMP_LT);
  return out;
}

}  // namespace ledger
