// Synthetic handwritten digit strings for tests and the benchmark: held-out MNIST digits
// assembled with drawn separators on a dotted line, degraded like a 300-dpi scan.
#pragma once
#include <cstdint>
#include <opencv2/core.hpp>
#include <random>
#include <string>
#include <vector>

#include "ocr/digits_data.hpp"

namespace ledger {

struct StringStyle {
  int digit_height = 44;      // pixels (~3.7 mm at 300 dpi, a clerk's digits)
  double touch_rate = 0.15;   // share of neighbouring digits drawn touching
  bool dotted_line = true;    // a printed dotted leader under the writing
  bool degrade = true;        // blur, noise, slight rotation, JPEG
};

/// Renders `text` (digits and / . -) with digits drawn from `pool` (by label) on white paper.
/// \return 8-bit gray crop, dark ink on light paper, with a white border
cv::Mat render_digit_string(const std::string& text, const std::vector<std::vector<cv::Mat>>& pool,
                            std::mt19937_64& rng, const StringStyle& style = {});

/// Degrades a gray crop (dark ink on `paper`) like a scan, in place: rotation +-1.5 deg, blur
/// sigma 0.5-1, Gaussian noise sd 6-12, JPEG quality 55-85.
void degrade_like_scan(cv::Mat& img, std::mt19937_64& rng, int paper);

/// Groups 20x20 cells by label: pool[d] holds the cells of digit d among `samples`.
std::vector<std::vector<cv::Mat>> digit_pool(const std::vector<DigitSample>& samples);

}  // namespace ledger
