// Finding the pages to process: walks files and folders, recognises images by content,
// expands multi-page TIFF and PDF into one PageRef per page, and collects unreadable files.
#pragma once
#include <filesystem>
#include <vector>

#include "core/error.hpp"
#include "core/page.hpp"
#include "ingest/ingest_options.hpp"

namespace ledger {

struct Discovery {
  std::vector<PageRef> pages;          // in a deterministic order: input order, then path, page
  std::vector<InputError> failures;    // image-named files that cannot be opened, missing inputs
};

/// Lists every page under `inputs`.
///   inputs  files and folders; folders are walked recursively
///   opts    pixel limit (not applied here), PDF resolution, file-name pattern
/// Returns the pages and the failures; never throws for a bad file.
/// Notes:
///   1. A file is an image when its magic bytes say so (PNG, JPEG, TIFF, PDF, BMP), whatever
///      its extension. Other files (.gt.json sidecars, notes, spreadsheets) are skipped silently,
///      unless their extension claims an image: then "not an image" is a failure.
///   2. rel_path is relative to the folder given as input; for a file given directly it is the
///      file name. Book info is parsed from rel_path (book_name.hpp).
///   3. Hidden files and folders (name starting with '.') are skipped.
///   4. The pixel limit is checked per page by load_page(), where it is a per-page failure.
Discovery discover_pages(const std::vector<std::filesystem::path>& inputs, const IngestOptions& opts);

}  // namespace ledger
