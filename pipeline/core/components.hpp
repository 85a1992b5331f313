// Whole ink components picked by what they hold (the strokes of a coloured pen, kept whole where
// the pen mask alone misses their grey edges and would cut letters into pieces), or by a table.
#pragma once
#include <vector>

#include <opencv2/core.hpp>

namespace ledger {

/// The 8-connected components of `binary` (nonzero = ink) holding enough pixels of `marked`.
///   binary      8-bit ink image
///   marked      8-bit mask of the same size (nonzero = marked, e.g. pen ink)
///   share       a component is kept when it holds at least this share of its own area marked...
///   min_marked  ...and at least this many marked pixels
/// Returns a mask of the kept components (255) on 0.
cv::Mat components_holding(const cv::Mat& binary, const cv::Mat& marked, double share, double min_marked = 0);

/// The mask of the components `keep` names: `labels` as cv::connectedComponents writes them
/// (CV_32S, 0 the background), `keep` one entry per label (255 kept, 0 not). Returns an 8-bit
/// image of the labels' size holding each pixel's component's entry.
cv::Mat components_mask(const cv::Mat& labels, const std::vector<uchar>& keep);

}  // namespace ledger
