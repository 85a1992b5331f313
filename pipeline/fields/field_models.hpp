// Everything fitted or collected that turns readings into drafts, loaded once from models/ and
// shared read-only by all threads: lexicons, the calibration model and its accept threshold.
#pragma once
#include <filesystem>

#include "fields/calibration.hpp"
#include "fields/lexicons.hpp"

namespace ledger {

struct FieldModels {
  Lexicons lexicons;
  CalibrationModel calibration;
  double accept_threshold = 1.01;  // from the calibration file; > 1 = accept nothing
};

/// Loads `models_dir`/lexicons/ and `models_dir`/calibration.json.
/// Notes:
///   1. Missing files are not errors: a warning goes to stderr and the defaults are used (empty
///      lexicons; the conservative calibration that accepts nothing), so the program runs
///      without fitted models.
///   2. A file that exists but is broken throws ConfigError naming it.
FieldModels load_field_models(const std::filesystem::path& models_dir);

}  // namespace ledger
