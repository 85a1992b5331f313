// The `ledger-gt/1` sidecar format of sample pages with known contents (shared/spec/ground-truth.md):
// written by the generator, read by evaluation and calibration.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace ledger {

struct GtField {
  std::string value;           // normalised value, "" = blank on the page
  std::optional<Box> box;      // where the value is written, image pixels
  std::optional<bool> hand;    // handwritten (or handwriting-like)
};

struct GtRecord {
  std::vector<std::pair<std::string, GtField>> fields;  // in the file's order
  const GtField* find(const std::string& key) const;
};

struct GtBook {
  std::string type;
  std::optional<int> year;
  std::string volume, unit;
};

struct GroundTruth {
  std::string image;   // image file name, relative to the sidecar's folder
  std::string layout;  // "" when not given
  std::optional<GtBook> book;
  std::optional<int> page, dpi;
  std::vector<GtRecord> records;
};

/// Parses a sidecar; throws ConfigError naming the file and the problem when it is not valid
/// `ledger-gt/1` (wrong schema, missing image/records, bad box).
GroundTruth read_ground_truth(const std::filesystem::path& sidecar);
/// Serialises to the sidecar JSON text (stable key order: deterministic bytes).
std::string ground_truth_json(const GroundTruth& gt);
void write_ground_truth(const GroundTruth& gt, const std::filesystem::path& sidecar);
/// Every `*.gt.json` under `dir` (recursively), sorted by path.
std::vector<std::filesystem::path> find_sidecars(const std::filesystem::path& dir);

}  // namespace ledger
