// The layout stage: which template a clean page follows, where the template sits on it, and the
// field regions (with cleaned line crops) of every record on the page.
#pragma once
#include <string>

#include "core/page.hpp"
#include "layout/anchor_search.hpp"
#include "layout/grid_detect.hpp"
#include "layout/layout_library.hpp"
#include "ocr/ocr_engine.hpp"

namespace ledger {

struct RegisterOptions {
  std::string layout_id;         // force this layout ("" = hint, then book, then best score)
  int min_anchors = 3;           // consistent anchors needed to trust a fitted form transform
  AnchorSearchOptions anchors;   // windows: size (anchors.window, page share), count, OCR scale
  GridOptions grid;
  /// A page whose best layout scores lower than this gets no layout ("no-layout"). Score of a
  /// form: share of anchor windows whose label was found where the fit expects it; of a table:
  /// share of template column boundaries that met a printed rule.
  double min_layout_score = 0.3;
  /// A layout scoring this much (and sure) is taken without trying the remaining candidates.
  double clear_score = 0.7;
  /// Inlier distance for the fit, as a share of the page height (~the ±1% between printings).
  double inlier = 0.012;
  bool snap_to_leaders = true;   // move form lines to the printed leaders
  bool line_images = true;       // cut FieldRegion::line_images / line_pen
};

/// Registers a clean page to a layout.
///   page: the preprocessed page (moved into the result).
///   layouts: known templates; ocr: used for printed-label anchors only (a few small windows).
/// Returns the page with layout_id ("" when none fits), transform, anchors found (consistent
/// with the fit) / expected (windows read; tables: column rules found / expected),
/// records with field regions, and issues:
///   "no-layout"      nothing fits (blank page, another book type): no records;
///   "layout-unsure"  fewer than min_anchors consistent anchors: coarse page-scale transform used;
///   "no-grid"        a table layout was asked for but no ruling was found;
///   "anchor-ocr-failed"  the engine threw on some anchor windows (the others were used).
/// Notes:
///   1. Template choice: opts.layout_id, else page.source.ref.layout_hint, else the layouts
///      fitting the book (type, year), each scored; the best wins.
///   2. Never throws for a bad page; an unknown forced/hinted id gives "no-layout".
RegisteredPage register_page(CleanPage page, const LayoutLibrary& layouts, OcrEngine& ocr,
                             const RegisterOptions& opts = {});

}  // namespace ledger
