// Drawing on a generated page: a Cairo canvas the size of the page, Pango-shaped text (so that
// Vietnamese diacritics stack correctly) in typed or handwriting-like styles, with the ink box
// of every string drawn, for the ground truth.
#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <opencv2/core.hpp>
#include <string>
#include <unordered_map>

#include "core/geometry.hpp"
#include "synth/rng.hpp"

namespace ledger::synth {

/// An ink colour, components 0..1.
struct Ink {
  double r = 0, g = 0, b = 0;
};

/// How a string is drawn.
struct TextStyle {
  std::string family = "DejaVu Serif";  // fontconfig family name
  bool bold = false, italic = false;
  double size_px = 30;   // em size in pixels
  double shear = 0;      // horizontal slant: x += shear * (height above baseline); 0.2 ≈ 11°
  Ink ink;
  double alpha = 1;      // stamps and faded pens are < 1
  bool hand = false;     // per-word jitter of baseline, size and angle (needs an Rng)
  double drift_deg = 0;  // the whole string's baseline angle (running off the line)
};

/// What a drawn string occupies.
struct TextExtent {
  Box ink;             // ink bounding box, canvas pixels (empty when nothing was drawn)
  double advance = 0;  // horizontal advance from the start point, pixels
};

/// A white page of `width` x `height` pixels to draw on.
class Canvas {
 public:
  Canvas(int width, int height);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  int width() const { return width_; }
  int height() const { return height_; }
  cairo_t* cr() { return cr_; }

  /// Draws `text` (UTF-8) with its baseline starting at (x, baseline).
  /// Notes:
  ///   1. With `style.hand`, each word gets its own small baseline shift, size change and
  ///      rotation drawn from `rng`, the way handwriting wanders; `rng` may then not be null.
  ///   2. The returned ink box comes from Pango's ink extents mapped through the drawing
  ///      transform: it covers every drawn pixel (it may be a pixel or two larger).
  TextExtent draw_text(const std::string& text, double x, double baseline, const TextStyle& style,
                       Rng* rng = nullptr);
  /// Width in pixels `text` would take drawn without jitter.
  double measure(const std::string& text, const TextStyle& style);

  /// A dotted leader from x0 to x1 at height y (printed dots, `dot` pixels in diameter).
  void dotted_line(double x0, double x1, double y, double dot, Ink ink = {0.2, 0.2, 0.2});
  /// A straight rule.
  void line(double x0, double y0, double x1, double y1, double width, Ink ink = {0.1, 0.1, 0.1});
  /// An empty square (checkbox) or rectangle outline.
  void rectangle(double x, double y, double w, double h, double width, Ink ink = {0.1, 0.1, 0.1});

  /// The page as an 8-bit BGR image (a copy).
  cv::Mat to_bgr() const;

 private:
  int width_, height_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* pango_ = nullptr;                   // one context: fonts are matched once
  std::unordered_map<std::string, double> widths_;  // measured width per pixel of em size
};

/// Union of a box with another, treating empty boxes as absent.
Box unite_nonempty(const Box& a, const Box& b);

}  // namespace ledger::synth
