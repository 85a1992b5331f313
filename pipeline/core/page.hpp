// The values that travel down the pipeline, one per stage boundary (see shared design.md):
// PageRef -> PageImage -> CleanPage -> RegisteredPage -> FieldReadings -> DraftRecords.
// Each stage is a function from one of these to the next, so it can be tested alone.
#pragma once
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/book.hpp"
#include "core/field_type.hpp"
#include "core/geometry.hpp"

namespace ledger {

/// One page of one input file, before it is read.
struct PageRef {
  std::string path;      // path as found on disk
  std::string rel_path;  // path relative to the input root it was found under
  int page = 1;          // 1-based page within a multi-page file (TIFF, PDF)
  int page_count = 1;    // pages in the file, when known
  BookInfo book;         // parsed from name and folders
  std::string layout_hint;  // layout id given by the user or the name, "" if none
};

/// The decoded pixels of a page, as stored on disk (boxes in drafts refer to these pixels).
struct PageImage {
  PageRef ref;
  cv::Mat bgr;        // 8-bit, 3 channels
  int dpi = 300;      // from the file when present, else assumed
  bool dpi_assumed = false;  // the file gave no resolution: `dpi` is the assumed 300
  std::string sha256; // of the decoded page pixels, hex: the page's identity for resume
};

/// The page after preprocessing: upright, deskewed, flattened, split into ink layers.
struct CleanPage {
  PageImage source;
  int rotation = 0;          // 0/90/180/270 applied to make the page upright
  double skew_degrees = 0;   // skew that was removed
  cv::Mat to_source;         // 2x3 CV_64F affine: clean pixel -> source pixel
  cv::Mat gray;              // deskewed, illumination-flattened, 8-bit
  cv::Mat binary;            // ink = 255, paper = 0, 8-bit
  cv::Mat pen_ink;           // coloured pen (blue/violet) mask, 255 where pen ink
  cv::Mat seal;              // red seal/stamp mask
  cv::Mat color;             // deskewed colour image (BGR), for crops shown to clerks
};

/// Where one field of one record sits on the clean page.
struct FieldRegion {
  std::string key;
  FieldType type = FieldType::Text;
  std::vector<Box> lines;  // one box per text line, clean-page pixels
  bool required = false;
  std::string choice_code; // checkbox choices: the code this box stands for
  std::vector<cv::Mat> line_images;  // per line: cleaned 8-bit gray crop for OCR (ruling and
                                     // dotted leaders removed, white border), same order as lines
  std::vector<cv::Mat> line_pen;     // per line: pen-ink mask of the crop (may be empty)
};

/// A record's regions: one per form page, one per table row.
struct RecordRegions {
  std::vector<FieldRegion> fields;
  Box row;  // table pages: the row's box; form pages: empty
};

/// A page matched to a layout template.
struct RegisteredPage {
  CleanPage page;
  std::string layout_id;      // "" when no layout matched
  double layout_score = 0;    // 0..1, how sure the match is
  Transform transform;        // template page units -> clean-page pixels
  int anchors_found = 0, anchors_expected = 0;
  std::vector<RecordRegions> records;
  std::vector<std::string> issues;  // "layout-unsure", ...
};

/// One character with its alternatives (best first) and confidences 0..1.
struct CharChoice {
  std::vector<std::pair<std::string, double>> alternatives;
};

/// What OCR made of one field.
struct FieldReading {
  std::string key;
  FieldType type = FieldType::Text;
  std::vector<Box> lines;       // clean-page pixels
  Box box;                      // union of lines, in source-image pixels
  std::string text;             // raw recognised text, NFC, lines joined by a space
  bool blank = false;           // no ink found: OCR was not run
  double mean_conf = 0;         // mean word confidence, 0..1
  double min_conf = 0;          // worst word confidence, 0..1
  std::vector<CharChoice> chars;
  double ink_ratio = 0;         // share of ink pixels in the crop
  double pen_ratio = 0;         // share of that ink that is coloured pen
  bool hand = false;            // looks handwritten / pen
  std::string engine;           // "tesseract", "digits", "fake", ...
  std::string choice_code;      // checkbox: code of the ticked choice
  std::vector<std::string> issues;  // what went wrong while reading: "ocr-failed", "several-ticked"
};

struct RecordReadings {
  std::vector<FieldReading> fields;
  Box row;
};

struct PageReadings {
  RegisteredPage page;
  std::vector<RecordReadings> records;
};

enum class FieldStatus { Accept, Review, Blank };
std::string_view to_string(FieldStatus s);

/// One field of a draft record (`ledger-draft/1`).
struct DraftField {
  std::string value;       // normalised
  std::string raw;         // as recognised
  double confidence = 0;   // calibrated probability that value is exactly right
  FieldStatus status = FieldStatus::Review;
  Box box;                 // source-image pixels
  bool hand = false;
  std::vector<std::string> reasons;
  FieldType type = FieldType::Text;
  std::vector<std::pair<std::string, double>> evidence;  // calibration features, by name
};

/// One register entry as a draft for a clerk.
struct DraftRecord {
  int record = 0;  // 0-based entry on the page
  std::vector<std::pair<std::string, DraftField>> fields;  // in layout order
  std::vector<std::string> issues;

  DraftField* find(const std::string& key);
  const DraftField* find(const std::string& key) const;
};

/// Everything the pipeline knows about one page at the end: what the writer stores.
struct PageResult {
  PageRef ref;
  std::string sha256;
  int width = 0, height = 0, dpi = 0;
  std::string layout_id;
  std::string error;  // non-empty when the page failed: the reason
  std::vector<DraftRecord> records;
  std::vector<std::string> issues;
  double seconds = 0;  // time spent on the page
  /// When the page was read (UTC, ISO 8601); "" = now, as the store writes it. A merge keeps
  /// the shard's time, so daily progress counts pages on the day they were read.
  std::string written_at;
};

}  // namespace ledger
