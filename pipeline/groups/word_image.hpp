// The ink of one field value as a word image: cut from the decoded page at the field's box,
// printed rules, dotted leaders and specks removed, cropped to what was written.
#pragma once
#include <opencv2/core.hpp>

#include "core/geometry.hpp"

namespace ledger::groups {

/// Cuts the written value of a field out of a page.
///   page_bgr  the decoded source page (8-bit BGR), the pixels the field's box refers to
///   box       the field's box in those pixels (the union of its lines)
///   line_height_px  the form's line pitch in these pixels; a box taller than 1.5 lines is cut
///             into lines, whose word images are set side by side in reading order. 0 = the
///             box is one line.
/// Returns an 8-bit mask, ink 255, cropped to the ink's bounding box; empty when the box holds
/// no ink of letter size or lies off the page.
/// Notes:
///   1. The crop keeps a margin of a quarter of a line above and below: handwriting leaves its
///      line (ascenders, tone marks), and the stored box is the dotted line's.
///   2. Red seal ink is removed first. When most of the ink is coloured pen (blue/violet), only
///      the pen's strokes are kept: the binary's blobs that hold pen ink, whole (a scan greys
///      the thin strokes), less rules and leaders; printed labels are black and drop out whole.
///      Otherwise rules and leaders are found on the binary crop (layout/leader_removal.hpp)
///      and removed.
///   3. Per line, kept: blobs at least 1/12 of the line height on one side (smaller is scan
///      noise) whose vertical centre lies in the line's band and that are mostly inside the box
///      horizontally, less those starting below the line's baseline (the next line's
///      ascenders) and specks more than a line's height from every letter-high blob; then
///      small marks just above the kept ink (tone marks). Each blob belongs to one line at most.
///   4. When the top margin holds a dense band of ink of its own (the line above, written low
///      into the box), the crop is cut at the emptiest row between that band and the value's,
///      and the tails left under the cut are dropped.
cv::Mat word_image(const cv::Mat& page_bgr, const Box& box, int line_height_px = 0);

/// The line pitch of the register forms on a page `page_height_px` tall: 3% of the page height
/// (ks-2016: one-line field boxes are 2.7-3.3% of the page height, two-line boxes 6.2%). The
/// page height is used, not the dpi: PNG scans without a resolution are stored as 300 dpi.
int form_line_height(int page_height_px);

}  // namespace ledger::groups
