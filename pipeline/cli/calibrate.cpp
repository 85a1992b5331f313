// `ledger-ocr calibrate SAMPLES_DIR`: runs the pipeline on pages with ground truth (or reads a
// store of such a run), pairs drafts with the truth and fits models/calibration.json.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "evaluate/gt_pages.hpp"
#include "evaluate/matching.hpp"
#include "evaluate/store_drafts.hpp"
#include "fields/calibration.hpp"
#include "run/run_job.hpp"

namespace {

struct Opts {
  std::string samples, out = "models/calibration.json", store, models, source;
  unsigned seed = 1;
  double max_error = 0.005;
  int threads = -1;
  bool quiet = false;
};

int run_calibrate(const Opts& o) {
  namespace fs = std::filesystem;
  fs::path store = o.store;
  fs::path scratch;
  if (store.empty()) {  // run the pipeline on the samples into a throw-away store
    scratch = fs::temp_directory_path() / ("ledger-calibrate-" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    store = scratch / "calibrate.sqlite";
    ledger::RunRequest r;
    r.inputs = {o.samples};
    r.store = store;
    r.models_dir = o.models;
    if (o.threads >= 0) r.threads = o.threads;
    r.progress = !o.quiet;
    r.args = "calibrate " + o.samples;
    ledger::run_job(r, std::cerr);
  }
  auto gt = ledger::load_gt_pages(o.samples);
  auto drafts = ledger::read_drafts_store(store);
  std::vector<std::pair<const ledger::DraftRecord*, const ledger::GtRecord*>> matches;
  auto pages = ledger::match_pages(gt, drafts);
  int matched_pages = 0;
  for (size_t p = 0; p < gt.size(); ++p) {
    if (pages[p] < 0) continue;
    ++matched_pages;
    const auto& draft = drafts[pages[p]];
    auto recs = ledger::match_records(gt[p].gt, draft);
    for (size_t r = 0; r < recs.size(); ++r)
      if (recs[r] >= 0) matches.emplace_back(&draft.records[recs[r]], &gt[p].gt.records[r]);
  }
  ledger::FitOptions fit;
  fit.seed = o.seed;
  fit.max_error_rate = o.max_error;
  ledger::CalibrationProvenance prov;
  prov.pages = matched_pages;
  prov.source = o.source.empty() ? o.samples : o.source;
  auto model = ledger::calibrate_from_matches(matches, fit, prov);
  model.save(o.out);
  if (!scratch.empty()) {
    std::error_code ec;
    fs::remove_all(scratch, ec);
  }
  const auto& pv = model.provenance();
  std::cout << "pages " << matched_pages << " of " << gt.size() << ", samples " << pv.samples
            << (model.fitted() ? "" : " (too few to fit: conservative model written)") << "\n"
            << "held-out ECE " << pv.heldout_ece << ", accept threshold " << model.accept_threshold()
            << " (held-out coverage " << pv.heldout_coverage << ", error among accepted "
            << pv.heldout_accept_error << ")\nblank confidence " << model.blank_confidence() << "\nwrote "
            << o.out << "\n";
  return ledger::cli::kOk;
}

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {35, "calibrate", "Fit the confidence calibration on pages with ground truth", [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("samples_dir", o->samples, "folder of page images with ledger-gt/1 sidecars")->required();
       sub.add_option("--out,-o", o->out, "model file to write")->capture_default_str();
       sub.add_option("--store", o->store, "use this store of a run on the samples instead of running");
       sub.add_option("--models", o->models, "models folder for the run (lexicons; default: from the settings file, models/)");
       sub.add_option("--seed", o->seed, "seed of the held-out split")->capture_default_str();
       sub.add_option("--max-error", o->max_error, "target error among accepted fields")
           ->capture_default_str()
           ->check(CLI::Range(0.0, 1.0));
       sub.add_option("--source", o->source, "what the samples are, for the model's provenance");
       sub.add_option("--threads,-j", o->threads, "worker threads for the run");
       sub.add_flag("--quiet,-q", o->quiet, "no progress");
       return std::function<int()>([o] { return run_calibrate(*o); });
     }}};
