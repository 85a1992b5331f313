// Finding a template's printed labels on a page: OCR of small windows around where each label
// should be, and fuzzy matching of the label's words to the recognised words.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "layout/layout_template.hpp"
#include "ocr/ocr_engine.hpp"

namespace ledger {

struct AnchorSearchOptions {
  double window = 0.04;    // search ± this share of the page around the expected position
  int text_px = 22;        // printed text height after downscaling the window for OCR (~150 dpi
                           // for ks-2016 labels); 0 = OCR at full resolution
  int max_anchors = 10;    // windows per page and template: OCR cost is the budget here
  double min_similarity = 0.75;  // 1 - edit distance / length, over the label's first words
  size_t max_words = 4;    // label words compared (the start of a long label suffices)
  size_t min_chars = 5;    // labels shorter than this ("Số:") are too ambiguous to anchor on
  /// Stop early when, after `give_up_after` windows, fewer than `give_up_below` labels were
  /// found: the page does not follow this template (or cannot be read), and each window costs
  /// an OCR call.
  int give_up_after = 5;
  int give_up_below = 2;
  /// Stop once this many labels were found: 6 well-spread anchors fix an affine transform and
  /// leave room for a misreading or two; more windows only cost time.
  int enough = 6;
};

/// Where a label was found.
struct AnchorMatch {
  Anchor anchor;          // the template's text and position
  Point found;            // clean-page pixels: top-left of the label's first word
  double right = -1;      // clean-page x of the label's last letter when all its words matched
  double similarity = 0;  // 0..1
};

/// Where a label's words start among OCR words.
struct LabelHit {
  size_t first = 0, last = 0;  // indices into the word list given (reading order)
  double similarity = 0;
  bool whole = false;          // every word of the label matched
};

/// Compares a label with recognised words (tone-mark placement, case and punctuation ignored).
///   label: printed text; words: OCR words in reading order; max_words: label words compared.
/// Returns every start position whose similarity is at least `min_similarity`, best first.
/// Notes:
///   1. Words are compared as one string without spaces, so a label OCR split or merged
///      ("Giớitính:") still matches.
std::vector<LabelHit> match_label(const std::string& label, const std::vector<OcrWord>& words,
                                  size_t max_words, double min_similarity);

/// The anchors worth a window: long enough, spread over the page (farthest-point order starting
/// from the longest), at most `max_anchors`.
std::vector<Anchor> pick_anchors(const LayoutTemplate& layout, const AnchorSearchOptions& opts);

/// OCRs one window per picked anchor around `coarse`'s prediction and matches the label.
///   page: uses `gray`; coarse: template -> page pixels guess; engine: any OcrEngine.
/// Returns the anchors found (in pick order). `failures` counts windows whose OCR threw,
/// `windows` those that were read (the search stops early, see AnchorSearchOptions).
std::vector<AnchorMatch> find_anchors(const CleanPage& page, const LayoutTemplate& layout,
                                      const Transform& coarse, OcrEngine& engine,
                                      const AnchorSearchOptions& opts, int* failures = nullptr,
                                      int* windows = nullptr);

}  // namespace ledger
