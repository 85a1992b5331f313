// The preprocess stage: a decoded page made upright, deskewed, flattened, binarised and split
// into ink layers (CleanPage), with the transform back to the stored image's pixels.
#pragma once
#include "core/page.hpp"
#include "preprocess/preprocess_options.hpp"

namespace ledger {

/// Cleans one page.
///   page  the decoded page (moved into the result's `source`)
///   opts  which corrections run and their thresholds
/// Returns the CleanPage: rotation (degrees clockwise that were applied: 0/90/180/270),
/// skew_degrees (the removed skew, positive = the scan was turned counter-clockwise),
/// to_source (2x3 CV_64F, clean pixel -> source pixel), gray, binary, pen_ink, seal, color.
/// Notes:
///   1. Orientation and skew are estimated on a copy shrunk by the whole factor that brings the
///      long side nearest to opts.estimate_long_side (A4 at 300 dpi: by 2); the quarter turn
///      and the deskew are then applied to the full page in one warp (one resampling).
///   5. Cost on one core: ~240 ms CPU for a 2480x3508 page (bench/preprocess_bench.cpp).
///      OpenCV may add its own threads; a caller running pages in parallel may want
///      cv::setNumThreads(1).
///   2. Order: lines across or down? -> turn -> skew -> upside down? -> warp -> gray ->
///      ink layers -> flatten -> whiten seal -> Sauvola.
///   3. The clean page has the size of the (turned) source; corners pushed out by the deskew
///      are lost and new corners are white.
///   4. Throws InputError when the page has no pixels.
CleanPage preprocess(PageImage page, const PreprocessOptions& opts = {});

/// Maps a point of the clean page to the source image (applies to_source).
Point clean_to_source(const CleanPage& page, Point clean);

}  // namespace ledger
