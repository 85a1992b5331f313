// Geometry shared by every stage: pixel boxes, page-relative rectangles, and the affine
// transform that maps a layout template's page coordinates onto a scan.
#pragma once
#include <array>
#include <string>
#include <vector>

namespace ledger {

/// A point in pixels of one image.
struct Point {
  double x = 0, y = 0;
};

/// An axis-aligned box in pixels of one image: [x, y, width, height], as in the GT and draft formats.
struct Box {
  int x = 0, y = 0, w = 0, h = 0;

  bool empty() const { return w <= 0 || h <= 0; }
  long area() const { return empty() ? 0 : long(w) * h; }
  bool operator==(const Box&) const = default;
};

/// Intersection of two boxes (empty Box when they do not overlap).
Box intersect(const Box& a, const Box& b);
/// Smallest box holding both.
Box unite(const Box& a, const Box& b);
/// Intersection over union, 0 when either is empty.
double iou(const Box& a, const Box& b);
/// The box grown by `margin` pixels on every side and clipped to [0,width)x[0,height).
Box grow_clipped(const Box& b, int margin, int width, int height);

/// A rectangle in page-relative units: fractions (0..1) of the page's width and height.
struct PageRect {
  double x = 0, y = 0, w = 0, h = 0;
};

/// A 2x3 affine transform from page-relative units (fractions) to pixels:
///   px = a*x + b*y + c,  py = d*x + e*y + f.
struct Transform {
  std::array<double, 6> m{1, 0, 0, 0, 1, 0};

  static Transform scale(double page_width_px, double page_height_px);
  Point apply(double x, double y) const;
  /// Bounding box in pixels of a page-relative rectangle after the transform.
  Box apply(const PageRect& r) const;
  /// Rotation of the x axis, in degrees (positive = counter-clockwise on screen).
  double angle_degrees() const;
};

}  // namespace ledger
