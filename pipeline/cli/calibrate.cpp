// `ledger-ocr calibrate SAMPLES_DIR`: runs the pipeline on pages with ground truth (or reads a
// store of such a run), pairs drafts with the truth and fits models/calibration.json.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "evaluate/calibrate_job.hpp"

namespace {

struct Opts {
  std::string samples, out = "models/calibration.json", store, models, source;
  unsigned seed = 1;
  double max_error = 0.005;
  int threads = -1;
  bool quiet = false;
};

int run_calibrate(const Opts& o) {
  ledger::CalibrateRequest r;
  r.samples = o.samples;
  r.store = o.store;
  r.models = o.models;
  r.source = o.source;
  r.fit.seed = o.seed;
  r.fit.max_error_rate = o.max_error;
  if (o.threads >= 0) r.threads = o.threads;
  r.progress = !o.quiet;
  auto result = ledger::calibrate_job(r, std::cerr);
  const auto& model = result.model;
  model.save(o.out);
  const auto& pv = model.provenance();
  std::cout << "pages " << result.pages_matched << " of " << result.pages_total << ", samples " << pv.samples
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
