// Scan effects for generated pages (see degrade.hpp).
#include "synth/degrade.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace ledger::synth {
namespace {

constexpr double kPi = 3.14159265358979323846;

// A smooth random field around 1 (±amplitude): random values on a coarse grid, enlarged cubically.
cv::Mat smooth_field(cv::Size size, double amplitude, Rng& rng) {
  cv::Mat coarse(5, 4, CV_32F);
  for (int y = 0; y < coarse.rows; ++y)
    for (int x = 0; x < coarse.cols; ++x) coarse.at<float>(y, x) = float(1 + rng.uniform(-amplitude, amplitude));
  cv::Mat field;
  cv::resize(coarse, field, size, 0, 0, cv::INTER_CUBIC);
  return field;
}

}  // namespace

Degraded degrade(const cv::Mat& page, int dpi, Rng& rng, const DegradeOptions& o) {
  const cv::Size size = page.size();
  const double w = size.width, h = size.height;

  // Geometry first (skew about the centre, small perspective, shift), on 8-bit pixels: the
  // tint and bleed-through below are smooth, so applying them after the warp looks the same
  // and keeps the float work at quarter size.
  const double angle = std::clamp(rng.normal(0.8), -o.max_skew_deg, o.max_skew_deg) * kPi / 180;
  const double tx = rng.uniform(-o.max_shift, o.max_shift) * w, ty = rng.uniform(-o.max_shift, o.max_shift) * h;
  std::vector<cv::Point2f> src = {{0, 0}, {float(w), 0}, {float(w), float(h)}, {0, float(h)}}, dst;
  for (const auto& p : src) {
    const double dx = p.x - w / 2, dy = p.y - h / 2;
    dst.emplace_back(float(w / 2 + dx * std::cos(angle) - dy * std::sin(angle) + tx +
                           rng.uniform(-o.max_perspective, o.max_perspective) * w),
                     float(h / 2 + dx * std::sin(angle) + dy * std::cos(angle) + ty +
                           rng.uniform(-o.max_perspective, o.max_perspective) * h));
  }
  cv::Matx33d H = cv::getPerspectiveTransform(src, dst);
  const double bed = rng.chance(0.6) ? 235 : 50;  // white scanner lid or a dark bed
  cv::Mat img;
  cv::warpPerspective(page, img, H, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(bed));

  // Paper and verso, as one multiplier per pixel and channel, computed at quarter size.
  const cv::Size small_size(std::max(1, size.width / 4), std::max(1, size.height / 4));
  cv::Mat mult = smooth_field(small_size, 0.05, rng);  // uneven light
  if (rng.chance(o.bleed_probability)) {
    // Bleed-through: the other side's ink shows faintly, mirrored and soft; the page itself,
    // flipped, stands in for its verso.
    cv::Mat gray, verso;
    cv::cvtColor(img, gray, cv::COLOR_BGR2GRAY);
    cv::resize(gray, verso, small_size, 0, 0, cv::INTER_AREA);
    cv::flip(verso, verso, 1);
    cv::GaussianBlur(verso, verso, cv::Size(), 1.2);
    verso.convertTo(verso, CV_32F, 1.0 / 255);
    const double strength = rng.uniform(0.05, 0.14);
    cv::Mat keep = 1.0 - strength * (1.0 - verso);  // 1 where the verso is blank
    mult = mult.mul(keep);
  }
  // a cream tint (B, G, R factors)
  const double tint[3] = {rng.uniform(0.84, 0.93), rng.uniform(0.93, 0.98), rng.uniform(0.96, 1.0)};
  std::vector<cv::Mat> chans;
  for (double t : tint) {
    cv::Mat c16;
    mult.convertTo(c16, CV_16U, 256 * t);  // fixed point, 8 fraction bits
    chans.push_back(c16);
  }
  cv::Mat m_small, m_full, img16, out8;
  cv::merge(chans, m_small);
  cv::resize(m_small, m_full, size, 0, 0, cv::INTER_LINEAR);
  img.convertTo(img16, CV_16UC3);
  cv::multiply(img16, m_full, out8, 1.0 / 256, CV_8UC3);

  // Optics and sensor: blur, then grain; both scale with the resolution. The grain is a tile of
  // Gaussian noise repeated over the page (509 px, prime, so no visible period along a line).
  const double scale = dpi / 300.0;
  cv::GaussianBlur(out8, out8, cv::Size(), std::max(0.3, rng.uniform(0.4, 1.1) * scale));
  const int tile = std::min({509, size.width, size.height});
  cv::Mat noise_tile(tile, tile, CV_16SC3), noise;
  cv::RNG cvrng(rng.next());
  cvrng.fill(noise_tile, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(rng.uniform(2.0, 7.0)));
  cv::repeat(noise_tile, size.height / tile + 1, size.width / tile + 1, noise);
  cv::add(out8, noise(cv::Rect(0, 0, size.width, size.height)), out8, cv::noArray(), CV_8UC3);

  if (rng.chance(o.jpeg_probability)) {
    std::vector<uchar> buf;
    cv::imencode(".jpg", out8, buf, {cv::IMWRITE_JPEG_QUALITY, rng.range(45, 90)});
    out8 = cv::imdecode(buf, cv::IMREAD_COLOR);
  }
  return {out8, H};
}

Box transform_box(const Box& b, const cv::Matx33d& H, int width, int height) {
  if (b.empty()) return {};
  double minx = 1e18, miny = 1e18, maxx = -1e18, maxy = -1e18;
  for (auto [x, y] : {std::pair<double, double>{b.x, b.y}, {b.x + b.w, b.y}, {b.x, b.y + b.h}, {b.x + b.w, b.y + b.h}}) {
    const cv::Vec3d p = H * cv::Vec3d(x, y, 1);
    const double px = p[0] / p[2], py = p[1] / p[2];
    minx = std::min(minx, px), maxx = std::max(maxx, px);
    miny = std::min(miny, py), maxy = std::max(maxy, py);
  }
  // one pixel of margin for the blur
  const int x0 = std::max(0, int(std::floor(minx)) - 1), y0 = std::max(0, int(std::floor(miny)) - 1);
  const int x1 = std::min(width, int(std::ceil(maxx)) + 1), y1 = std::min(height, int(std::ceil(maxy)) + 1);
  if (x1 <= x0 || y1 <= y0) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace ledger::synth
