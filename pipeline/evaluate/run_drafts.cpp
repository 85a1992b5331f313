// Running the pipeline for an evaluation (see run_drafts.hpp).
#include "evaluate/run_drafts.hpp"

#include "evaluate/store_drafts.hpp"
#include "run/run_job.hpp"

namespace ledger {

std::vector<DraftPage> run_pipeline_drafts(const std::filesystem::path& gt_dir, const std::filesystem::path& store,
                                           std::optional<int> threads, std::ostream& log) {
  RunRequest request;
  request.inputs = {gt_dir};
  request.store = store;
  request.threads = threads;
  request.progress = false;
  request.args = "eval " + gt_dir.string();
  if (store.has_parent_path()) std::filesystem::create_directories(store.parent_path());
  RunSummary summary = run_job(request, log);
  print_summary(summary, log);
  return read_drafts_store(store);
}

}  // namespace ledger
