// Scoring draft records against ground truth: the entry point of `ledger-ocr eval` and of
// anything else (the runner, calibration checks) that wants the numbers.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "evaluate/draft_reader.hpp"
#include "evaluate/eval_report.hpp"
#include "evaluate/gt_pages.hpp"
#include "evaluate/plain_tesseract.hpp"

namespace ledger {

struct EvalOptions {
  bool baseline = true;             // also score plain tesseract on the whole page
  std::string baseline_lang = "vie";
  /// Words of a page for the baseline; default: run_plain_tesseract on the page's image.
  /// Tests inject fixed words here.
  std::function<std::vector<TsvWord>(const GtPage&)> baseline_words;
  int baseline_threads = 0;         // pages read at once by the baseline, 0 = all cores
                                    // (each tesseract process is single-threaded)
  double min_box_iou = 0.5;         // a field box is "located" at this IoU with the GT box
  int reliability_bins = 10;
  int curve_steps = 100;            // thresholds 0, 0.01, ..., 1
};

/// Scores `drafts` against `gt`: every GT field (present key) of every GT page is scored once.
/// Returns the report; pages without drafts are listed in `unmatched_pages` and their fields
/// count as missing (keyed from scratch). A failing baseline page adds a warning, not an error.
/// Notes:
///   1. Matching: pages by image path (matching.hpp), records by index on forms and by row
///      overlap on tables, fields by key. Draft records no GT record matched are "extra".
///   2. Trust metrics (reliability, ECE, curve) use the fields that had a draft field.
///   3. Baseline: words whose centre falls in the GT box (else the draft's box) in reading order,
///      scored with the same rule; a clerk would look at every baseline field. Pages are read
///      in parallel (baseline_threads); `baseline_words` must then be thread-safe.
EvalReport evaluate(const std::vector<GtPage>& gt, const std::vector<DraftPage>& drafts,
                    const EvalOptions& options = {});

}  // namespace ledger
