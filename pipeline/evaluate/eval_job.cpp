// `ledger-ocr eval` as one library call (see eval_job.hpp).
#include "evaluate/eval_job.hpp"

#include "core/error.hpp"
#include "evaluate/alto_adapter.hpp"
#include "evaluate/evaluate.hpp"
#include "evaluate/report_files.hpp"
#include "evaluate/report_text.hpp"
#include "evaluate/run_drafts.hpp"
#include "evaluate/store_drafts.hpp"

namespace ledger {

std::string run_eval_job(const EvalRequest& r, std::ostream& log) {
  if (!r.alto_dir.empty()) {
    std::vector<std::string> warnings;
    AltoScore score = evaluate_alto_dir(r.alto_dir, warnings, r.lang.empty() ? "eng" : r.lang);
    write_alto_report(score, warnings, r.report_dir);
    return alto_summary(score, warnings.size()) + "report: " + (r.report_dir / "alto-report.json").string() + "\n";
  }
  if (r.gt_dir.empty()) throw ConfigError("eval: no ground-truth folder given");
  if (!r.drafts.empty() && !r.store.empty()) throw ConfigError("eval: give at most one of --drafts and --store");
  std::vector<GtPage> gt = load_gt_pages(r.gt_dir);
  std::vector<DraftPage> drafts = !r.drafts.empty() ? read_drafts_file(r.drafts)
                                  : !r.store.empty() ? read_drafts_store(r.store)
                                                     : run_pipeline_drafts(r.gt_dir, r.report_dir / "eval-run.sqlite",
                                                                           r.threads, log);
  EvalOptions options;
  options.baseline = r.baseline;
  if (!r.lang.empty()) options.baseline_lang = r.lang;
  EvalReport report = evaluate(gt, drafts, options);
  report.source = "Ground truth: " + r.gt_dir.string() + " (" + std::to_string(gt.size()) + " pages); drafts: " +
                  (!r.drafts.empty() ? r.drafts.string()
                   : !r.store.empty() ? r.store.string()
                                      : "a pipeline run into " + (r.report_dir / "eval-run.sqlite").string()) +
                  (r.baseline ? "; baseline: tesseract --psm 6 -l " + options.baseline_lang : "");
  write_report_files(report, r.report_dir);
  return report_summary(report) + "report: " + (r.report_dir / "report.html").string() + "\n";
}

}  // namespace ledger
