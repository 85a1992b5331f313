// Which Tesseract model the pipeline uses (models/ocr.yaml): the tessdata folder and language,
// kept as data so that swapping the model changes no code.
#pragma once
#include <filesystem>
#include <string>

namespace ledger {

struct OcrConfig {
  std::string tessdata;  // "" = the Debian default folder
  std::string lang = "vie";
};

/// Reads `file` (keys `tessdata`, `lang`). A missing file gives the defaults.
/// Throws ConfigError naming the file when it is not valid YAML or a key has the wrong kind.
OcrConfig load_ocr_config(const std::filesystem::path& file);

}  // namespace ledger
