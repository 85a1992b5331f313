// Decoding one page into 8-bit BGR pixels: PNG, JPEG, BMP (OpenCV), every page of a TIFF
// (libtiff), PDF pages rendered at ~300 dpi inside their crop box (poppler-cpp).
#pragma once
#include <optional>

#include "core/page.hpp"
#include "ingest/ingest_options.hpp"

namespace ledger {

/// Decodes the page `ref` points at.
///   ref   a page from discover_pages() (path, 1-based page)
///   opts  pixel limit and PDF resolution
/// Returns the pixels (8-bit BGR), the resolution and the SHA-256 of the pixels.
/// Notes:
///   1. Throws InputError(where, reason), where = path, or path#page for multi-page files, and
///      reasons like "empty file", "not an image", "truncated PNG (no IEND chunk)",
///      "PDF cannot be opened", "image 20000x20000 exceeds the pixel limit 120000000".
///   2. The pixel limit is checked on the header, before any pixel is decoded.
///   3. dpi: the file's own value when it lies in 100..1200 (phone photos often claim 72, which
///      is a placeholder), otherwise 300 with `dpi_assumed` set; PDF pages: the rendering
///      resolution.
///   4. sha256 covers "<width>x<height>\n" followed by the BGR rows, so equal pixels give the
///      same identity whatever the file format, and different pages of one file differ.
///   5. PDF pages are rendered inside their crop box: scans of double-page spreads are cropped
///      to one page there, and the media box would show both pages.
PageImage load_page(const PageRef& ref, const IngestOptions& opts);

/// The resolution of a scan that does not say (a PNG without pHYs), guessed from its size: the
/// page's long side taken as a register page's, 290 mm. Returns 100..600.
/// Notes:
///   1. Preprocessing sizes its filters by the resolution. The assumed 300 turned a 1°-skewed
///      page scanned at 195 dpi upside down (generated ks-2016, seed 801, book 02, page 5): no
///      layout. With this guess it was found.
///   2. Only a second chance for a page no layout matched: the filters were tuned with 300
///      assumed on generated pages of 150-300 dpi, and guessing for every page cost the
///      ks-2006 and ks-2016 tuning books 11 and 9 more fields to type (grouping_bench).
///   3. A scan of two pages side by side, or of an A3 ledger, is guessed up to 1.4× high.
int dpi_from_page_size(cv::Size pixels);

/// The resolution to preprocess `page` again at when no layout matched it (note 2 above):
/// dpi_from_page_size() when its file gave none and that differs from the assumed one by a
/// fifth or more; nothing otherwise.
std::optional<int> retry_dpi(const PageImage& page);

/// The identity hash load_page() gives an image (note 4): 64 hex digits.
std::string page_sha256(const cv::Mat& bgr);

}  // namespace ledger
