// Drawing one clean register page from a layout template and the entries written on it: printed
// labels, dotted leaders, tick boxes, ruled tables, and the values in typed or handwriting-like
// text, with the ink box of every value (page pixels, before any scan effects).
#pragma once
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "layout/layout_template.hpp"
#include "synth/record_generator.hpp"
#include "synth/rng.hpp"
#include "synth/text_renderer.hpp"

namespace ledger::synth {

/// How one printing of a form differs from the template: the whole form shifted and scaled by
/// a few percent, each label moved a little (registers.md: "about ±1% between books").
struct Printing {
  double dx = 0, dy = 0;   // shift, fractions of the page
  double sx = 1, sy = 1;   // scale about the page centre
  double jitter = 0;       // per-label random shift, fraction of the page (uniform ±)
  uint64_t seed = 0;       // draws the per-label shifts, so every page of a book matches

  /// A random printing: shifts up to ±1%, scales within ±1.5%, label jitter ±0.2%.
  static Printing random(Rng& rng);
};

/// How a page's values are written.
struct PageStyle {
  int dpi = 200;
  bool hand = true;             // handwriting-like values; false: typed
  TextStyle value;              // font, ink and slant of the values
  double value_scale = 1.15;    // value cap height / printed label cap height
  std::string label_family = "Liberation Serif";
  Printing printing;
  bool seal = true;             // a red commune seal on the left margin
  std::string seal_text = "UBND XÃ HƯỚNG PHÙNG";

  /// A random style: handwriting with probability `hand_ratio` (a script or slanted font, blue,
  /// black or violet ink), else a typed font in black.
  static PageStyle random(Rng& rng, double hand_ratio, int dpi);
};

/// Where one field's value ended up.
struct FieldInk {
  std::string key;
  Box box;            // ink box, page pixels; empty when nothing was written
  bool hand = false;  // handwriting-like
};

struct RenderedPage {
  cv::Mat bgr;                                // 8-bit BGR, white paper
  int dpi = 0;
  std::vector<std::vector<FieldInk>> records;  // per entry (form: 1, table: one per filled row)
};

/// Draws a page of `layout` holding `entries` (form layouts use the first entry only; table
/// layouts write one entry per row, up to the number of ruled rows).
/// Notes:
///   1. Field keys of the template that the entries lack are left blank (no FieldInk box).
///   2. A value too long for its dotted lines is drawn smaller, down to 60% of its size, then
///      runs past the line's end, as writers do.
///   3. Traits of real pages (registers.md): a page number at the top of the page is printed
///      (ks-2006); a name under a signature caption is stamped, not written; the officer signs.
RenderedPage render_page(const LayoutTemplate& layout, const std::vector<SynthRecord>& entries,
                         const PageStyle& style, Rng& rng);

/// Number of ruled rows a table page of `layout` prints (at least 15 when max_rows allows).
int table_rows(const LayoutTemplate& layout);

}  // namespace ledger::synth
