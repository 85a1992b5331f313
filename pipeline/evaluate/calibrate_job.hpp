// `ledger-ocr calibrate` as one library call: run the pipeline on pages with ground truth (or
// read a store of such a run), pair drafts with the truth and fit the calibration model.
#pragma once
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "fields/calibration.hpp"

namespace ledger {

struct CalibrateRequest {
  std::filesystem::path samples;  // pages with ledger-gt/1 sidecars
  std::filesystem::path store;    // a run's store on those pages ("" = run the pipeline now)
  std::filesystem::path models;   // models folder for the run ("" = from the settings file)
  std::string source;             // what the samples are, for the provenance ("" = the folder)
  FitOptions fit;
  std::optional<int> threads;
  bool progress = true;
};

/// What the fit produced, for the caller to save and print.
struct CalibrateResult {
  CalibrationModel model;
  int pages_matched = 0, pages_total = 0;
};

/// Fits the calibration on `request.samples`.
/// Notes:
///   1. The run for the samples uses every model in the models folder except calibration.json:
///      the features do not depend on it, and a model fitted on other features (after a
///      feature was added) would stop the run that is meant to replace it.
///   2. The scratch store of that run is removed afterwards.
///   3. Throws ConfigError / InputError naming the file when an input cannot be used.
CalibrateResult calibrate_job(const CalibrateRequest& request, std::ostream& log);

}  // namespace ledger
