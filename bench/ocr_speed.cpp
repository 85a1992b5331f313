// Benchmark of the OCR stage's engine: Tesseract init time and milliseconds per field line,
// with and without per-character alternatives, on lines rendered with OpenCV's Hershey font.
// Usage: ocr_speed [TESSDATA_DIR [LANG [LINES]]]   (defaults: Debian folder, vie, 40)
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "ocr/tesseract_engine.hpp"

namespace {

cv::Mat render(const std::string& text) {
  int baseline = 0;
  cv::Size sz = cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, 1.2, 2, &baseline);
  cv::Mat img(sz.height + baseline + 20, sz.width + 20, CV_8UC1, cv::Scalar(255));
  cv::putText(img, text, cv::Point(10, 10 + sz.height), cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(0), 2,
              cv::LINE_AA);
  return img;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string tessdata = argc > 1 ? argv[1] : "", lang = argc > 2 ? argv[2] : "vie";
  int n = argc > 3 ? std::atoi(argv[3]) : 40;
  const char* samples[] = {"NGUYEN VAN AN", "12.05.2017", "11/2017", "THON 3 XA HAI TAN", "TRAN THI MAI"};
  std::vector<cv::Mat> lines;
  for (int i = 0; i < n; ++i) lines.push_back(render(samples[i % 5]));

  auto t0 = std::chrono::steady_clock::now();
  ledger::TesseractEngine engine(tessdata, lang);
  std::cout << "init_ms " << ms_since(t0) << "\n";
  for (bool choices : {false, true}) {
    t0 = std::chrono::steady_clock::now();
    size_t chars = 0;
    for (const auto& img : lines) {
      ledger::OcrRequest req;
      req.image = img;
      req.want_choices = choices;
      chars += engine.recognize(req).text.size();
    }
    std::cout << (choices ? "ms_per_line_with_choices " : "ms_per_line ") << ms_since(t0) / lines.size()
              << " (" << lines.size() << " lines, " << chars << " bytes read)\n";
  }
  return 0;
}
