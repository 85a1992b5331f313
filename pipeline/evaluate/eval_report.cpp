// Adding tallies (see eval_report.hpp).
#include "evaluate/eval_report.hpp"

namespace ledger {

void FieldTally::add(const FieldTally& o) {
  fields += o.fields;
  correct += o.correct;
  gt_blank += o.gt_blank;
  prefilled += o.prefilled;
  prefilled_correct += o.prefilled_correct;
  review += o.review;
  missing += o.missing;
  with_confidence += o.with_confidence;
  raw_edits += o.raw_edits;
  value_edits += o.value_edits;
  truth_chars += o.truth_chars;
  keys_scratch += o.keys_scratch;
  keys_draft += o.keys_draft;
  to_look += o.to_look;
  boxes_expected += o.boxes_expected;
  boxes_located += o.boxes_located;
  boxes_covered += o.boxes_covered;
  base_fields += o.base_fields;
  base_correct += o.base_correct;
  base_edits += o.base_edits;
  base_keys += o.base_keys;
}

void LayoutTally::add(const LayoutTally& o) {
  pages += o.pages;
  pages_with_drafts += o.pages_with_drafts;
  layout_found += o.layout_found;
  layout_given += o.layout_given;
  layout_correct += o.layout_correct;
  records_expected += o.records_expected;
  records_found += o.records_found;
  records_extra += o.records_extra;
}

}  // namespace ledger
