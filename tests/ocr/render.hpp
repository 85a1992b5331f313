// Test helper: renders an ASCII text line as a clean field crop (black on white) with OpenCV's
// Hershey font, so OCR tests need no font files.
#pragma once
#include <opencv2/imgproc.hpp>
#include <string>

namespace ledger::testocr {

/// A white 8-bit gray image holding `text` in black, `height` pixels of cap height or so.
inline cv::Mat render_line(const std::string& text, double scale = 1.4, int thickness = 2) {
  int baseline = 0;
  cv::Size sz = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, scale, thickness, &baseline);
  cv::Mat img(sz.height + baseline + 24, sz.width + 24, CV_8UC1, cv::Scalar(255));
  cv::putText(img, text, cv::Point(12, 12 + sz.height), cv::FONT_HERSHEY_SIMPLEX, scale,
              cv::Scalar(0), thickness, cv::LINE_AA);
  return img;
}

}  // namespace ledger::testocr
