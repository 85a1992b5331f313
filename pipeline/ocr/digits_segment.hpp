// Cuts a handwritten numeric field (a cleaned line crop) into characters: digits to classify
// and the separators / . - kept as they are; leader dots and specks are dropped.
#pragma once
#include <functional>
#include <opencv2/core.hpp>
#include <vector>

#include "core/geometry.hpp"

namespace ledger {

enum class GlyphKind { Digit, Slash, Dot, Dash };

/// One character found in a field crop.
struct Glyph {
  GlyphKind kind = GlyphKind::Digit;
  Box box;       // in crop pixels
  cv::Mat mask;  // the glyph's own ink (255) inside `box`, 8-bit; digits and slashes
  /// On the first glyph of a wide component only: the component's other possible cuttings
  /// (1, 2 or 3 digits), each a prior weight (from the width) and the pieces' masks; the glyphs
  /// that follow (`span` of them, this one included) are the cutting the scorer preferred.
  /// The reader lets the grammar choose among them.
  std::vector<std::pair<double, std::vector<cv::Mat>>> splits;
  int span = 1;
  char separator() const { return kind == GlyphKind::Slash ? '/' : kind == GlyphKind::Dot ? '.' : kind == GlyphKind::Dash ? '-' : 0; }
};

struct DigitSegmentation {
  std::vector<Glyph> glyphs;  // left to right
  int text_height = 0;        // height of the digits, pixels (0: no ink)
  int leader_dots = 0;        // dots recognised as a dotted leader line and dropped
  int wide = 0;               // components wide enough to be touching digits (split or not):
                              // the split is a guess, so the reader trusts such strings less
};

/// Scores a candidate digit mask (higher = more digit-like, e.g. log of the best class
/// probability); used to choose how to split touching digits. May be empty.
using GlyphScorer = std::function<double(const cv::Mat& mask)>;

/// The ink of a field crop as a mask (255 = ink): Otsu, or a fixed level 60 under the paper
/// when Otsu finds no real contrast (an almost blank crop); with `pen`, only the ink components
/// that are mostly pen ink. Used by segment_digits and to make training digits look scanned.
cv::Mat binarize_digit_ink(const cv::Mat& crop, const cv::Mat& pen = {});

/// Segments a field crop into glyphs.
/// \param crop   8-bit gray (or BGR) crop, dark ink on light paper
/// \param pen    optional pen-ink mask of the crop (255 = pen); when given, only ink components
///               that are mostly pen ink count (printed label remnants are dropped)
/// \param scorer optional digit scorer to choose among splits of touching digits
/// Notes:
///   1. The text height is the tallest component that is not a ruling line.
///   2. Small round components are dots. Three or more dots of similar size on one row are a
///      dotted leader and dropped; a dot clearly bigger than the leader dots (or any dot when
///      there is no leader) that sits low between two digits is a '.' separator.
///   3. Components overlapping in x (broken strokes) are merged; a component wider than a
///      digit is split at the columns of least ink into the count of digits its width suggests
///      (the scorer picks between n-1, n and n+1 pieces when given; all those cuttings are
///      kept in Glyph::splits for the decoder). With a scorer, a component between 0.5 and 0.8
///      of the text height also gets an unlikely cutting in two (a '1' touching a digit); when
///      a cut beside a thin straight tall stroke leaves two tall pieces, that cutting is offered
///      too, twice as likely, down to 0.3 of the height ("11" written touching). A wide
///      component gets that cutting beside a '1' stroke as well, as likely as its even cut
///      in two ("10" whose even cut falls through the ring).
///   4. A slanted thin tall stroke (35..72 deg) is '/' (or a slanted '1': the decoder decides),
///      a short flat stroke at mid height '-'.
DigitSegmentation segment_digits(const cv::Mat& crop, const cv::Mat& pen = {}, const GlyphScorer& scorer = {});

}  // namespace ledger
