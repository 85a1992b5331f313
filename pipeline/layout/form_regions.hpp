// Field regions of a form page: each template line rectangle mapped through the fitted
// transform, then snapped to the dotted leader actually printed near it.
#pragma once
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

#include "core/page.hpp"
#include "layout/anchor_search.hpp"
#include "layout/layout_template.hpp"

namespace ledger {

/// A dotted (or ruled) leader found near a value line.
struct Leader {
  int y = 0;        // centre row, pixels
  int x0 = 0, x1 = 0;  // first and last dot
  int dots = 0;
  std::vector<int> starts;  // left edge of every dot on the row, left to right
};

/// Looks for a leader in the band [line.y, line.y + 1.5 line.h) and [line.x - 3 th, line.x + line.w)
/// of `binary` (ink 255). Returns nullopt when fewer than `min_dots` small blobs line up.
std::optional<Leader> find_leader(const cv::Mat& binary, const Box& line, int text_height_px,
                                  int min_dots = 6);

/// The regions of one form record.
///   page: the clean page (binary used to snap lines to leaders).
///   t: template -> page pixels.
///   matches: anchors found (labels whose measured right end starts their first line); may be empty.
///   snap: move lines to the leaders found near them.
/// Notes:
///   1. A line is moved vertically so the leader sits 0.3 text heights above its bottom (where
///      the templates put it: values are written on the dots), and its start moves to the first
///      dot when the label printed wider or narrower than the template guessed (never to the
///      right past writing that hides the first dots; with a coloured pen, only pen ink counts as
///      writing, so a label's own letters on the row do not hold the start back). Every line
///      then gets 0.3 text heights of headroom above the template's box, for tall handwritten
///      capitals and tone marks.
///   2. Checkbox fields give one FieldRegion per choice, with the tick box as its only line and
///      `choice_code` set.
RecordRegions form_regions(const CleanPage& page, const LayoutTemplate& layout, const Transform& t,
                           const std::vector<AnchorMatch>& matches, bool snap = true);

}  // namespace ledger
