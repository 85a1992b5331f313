// What an evaluation finds: counts per group of fields (overall, per layout, per field, typed vs
// handwritten), layout detection counts, calibration, and the plain-tesseract baseline.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "evaluate/calibration_metrics.hpp"

namespace ledger {

/// Counts over one group of ground-truth fields; the rates are derived from them.
/// Notes:
///   1. "Pre-filled" is status accept or blank: the clerk is not asked to look, so a wrong one is
///      a residual error that slips through.
///   2. A field whose record or key is missing from the drafts counts as predicted "" and must be
///      keyed from scratch ("missing").
///   3. Clerk effort model: keying from scratch costs every GT character + 1 (Tab) per field.
///      With drafts: pre-filled fields cost 0 (a wrong one slips through, counted apart); a
///      review field costs 1 (look, confirm) when right, else the character edits value->GT + 1;
///      a missing field costs its characters + 1.
struct FieldTally {
  long fields = 0;             // scored GT fields
  long correct = 0;            // draft value matches GT (scoring rule)
  long gt_blank = 0;           // GT value is blank
  long prefilled = 0;          // status accept or blank
  long prefilled_correct = 0;
  long review = 0;             // status review
  long missing = 0;            // no draft record or field for it
  long with_confidence = 0;    // fields that had a draft field (ECE population)
  long raw_edits = 0, value_edits = 0, truth_chars = 0;  // CER numerators and denominator
  long keys_scratch = 0, keys_draft = 0, to_look = 0;    // clerk effort (note 3)
  long boxes_expected = 0, boxes_located = 0;           // GT boxes; of those, IoU >= 0.5 with the draft's
  long boxes_covered = 0;      // GT boxes at least half inside the draft's box (a value region
                               // drawn to the whole dotted line is found but fails IoU)
  long base_fields = 0, base_correct = 0, base_edits = 0, base_keys = 0;  // plain-tesseract baseline

  double accuracy() const { return ratio(correct, fields); }
  double prefilled_share() const { return ratio(prefilled, fields); }
  double precision() const { return prefilled ? double(prefilled_correct) / prefilled : 1.0; }
  long residual_errors() const { return prefilled - prefilled_correct; }
  double residual_error_rate() const { return ratio(residual_errors(), prefilled); }
  double cer_raw() const { return ratio(raw_edits, truth_chars); }
  double cer_value() const { return ratio(value_edits, truth_chars); }
  double keystroke_share() const { return ratio(keys_draft, keys_scratch); }
  double boxes_located_share() const { return ratio(boxes_located, boxes_expected); }
  double boxes_covered_share() const { return ratio(boxes_covered, boxes_expected); }
  double base_accuracy() const { return ratio(base_correct, base_fields); }
  double base_cer() const { return ratio(base_edits, truth_chars); }
  double base_keystroke_share() const { return ratio(base_keys, keys_scratch); }

  void add(const FieldTally& o);
  static double ratio(long a, long b) { return b ? double(a) / b : 0.0; }
};

/// Page-level layout counts.
struct LayoutTally {
  long pages = 0;
  long pages_with_drafts = 0;  // a draft page was matched to the GT page
  long layout_found = 0;       // the drafts name a layout
  long layout_given = 0;       // the GT names a layout
  long layout_correct = 0;     // ... and the drafts name the same one
  long records_expected = 0, records_found = 0, records_extra = 0;

  void add(const LayoutTally& o);
};

/// Everything `ledger-ocr eval` reports.
struct EvalReport {
  std::string source;                        // what was scored against what, for the reader
  FieldTally overall;
  std::map<std::string, FieldTally> by_layout;  // GT layout (else the drafts', else "(none)")
  std::map<std::string, FieldTally> by_field;   // field key
  std::map<std::string, FieldTally> by_hand;    // "handwritten", "typed", "unknown"
  LayoutTally layout;
  std::map<std::string, LayoutTally> layout_by_layout;
  std::vector<ReliabilityBin> reliability;  // 10 equal-width bins
  double ece = 0;
  std::vector<ThresholdPoint> curve;        // thresholds 0.00 .. 1.00
  bool baseline_run = false;                // the baseline columns hold numbers
  std::vector<std::string> unmatched_pages; // GT images with no draft page
  std::vector<std::string> warnings;        // baseline failures etc.
};

}  // namespace ledger
