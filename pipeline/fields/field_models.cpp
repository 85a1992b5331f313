// Loading the models that turn readings into drafts (see field_models.hpp).
#include "fields/field_models.hpp"

#include <iostream>

namespace ledger {

FieldModels load_field_models(const std::filesystem::path& models_dir) {
  FieldModels m;
  auto lexicon_dir = models_dir / "lexicons";
  if (std::filesystem::is_directory(lexicon_dir))
    m.lexicons = Lexicons::load(lexicon_dir);
  else
    std::cerr << "warning: " << lexicon_dir.string() << " not found: values are not corrected\n";
  auto calibration = models_dir / "calibration.json";
  if (std::filesystem::exists(calibration))
    m.calibration = CalibrationModel::load(calibration);
  else
    std::cerr << "warning: " << calibration.string()
              << " not found: nothing will be accepted (every field goes to review)\n";
  m.accept_threshold = m.calibration.accept_threshold();
  return m;
}

}  // namespace ledger
