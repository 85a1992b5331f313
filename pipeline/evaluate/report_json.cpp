// `report.json` (see report_json.hpp).
#include "evaluate/report_json.hpp"

#include <fstream>

#include "core/error.hpp"

namespace ledger {

namespace {

using nlohmann::ordered_json;

ordered_json tally_json(const FieldTally& t, bool baseline) {
  ordered_json j;
  j["fields"] = t.fields;
  j["correct"] = t.correct;
  j["accuracy"] = t.accuracy();
  j["gt_blank"] = t.gt_blank;
  j["cer_raw"] = t.cer_raw();
  j["cer_value"] = t.cer_value();
  j["truth_chars"] = t.truth_chars;
  j["prefilled"] = t.prefilled;
  j["prefilled_share"] = t.prefilled_share();
  j["prefilled_correct"] = t.prefilled_correct;
  j["precision"] = t.precision();
  j["residual_errors"] = t.residual_errors();
  j["residual_error_rate"] = t.residual_error_rate();
  j["review"] = t.review;
  j["missing"] = t.missing;
  j["clerk"] = {{"keys_scratch", t.keys_scratch},
                {"keys_with_drafts", t.keys_draft},
                {"keystroke_share", t.keystroke_share()},
                {"fields_to_look_at", t.to_look}};
  j["boxes"] = {{"expected", t.boxes_expected},
                {"located", t.boxes_located},
                {"share", t.boxes_located_share()},
                {"covered", t.boxes_covered},
                {"covered_share", t.boxes_covered_share()}};
  if (baseline)
    j["baseline"] = {{"fields", t.base_fields},
                     {"correct", t.base_correct},
                     {"accuracy", t.base_accuracy()},
                     {"cer", t.base_cer()},
                     {"keys", t.base_keys},
                     {"keystroke_share", t.base_keystroke_share()}};
  return j;
}

ordered_json layout_json(const LayoutTally& l) {
  return {{"pages", l.pages},
          {"pages_with_drafts", l.pages_with_drafts},
          {"layout_found", l.layout_found},
          {"layout_given", l.layout_given},
          {"layout_correct", l.layout_correct},
          {"records_expected", l.records_expected},
          {"records_found", l.records_found},
          {"records_extra", l.records_extra}};
}

}  // namespace

ordered_json report_json(const EvalReport& r) {
  ordered_json j;
  j["schema"] = "ledger-eval/1";
  j["source"] = r.source;
  j["clerk_model"] =
      "keys_scratch: every GT character + 1 per field; with drafts: pre-filled (accept/blank) 0, "
      "review 1 if right else character edits + 1, missing characters + 1";
  j["overall"] = tally_json(r.overall, r.baseline_run);
  for (const auto& [k, t] : r.by_layout) j["by_layout"][k] = tally_json(t, r.baseline_run);
  for (const auto& [k, t] : r.by_field) j["by_field"][k] = tally_json(t, r.baseline_run);
  for (const auto& [k, t] : r.by_hand) j["by_hand"][k] = tally_json(t, r.baseline_run);
  j["layout"] = layout_json(r.layout);
  for (const auto& [k, l] : r.layout_by_layout) j["layout_by_layout"][k] = layout_json(l);
  ordered_json trust;
  trust["ece"] = r.ece;
  trust["reliability"] = ordered_json::array();
  for (const auto& b : r.reliability)
    trust["reliability"].push_back({{"lo", b.lo}, {"hi", b.hi}, {"count", b.count},
                                    {"mean_confidence", b.mean_confidence}, {"accuracy", b.accuracy}});
  trust["curve"] = ordered_json::array();
  for (const auto& p : r.curve)
    trust["curve"].push_back({{"threshold", p.threshold}, {"accepted", p.accepted}, {"wrong", p.wrong},
                              {"accepted_share", p.accepted_share}, {"residual_error", p.residual_error}});
  j["trust"] = trust;
  j["baseline_run"] = r.baseline_run;
  j["unmatched_pages"] = r.unmatched_pages;
  j["warnings"] = r.warnings;
  return j;
}

void write_report_json(const EvalReport& report, const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw InputError(file.string(), "cannot write report");
  out << report_json(report).dump(2) << "\n";
  if (!out) throw InputError(file.string(), "write failed");
}

}  // namespace ledger
