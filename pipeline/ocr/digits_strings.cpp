// Synthetic digit strings (see digits_strings.hpp).
#include "ocr/digits_strings.hpp"

#include <algorithm>
#include <limits>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace ledger {

void degrade_like_scan(cv::Mat& img, std::mt19937_64& rng, int paper) {
  std::uniform_real_distribution<double> u(0, 1);
  cv::Mat rot = cv::getRotationMatrix2D({img.cols / 2.0f, img.rows / 2.0f}, (u(rng) - 0.5) * 3.0, 1.0);
  cv::warpAffine(img, img, rot, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, paper);
  cv::GaussianBlur(img, img, {0, 0}, 0.5 + u(rng) * 0.5);
  cv::Mat noise(img.size(), CV_16S);
  cv::RNG noise_rng(rng());  // seeded from the caller's generator: reproducible strings
  noise_rng.fill(noise, cv::RNG::NORMAL, 0, 6 + u(rng) * 6);
  cv::Mat tmp;
  img.convertTo(tmp, CV_16S);
  tmp += noise;
  tmp.convertTo(img, CV_8U);
  std::vector<uchar> jpg;
  cv::imencode(".jpg", img, jpg, {cv::IMWRITE_JPEG_QUALITY, 55 + int(u(rng) * 30)});
  img = cv::imdecode(jpg, cv::IMREAD_GRAYSCALE);
}

namespace {

// Left edge at which glyph `g`, its top at row y0, meets the ink already drawn left of column
// `x`, their solid strokes side by side where the two come closest (their soft edges merge):
// touching, as pen digits written close do. (A fixed overlap of the boxes drew "11" as one
// thick bar and "17" as an "8".)
int touching_x(const cv::Mat& ink, const cv::Mat& g, int y0, int x) {
  constexpr uchar kSolid = 128;  // at least half pen ink: the strokes' own edges, not their blur
  int best = std::numeric_limits<int>::min();
  for (int r = 0; r < g.rows; ++r) {
    const uchar* grow = g.ptr<uchar>(r);
    int left = 0;
    while (left < g.cols && grow[left] < kSolid) ++left;
    if (left == g.cols) continue;
    const uchar* irow = ink.ptr<uchar>(y0 + r);
    int right = x - 1;
    while (right >= 0 && irow[right] < kSolid) --right;
    if (right < 0) continue;
    best = std::max(best, right + 1 - left);  // glyph ink at x0 + left, next to ink at `right`
  }
  return best == std::numeric_limits<int>::min() ? x : std::max(0, best);
}

}  // namespace

std::vector<std::vector<cv::Mat>> digit_pool(const std::vector<DigitSample>& samples) {
  std::vector<std::vector<cv::Mat>> pool(10);
  for (const auto& s : samples) pool[size_t(s.label)].push_back(s.cell);
  return pool;
}

cv::Mat render_digit_string(const std::string& text, const std::vector<std::vector<cv::Mat>>& pool,
                            std::mt19937_64& rng, const StringStyle& st) {
  std::uniform_real_distribution<double> u(0, 1);
  const int H = st.digit_height;
  const double scale = H / 14.0;  // digits.png digits are ~14 px tall in 20 px cells
  const int pad = H / 2, baseline = pad + H;
  cv::Mat ink = cv::Mat::zeros(H * 2, int(text.size() * H + 2 * pad + H), CV_8U);  // ink intensity
  int x = pad;
  const int stroke = std::max(2, int(std::lround(scale * 1.6)));
  bool after_sep = false;  // clerks leave room around separators: no touching there
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      const auto& v = pool[size_t(c - '0')];
      cv::Mat cell = v[size_t(rng() % v.size())], big;
      cv::resize(cell, big, {}, scale, scale, cv::INTER_CUBIC);
      cv::Rect bb = cv::boundingRect(big > 60);
      if (bb.area() == 0) continue;
      cv::Mat g = big(bb);
      const int y0 = baseline - g.rows;
      bool touch = x > pad && !after_sep && u(rng) < st.touch_rate;
      int x0 = touch ? touching_x(ink, g, y0, x) : std::max(0, x + int(0.12 * H + u(rng) * 0.2 * H));
      if (x0 + g.cols >= ink.cols) break;
      cv::Mat roi = ink(cv::Rect(x0, y0, g.cols, g.rows));
      cv::max(roi, g, roi);
      x = x0 + g.cols;
      after_sep = false;
    } else {
      after_sep = true;
      int gap = int(0.15 * H + u(rng) * 0.1 * H);
      int x0 = x + gap;
      if (c == '/') {
        int w = int(0.45 * H);
        cv::line(ink, {x0, baseline + 2}, {x0 + w, baseline - int(0.95 * H)}, 255, stroke, cv::LINE_AA);
        x = x0 + w;
      } else if (c == '-') {
        int w = int(0.4 * H);
        int y = baseline - H / 2 + int((u(rng) - 0.5) * 0.1 * H);
        cv::line(ink, {x0, y}, {x0 + w, y - int(u(rng) * 3)}, 255, stroke, cv::LINE_AA);
        x = x0 + w;
      } else if (c == '.') {
        int r = std::max(2, int(stroke * 1.1));
        cv::circle(ink, {x0 + r, baseline - r}, r, 255, cv::FILLED, cv::LINE_AA);
        x = x0 + 2 * r;
      }
    }
  }
  ink = ink(cv::Rect(0, 0, std::min(ink.cols, x + pad), ink.rows)).clone();
  int ink_level = 30 + int(u(rng) * 60);  // pen darkness
  cv::Mat img(ink.size(), CV_8U, cv::Scalar(235));
  for (int r = 0; r < img.rows; ++r)
    for (int c = 0; c < img.cols; ++c) {
      double a = ink.at<uchar>(r, c) / 255.0;
      img.at<uchar>(r, c) = cv::saturate_cast<uchar>(235 * (1 - a) + ink_level * a);
    }
  if (st.dotted_line) {  // printed leader dots on the writing line, a little under the digits
    int y = baseline + 3, step = std::max(6, H / 5), phase = int(u(rng) * step);
    for (int xx = phase; xx < img.cols; xx += step) cv::circle(img, {xx, y}, 1, 90, cv::FILLED, cv::LINE_AA);
  }
  if (st.degrade) degrade_like_scan(img, rng, 235);
  return img;
}

}  // namespace ledger
