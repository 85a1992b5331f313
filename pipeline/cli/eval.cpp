// `ledger-ocr eval`: scores draft records (a JSONL file, a store, or a run it starts itself)
// against a folder of pages with `ledger-gt/1` sidecars, or plain tesseract against ALTO line
// ground truth, and writes report.json + report.html.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "evaluate/alto_adapter.hpp"
#include "evaluate/evaluate.hpp"
#include "evaluate/report_files.hpp"
#include "evaluate/report_text.hpp"
#include "evaluate/run_drafts.hpp"
#include "evaluate/store_drafts.hpp"

namespace {

struct Opts {
  std::string gt_dir, drafts, store, report_dir, alto_dir, lang;
  bool no_baseline = false;
  int threads = -1;
};

int run_eval(const Opts& o) {
  if (!o.alto_dir.empty()) {
    std::vector<std::string> warnings;
    auto score = ledger::evaluate_alto_dir(o.alto_dir, warnings, o.lang.empty() ? "eng" : o.lang);
    ledger::write_alto_report(score, warnings, o.report_dir);
    std::cout << ledger::alto_summary(score, warnings.size());
    return ledger::cli::kOk;
  }
  if (o.gt_dir.empty()) {
    std::cerr << "ledger-ocr eval: give GT_DIR (or --alto DIR)\n";
    return ledger::cli::kUsage;
  }
  if (!o.drafts.empty() && !o.store.empty()) {
    std::cerr << "ledger-ocr eval: give at most one of --drafts FILE or --store FILE\n";
    return ledger::cli::kUsage;
  }
  auto gt = ledger::load_gt_pages(o.gt_dir);
  // Neither given: run the pipeline on the folder into a store beside the report.
  auto drafts = !o.drafts.empty()  ? ledger::read_drafts_file(o.drafts)
                : !o.store.empty() ? ledger::read_drafts_store(o.store)
                                   : ledger::run_pipeline_drafts(o.gt_dir, std::filesystem::path(o.report_dir) / "eval-run.sqlite",
                                                                 o.threads >= 0 ? std::optional<int>(o.threads) : std::nullopt,
                                                                 std::cerr);
  ledger::EvalOptions options;
  options.baseline = !o.no_baseline;
  if (!o.lang.empty()) options.baseline_lang = o.lang;
  auto report = ledger::evaluate(gt, drafts, options);
  ledger::write_report_files(report, o.report_dir);
  std::cout << ledger::report_summary(report);
  std::cout << "report: " << o.report_dir << "/report.html\n";
  return ledger::cli::kOk;
}

const ledger::cli::CommandRegistration reg{
    {30, "eval", "Score draft records against ground-truth pages; writes report.json and report.html",
     [](CLI::App& sub) {
       auto opts = std::make_shared<Opts>();
       sub.add_option("gt_dir", opts->gt_dir, "folder of page images with ledger-gt/1 sidecars (*.gt.json)");
       sub.add_option("--drafts", opts->drafts, "ledger-draft/1 JSON Lines of a run on those pages");
       sub.add_option("--store", opts->store, "the SQLite store of a run on those pages");
       sub.add_option("--threads,-j", opts->threads, "worker threads when eval runs the pipeline itself")
           ->check(CLI::Range(0, 1024));
       sub.add_option("--report", opts->report_dir, "folder to write report.json and report.html into")->required();
       sub.add_flag("--no-baseline", opts->no_baseline, "skip the plain-tesseract baseline (faster)");
       sub.add_option("--lang", opts->lang, "tesseract language of the baseline (default vie; eng for --alto)");
       sub.add_option("--alto", opts->alto_dir,
                      "instead: score plain tesseract on real scans with ALTO line ground truth in this folder");
       return std::function<int()>([opts] { return run_eval(*opts); });
     }}};

}  // namespace
