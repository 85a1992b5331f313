// Cairo canvas and Pango text for generated pages (see text_renderer.hpp).
#include "synth/text_renderer.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "core/text.hpp"

namespace ledger::synth {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Hinting and metric rounding off: glyph shapes and advances then scale smoothly with the dpi
// and do not depend on the fontconfig settings of the machine.
void set_font_options(PangoContext* ctx) {
  cairo_font_options_t* opts = cairo_font_options_create();
  cairo_font_options_set_antialias(opts, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(ctx, opts);
  cairo_font_options_destroy(opts);
}

PangoLayout* make_layout(PangoContext* ctx, const std::string& text, const TextStyle& style, double size_px) {
  PangoLayout* layout = pango_layout_new(ctx);
  PangoFontDescription* desc = pango_font_description_from_string(style.family.c_str());
  pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(desc, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(desc, std::max(1.0, size_px) * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  const std::string t = nfc(text);
  pango_layout_set_text(layout, t.c_str(), int(t.size()));
  return layout;
}

// Draws one run with the current transform set so that (0,0) is its baseline start; returns the
// device-space ink box and the user-space advance.
TextExtent show_run(cairo_t* cr, PangoContext* ctx, const std::string& text, const TextStyle& style, double size_px) {
  // The context keeps an identity matrix on purpose: the layout is shaped in user space and
  // cairo maps the glyphs through the current transform. Updating the context per rotated word
  // made fontconfig match the font again for every word (seconds per table page).
  PangoLayout* layout = make_layout(ctx, text, style, size_px);
  const double base = pango_layout_get_baseline(layout) / double(PANGO_SCALE);
  PangoRectangle ink, logical;
  pango_layout_get_extents(layout, &ink, &logical);
  cairo_move_to(cr, 0, -base);
  pango_cairo_show_layout(cr, layout);
  cairo_new_path(cr);  // drop the current point: a later stroke must not start from here
  TextExtent out;
  out.advance = logical.width / double(PANGO_SCALE);
  if (ink.width > 0 && ink.height > 0) {
    const double x0 = ink.x / double(PANGO_SCALE), y0 = ink.y / double(PANGO_SCALE) - base;
    const double x1 = x0 + ink.width / double(PANGO_SCALE), y1 = y0 + ink.height / double(PANGO_SCALE);
    double minx = 1e18, miny = 1e18, maxx = -1e18, maxy = -1e18;
    for (auto [px, py] : {std::pair{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}}) {
      double dx = px, dy = py;
      cairo_user_to_device(cr, &dx, &dy);
      minx = std::min(minx, dx), maxx = std::max(maxx, dx);
      miny = std::min(miny, dy), maxy = std::max(maxy, dy);
    }
    // Antialiasing can touch the pixel beyond the exact extent: round outwards.
    const int bx = int(std::floor(minx)) - 1, by = int(std::floor(miny)) - 1;
    out.ink = Box{bx, by, int(std::ceil(maxx)) + 1 - bx, int(std::ceil(maxy)) + 1 - by};
  }
  g_object_unref(layout);
  return out;
}

void apply_shear(cairo_t* cr, double shear) {
  if (shear == 0) return;
  cairo_matrix_t m;
  cairo_matrix_init(&m, 1, 0, -shear, 1, 0, 0);  // y < 0 above the baseline: leans right
  cairo_transform(cr, &m);
}

}  // namespace

Box unite_nonempty(const Box& a, const Box& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return unite(a, b);
}

Canvas::Canvas(int width, int height) : width_(width), height_(height) {
  surface_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  cr_ = cairo_create(surface_);
  cairo_set_source_rgb(cr_, 1, 1, 1);
  cairo_paint(cr_);
  pango_ = pango_cairo_create_context(cr_);
  set_font_options(pango_);
}

Canvas::~Canvas() {
  g_object_unref(pango_);
  cairo_destroy(cr_);
  cairo_surface_destroy(surface_);
}

TextExtent Canvas::draw_text(const std::string& text, double x, double baseline, const TextStyle& style, Rng* rng) {
  TextExtent total;
  if (fold_whitespace(text).empty()) return total;
  cairo_save(cr_);
  cairo_set_source_rgba(cr_, style.ink.r, style.ink.g, style.ink.b, style.alpha);
  if (!style.hand || !rng) {
    cairo_translate(cr_, x, baseline);
    cairo_rotate(cr_, -style.drift_deg * kPi / 180);
    apply_shear(cr_, style.shear);
    total = show_run(cr_, pango_, text, style, style.size_px);
    cairo_restore(cr_);
    return total;
  }
  // Handwriting: word by word along a drifting baseline; the space between words varies too.
  const double space = measure(" ", style);
  const double drift = style.drift_deg * kPi / 180;
  double pen = 0;
  for (const auto& word : split_words(text)) {
    const double grow = 1 + rng->normal(0.04);  // by scaling, so the font is matched once
    const double dy = rng->normal(0.05 * style.size_px);
    const double rot = rng->normal(1.2) * kPi / 180;
    cairo_save(cr_);
    cairo_translate(cr_, x + pen * std::cos(drift), baseline - pen * std::sin(drift) + dy);
    cairo_rotate(cr_, -(drift + rot));
    cairo_scale(cr_, grow, grow);
    apply_shear(cr_, style.shear + rng->normal(0.03));
    TextExtent w = show_run(cr_, pango_, word, style, style.size_px);
    w.advance *= grow;
    cairo_restore(cr_);
    total.ink = unite_nonempty(total.ink, w.ink);
    pen += w.advance + space * std::max(0.5, 1 + rng->normal(0.25));
  }
  total.advance = pen;
  cairo_restore(cr_);
  return total;
}

double Canvas::measure(const std::string& text, const TextStyle& style) {
  // Hinting is off, so widths scale with the size: measure once at 100 px and keep it.
  const std::string key = style.family + (style.bold ? "|b" : "|") + (style.italic ? "i|" : "|") + text;
  auto it = widths_.find(key);
  if (it == widths_.end()) {
    PangoLayout* layout = make_layout(pango_, text, style, 100);
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    g_object_unref(layout);
    it = widths_.emplace(key, logical.width / double(PANGO_SCALE) / 100).first;
  }
  return it->second * style.size_px;
}

void Canvas::dotted_line(double x0, double x1, double y, double dot, Ink ink) {
  if (x1 <= x0) return;
  cairo_save(cr_);
  cairo_set_source_rgb(cr_, ink.r, ink.g, ink.b);
  cairo_set_line_width(cr_, dot);
  cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
  const double dashes[] = {0.0, dot * 2.6};
  cairo_set_dash(cr_, dashes, 2, 0);
  cairo_move_to(cr_, x0, y);
  cairo_line_to(cr_, x1, y);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

void Canvas::line(double x0, double y0, double x1, double y1, double width, Ink ink) {
  cairo_save(cr_);
  cairo_set_source_rgb(cr_, ink.r, ink.g, ink.b);
  cairo_set_line_width(cr_, width);
  cairo_move_to(cr_, x0, y0);
  cairo_line_to(cr_, x1, y1);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

void Canvas::rectangle(double x, double y, double w, double h, double width, Ink ink) {
  cairo_save(cr_);
  cairo_set_source_rgb(cr_, ink.r, ink.g, ink.b);
  cairo_set_line_width(cr_, width);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

cv::Mat Canvas::to_bgr() const {
  cairo_surface_flush(surface_);
  // ARGB32 is stored B,G,R,A in memory on little-endian machines; the page is opaque.
  cv::Mat bgra(height_, width_, CV_8UC4, cairo_image_surface_get_data(surface_),
               size_t(cairo_image_surface_get_stride(surface_)));
  cv::Mat bgr;
  cv::cvtColor(bgra, bgr, cv::COLOR_BGRA2BGR);
  return bgr;
}

}  // namespace ledger::synth
