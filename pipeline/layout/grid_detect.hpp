// Finding the ruling of a ledger page: long straight printed lines, found on the binary by
// morphological opening, grouped into rule positions; and text bands where rows are not ruled.
#pragma once
#include <opencv2/core.hpp>
#include <vector>

#include "core/geometry.hpp"

namespace ledger {

/// One ruling line: its position across (y for horizontal, x for vertical) and its extent along.
struct RuleLine {
  int pos = 0;          // centre, pixels
  int from = 0, to = 0; // extent along the line, pixels
  double thickness = 0; // mean stroke width across the line, pixels
  int length() const { return to - from; }
};

struct Grid {
  std::vector<RuleLine> horizontal;  // top to bottom
  std::vector<RuleLine> vertical;    // left to right
  cv::Mat mask;                      // 255 on ruling pixels (same size as the binary)

  /// True when at least 3 vertical rules were found (2 columns).
  bool found() const { return vertical.size() >= 3; }
  /// The ruled area: from the first to the last vertical rule; from the median top to the
  /// median bottom of the vertical rules, each extended to a long horizontal rule (the frame)
  /// lying at most 3% of the area's height beyond. Medians, because a scan edge or a gutter
  /// shadow also binarises into a "rule" running over the whole image.
  Box bounds() const;
};

struct GridOptions {
  /// A horizontal rule must cover this share of the page width, a vertical one this share of
  /// the page height (after joining broken pieces). Tuned on the lectaurep registers, whose
  /// column rules run over ~85% of the page and header rules over ~90% of its width.
  double min_horizontal = 0.3;
  double min_vertical = 0.3;
  /// Pieces of the opening kernel, as a share of the page's width (height): long enough that
  /// no handwriting survives, short enough for a slightly skewed or bowed rule.
  double kernel = 0.03;
  /// Share of a rule's span its pieces must cover (faint rules break into pieces; letters that
  /// line up by chance cover much less).
  double min_fill = 0.6;
  /// Rules closer than this share of the page width are one (double borders).
  double merge = 0.006;
  /// Thicker "rules" are the dark edges of the scan or the book's gutter, not printed lines
  /// (printed rules are 1-3 px at 150 dpi; a scan edge binarises into a 10-20 px band).
  /// Set high: the lectaurep frames are 8-12 px at 1000 px wide, as thick as some scan edges.
  double max_thickness = 0.015;  // share of the page width
};

/// Detects ruling lines on a binary page (ink = 255).
Grid detect_grid(const cv::Mat& binary, const GridOptions& opts = {});

/// Horizontal bands of ink in `area` of `binary` (ruling masked out by `rule_mask`, may be
/// empty): the text lines, top to bottom, as [top, bottom) pixel pairs.
///   min_height: bands thinner than this (noise, a stray stroke) are dropped.
///   min_gap: gaps smaller than this do not split a band (descenders and tone marks).
std::vector<std::pair<int, int>> ink_bands(const cv::Mat& binary, const cv::Mat& rule_mask,
                                           const Box& area, int min_height, int min_gap);

}  // namespace ledger
