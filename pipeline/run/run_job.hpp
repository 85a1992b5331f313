// `ledger-ocr run` as one library call: settings from config/pipeline.yaml and the command
// line, page discovery, the store, the stage chain, the TBB pipeline, the summary.
#pragma once
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "run/pipeline_config.hpp"
#include "run/run_summary.hpp"

namespace ledger {

/// What the user asked for; unset options fall back to the config file.
struct RunRequest {
  std::vector<std::filesystem::path> inputs;  // files and folders of scans
  std::filesystem::path store;                // the SQLite store (created when absent)
  std::filesystem::path config;               // "" = default_pipeline_config_path()
  std::optional<int> threads;
  std::optional<long> max_pixels;
  std::filesystem::path layouts_dir, models_dir;  // "" = from the config
  std::string layout_id;                          // force a layout ("" = from the config)
  std::string tessdata, lang;                     // "" = from the config / models/ocr.yaml
  std::string engine = "tesseract";  // "tesseract", or "fake": no OCR at all (tests, timing)
  std::string args;                  // the command line, stored with the batch
  bool progress = true;              // progress on stderr
  /// Explicit pages (one shard of a cluster plan): when set, `inputs` are not walked and exactly
  /// these pages are run, in this order.
  std::optional<std::vector<PageRef>> pages;
  /// Pages of `pages` to store as failed with the given reason instead of processing them
  /// (a file that changed since it was planned), keyed by (path, page).
  std::vector<FailedPage> refused;
};

/// The settings a request runs with: the config file (or the built-in defaults) overridden by
/// the request. Throws ConfigError for a broken config file.
PipelineConfig resolve_config(const RunRequest& request);

/// Runs the request: discovers the pages under `request.inputs` (or takes `request.pages`),
/// processes those not yet in the store, writes the results and prints progress to `log`.
/// Returns the summary (exit_code() 1 when some pages failed).
/// Throws ConfigError (settings, layouts, models, OCR model) or InputError (the store) when the
/// run cannot start at all.
RunSummary run_job(const RunRequest& request, std::ostream& log);

}  // namespace ledger
