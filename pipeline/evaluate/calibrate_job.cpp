// Fitting the calibration on pages with ground truth (see calibrate_job.hpp).
#include "evaluate/calibrate_job.hpp"

#include <unistd.h>

#include <vector>

#include "evaluate/gt_pages.hpp"
#include "evaluate/matching.hpp"
#include "evaluate/store_drafts.hpp"
#include "run/run_job.hpp"

namespace ledger {
namespace fs = std::filesystem;
namespace {

// A models folder like `from` without its calibration: links to everything else.
fs::path models_without_calibration(const fs::path& from, const fs::path& scratch) {
  fs::path to = scratch / "models";
  fs::create_directories(to);
  if (fs::is_directory(from))
    for (const auto& e : fs::directory_iterator(from))
      if (e.path().filename() != "calibration.json")
        fs::create_symlink(fs::absolute(e.path()), to / e.path().filename());
  return to;
}

// Removes the scratch folder however the job ends.
struct ScratchDir {
  fs::path path;
  ~ScratchDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

}  // namespace

CalibrateResult calibrate_job(const CalibrateRequest& request, std::ostream& log) {
  fs::path store = request.store;
  ScratchDir scratch;
  if (store.empty()) {  // run the pipeline on the samples into a throw-away store
    scratch.path = fs::temp_directory_path() / ("ledger-calibrate-" + std::to_string(::getpid()));
    fs::create_directories(scratch.path);
    store = scratch.path / "calibrate.sqlite";
    RunRequest r;
    r.inputs = {request.samples};
    r.store = store;
    r.models_dir = request.models;  // resolve_config falls back to the settings file when ""
    r.models_dir = models_without_calibration(resolve_config(r).models_dir, scratch.path);
    r.threads = request.threads;
    r.progress = request.progress;
    r.args = "calibrate " + request.samples.string();
    run_job(r, log);
  }
  auto gt = load_gt_pages(request.samples);
  auto drafts = read_drafts_store(store);
  std::vector<std::pair<const DraftRecord*, const GtRecord*>> matches;
  auto pages = match_pages(gt, drafts);
  CalibrateResult out;
  out.pages_total = int(gt.size());
  for (size_t p = 0; p < gt.size(); ++p) {
    if (pages[p] < 0) continue;
    ++out.pages_matched;
    const auto& draft = drafts[pages[p]];
    auto recs = match_records(gt[p].gt, draft);
    for (size_t r = 0; r < recs.size(); ++r)
      if (recs[r] >= 0) matches.emplace_back(&draft.records[recs[r]], &gt[p].gt.records[r]);
  }
  CalibrationProvenance prov;
  prov.pages = out.pages_matched;
  prov.source = request.source.empty() ? request.samples.string() : request.source;
  out.model = calibrate_from_matches(matches, request.fit, prov);
  return out;
}

}  // namespace ledger
