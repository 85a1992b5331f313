// `ledger-ocr eval`: scores draft records (a JSONL file, a store, or a run it starts itself)
// against pages with `ledger-gt/1` sidecars; the logic lives in evaluate/eval_job.hpp.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "evaluate/eval_job.hpp"

namespace {

struct Opts {
  ledger::EvalRequest request;
  std::string gt_dir, drafts, store, report_dir, alto_dir;
  bool no_baseline = false;
  int threads = -1;
};

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {30, "eval", "Score draft records against ground-truth pages; writes report.json and report.html",
     [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("gt_dir", o->gt_dir, "folder of page images with ledger-gt/1 sidecars (*.gt.json)");
       sub.add_option("--drafts", o->drafts, "ledger-draft/1 JSON Lines of a run on those pages");
       sub.add_option("--store", o->store, "the SQLite store of a run on those pages");
       sub.add_option("--report", o->report_dir, "folder to write report.json and report.html into")->required();
       sub.add_flag("--no-baseline", o->no_baseline, "skip the plain-tesseract baseline (faster)");
       sub.add_option("--lang", o->request.lang, "tesseract language of the baseline (default vie; eng for --alto)");
       sub.add_option("--threads,-j", o->threads, "worker threads when eval runs the pipeline itself")
           ->check(CLI::Range(0, 1024));
       sub.add_option("--alto", o->alto_dir,
                      "instead: score plain tesseract on real scans with ALTO line ground truth in this folder");
       return std::function<int()>([o] {
         if (o->gt_dir.empty() && o->alto_dir.empty()) {
           std::cerr << "ledger-ocr eval: give GT_DIR (or --alto DIR)\n";
           return int(ledger::cli::kUsage);
         }
         if (!o->drafts.empty() && !o->store.empty()) {
           std::cerr << "ledger-ocr eval: give at most one of --drafts FILE and --store FILE\n";
           return int(ledger::cli::kUsage);
         }
         auto& r = o->request;
         r.gt_dir = o->gt_dir;
         r.drafts = o->drafts;
         r.store = o->store;
         r.report_dir = o->report_dir;
         r.alto_dir = o->alto_dir;
         r.baseline = !o->no_baseline;
         if (o->threads >= 0) r.threads = o->threads;
         std::cout << ledger::run_eval_job(r, std::cerr);
         return int(ledger::cli::kOk);
       });
     }}};
