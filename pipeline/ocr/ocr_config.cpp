// Loading models/ocr.yaml (see ocr_config.hpp).
#include "ocr/ocr_config.hpp"

#include <yaml-cpp/yaml.h>

#include "core/error.hpp"

namespace ledger {

OcrConfig load_ocr_config(const std::filesystem::path& file) {
  OcrConfig config;
  if (!std::filesystem::exists(file)) return config;
  try {
    YAML::Node root = YAML::LoadFile(file.string());
    if (root["tessdata"] && !root["tessdata"].IsNull()) config.tessdata = root["tessdata"].as<std::string>();
    if (root["lang"]) config.lang = root["lang"].as<std::string>();
  } catch (const YAML::Exception& e) {
    throw ConfigError(file.string() + ": " + e.what());
  }
  if (config.lang.empty()) throw ConfigError(file.string() + ": `lang` is empty");
  return config;
}

}  // namespace ledger
