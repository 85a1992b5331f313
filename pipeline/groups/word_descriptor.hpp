// A word-image descriptor for grouping repeated handwritten values: the ink (whole, and word by
// word) on small grids of fixed height, blurred, with aspect ratios, and a distance that looks
// for the worst local mismatch so that one different letter keeps two values apart.
#pragma once
#include <opencv2/core.hpp>
#include <vector>

namespace ledger::groups {

/// One word of a value: its ink on a small grid.
struct WordGrid {
  cv::Mat grid;       // CV_32F, kGridRows high, as wide as the word's aspect ratio asks (at
                      // least kMinCols), ink 1, paper 0, blurred
  double aspect = 0;  // ink width / ink height
};

/// A described value image: its words, left to right.
struct WordDescriptor {
  WordGrid whole;                // the value's ink as one grid
  std::vector<WordGrid> words;
  /// pairs[i]: words i and i+1 as one word, the gap between them set to half the word cut (a
  /// gap one writing leaves and another closes)
  std::vector<WordGrid> pairs;
  double aspect = 0;  // the whole ink's width / height
  bool empty() const { return words.empty(); }
};

inline constexpr int kGridRows = 24, kMinCols = 12, kMaxCols = 720;

/// Describes a value image (8-bit, ink 255, cropped to the ink: groups/word_image.hpp): it is
/// cut into words at gaps wider than a sixth of its height, the words are set on one centre
/// line (words wander up and down), and each word is normalised on
/// its own (handwriting moves, sizes and tilts each word a little differently).
/// An empty image gives an empty descriptor.
WordDescriptor describe_word(const cv::Mat& ink);

/// Dissimilarity of two words, 0 (same drawing) .. 1 (nothing alike).
/// Notes:
///   1. Two measures, the smaller wins: the whole values compared as one image, and the words
///      aligned in order, the worst aligned pair's distance, where one word of a value may
///      match two neighbouring words of the other (a gap one writing leaves and the other
///      closes). Either is 1 when aspect ratios differ by more than 25% (a different length of
///      text).
///   2. The narrower grid is stretched to the wider one's width, and the grids are compared in
///      blocks of 12 columns (about one letter), one starting every 6; a block's mismatch is the
///      ink that differs over the ink present (|a-b| / (a+b)) at the block's best small shift
///      (±4 columns, ±2 rows: baseline and spacing jitter, each word of a value wandering on its
///      own), and the distance is the worst block's. `Nam` and `Nữ` differ in every block; two names one
///      letter apart differ in one block, and that block alone decides.
///   3. Empty descriptors are 1 from everything.
double word_distance(const WordDescriptor& a, const WordDescriptor& b);

}  // namespace ledger::groups
