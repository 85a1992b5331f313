// The settings of a run for every stage (config/pipeline.yaml): threads, pixel limit, PDF
// resolution, name patterns, layouts and models folders, OCR model, accept target, store,
// grouping.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ocr/digit_links.hpp"

namespace ledger {

struct PipelineConfig {
  // run:
  int threads = 0;          // worker threads, 0 = all cores
  int max_in_flight = 0;    // pages in flight, 0 = 2 x threads
  int progress_every = 10;  // pages between progress lines when stderr is not a terminal
  // ingest:
  long max_pixels = 120'000'000;     // pages above are refused before decoding
  int pdf_dpi = 300;                 // PDF pages are rendered at this resolution
  std::vector<std::string> name_patterns;  // file-name templates; empty = ingest's defaults
  // layout:
  std::filesystem::path layouts_dir;  // folder of layout YAML files
  std::string layout_id;              // force this layout on every page ("" = recognise)
  // ocr:
  std::string tessdata;  // "" = what models/ocr.yaml says (or the Debian default)
  std::string lang;      // "" = what models/ocr.yaml says (or "vie")
  DigitLinks digit_links;  // record facts for the digit reader (digit_not_before, digit_rising, digit_in_book_year)
  // fields:
  std::filesystem::path models_dir;   // lexicons, calibration, ocr.yaml
  double accept_target_error = 0.005; // at most 1 wrong in 200 accepted fields
  // store:
  int busy_timeout_ms = 10000;
  // groups:
  std::optional<std::set<std::string>> sequence_keys;  // numbers run through a book; unset = the grouping's default
  std::optional<std::set<std::string>> order_keys;     // dates never fall through a book; unset = the default
  std::optional<std::set<std::string>> page_keys;      // page numbers the file names carry; unset = the default
  std::optional<std::set<std::string>> named_entry_keys;  // entry numbers one-record file names carry
  std::optional<std::set<std::string>> named_day_keys;    // registration days one-record file names carry
  std::optional<std::set<std::string>> page_entry_keys;   // entry numbers that advance with the file's page
  /// Keys whose value is mostly one of their partners' in the same record (nycHoTen: chaHoTen,
  /// meHoTen); unset = the grouping's default.
  std::optional<std::map<std::string, std::vector<std::string>>> twin_keys;

  std::filesystem::path source_file;  // where it was loaded from ("" = built-in defaults)
};

/// The settings with nothing loaded: folders point into the source tree (config/layouts, models).
PipelineConfig default_pipeline_config();

/// Loads `file`. Relative folders in it are relative to the file's own folder.
/// Throws ConfigError "FILE:LINE: problem" on unknown keys, wrong types, bad values, or a file
/// that cannot be read or parsed.
PipelineConfig load_pipeline_config(const std::filesystem::path& file);

/// The config file used when none is given: ./config/pipeline.yaml if present, else the source
/// tree's config/pipeline.yaml; "" when neither exists.
std::filesystem::path default_pipeline_config_path();

}  // namespace ledger
