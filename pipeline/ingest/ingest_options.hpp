// Settings of the ingest stage (discovery and decoding), kept apart so that both
// discover.hpp and load_page.hpp can take them.
#pragma once
#include "ingest/book_name.hpp"

namespace ledger {

struct IngestOptions {
  /// Pages with more pixels are refused before decoding: 120 MP is an A2 sheet at 600 dpi,
  /// far above any register page, and about 360 MB as BGR.
  long max_pixels = 120'000'000;
  /// Resolution PDF pages are rendered at; the pipeline's tuned numbers assume ~300 dpi.
  int pdf_dpi = 300;
  /// File-name templates for book type, year, volume, date, entry, page.
  NamePattern pattern;
};

}  // namespace ledger
