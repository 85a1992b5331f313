// Geometry shared by every stage (see geometry.hpp).
#include "core/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace ledger {

Box intersect(const Box& a, const Box& b) {
  int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  int x1 = std::min(a.x + a.w, b.x + b.w), y1 = std::min(a.y + a.h, b.y + b.h);
  if (x1 <= x0 || y1 <= y0) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

Box unite(const Box& a, const Box& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  int x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  int x1 = std::max(a.x + a.w, b.x + b.w), y1 = std::max(a.y + a.h, b.y + b.h);
  return {x0, y0, x1 - x0, y1 - y0};
}

double iou(const Box& a, const Box& b) {
  long inter = intersect(a, b).area();
  long uni = a.area() + b.area() - inter;
  return uni > 0 ? double(inter) / double(uni) : 0.0;
}

Box grow_clipped(const Box& b, int margin, int width, int height) {
  int x0 = std::clamp(b.x - margin, 0, width), y0 = std::clamp(b.y - margin, 0, height);
  int x1 = std::clamp(b.x + b.w + margin, 0, width), y1 = std::clamp(b.y + b.h + margin, 0, height);
  return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

Transform Transform::scale(double page_width_px, double page_height_px) {
  return Transform{{page_width_px, 0, 0, 0, page_height_px, 0}};
}

Point Transform::apply(double x, double y) const {
  return {m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]};
}

Box Transform::apply(const PageRect& r) const {
  Point c[4] = {apply(r.x, r.y), apply(r.x + r.w, r.y), apply(r.x, r.y + r.h),
                apply(r.x + r.w, r.y + r.h)};
  double x0 = c[0].x, x1 = c[0].x, y0 = c[0].y, y1 = c[0].y;
  for (const auto& p : c) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  return {int(std::lround(x0)), int(std::lround(y0)), int(std::lround(x1 - x0)),
          int(std::lround(y1 - y0))};
}

double Transform::angle_degrees() const {
  return -std::atan2(m[3], m[0]) * 180.0 / M_PI;
}

}  // namespace ledger
