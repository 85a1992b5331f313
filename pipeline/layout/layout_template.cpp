// Queries on a loaded layout template (see layout_template.hpp).
#include "layout/layout_template.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace ledger {

namespace {
// A printed character is about this many text (cap) heights wide in these forms' fonts: used to
// guess where a centred header starts.
constexpr double kCharWidth = 0.6;
}  // namespace

std::vector<std::string> LayoutTemplate::field_keys() const {
  std::vector<std::string> keys;
  if (kind == LayoutKind::Form)
    for (const auto& f : fields) keys.push_back(f.key);
  else
    for (const auto& c : table.columns) keys.push_back(c.key);
  return keys;
}

std::vector<Anchor> LayoutTemplate::all_anchors() const {
  std::vector<Anchor> out = anchors;
  for (const auto& f : fields) {
    if (f.type == FieldType::Checkbox) {
      for (const auto& c : f.choices) out.push_back({c.label, c.at, f.key});
    } else if (!f.label.empty()) {
      out.push_back({f.label, f.at, f.key});
    }
  }
  if (kind == LayoutKind::Table) {
    auto rects = column_rects();
    double y = table.region.y + std::max(0.0, (table.header_height - text_height) / 2);
    double char_w = kCharWidth * text_height * page_height_mm / std::max(1.0, page_width_mm);
    for (size_t i = 0; i < rects.size(); ++i) {
      // Headers are centred in their cell (ks-ledger.yaml): estimate where the first letter is.
      double w = std::min(rects[i].w, char_w * double(utf8_length(table.columns[i].header)));
      out.push_back({table.columns[i].header, {rects[i].x + (rects[i].w - w) / 2, y},
                     table.columns[i].key});
    }
  }
  return out;
}

FieldType LayoutTemplate::type_of(const std::string& key) const {
  for (const auto& f : fields)
    if (f.key == key) return f.type;
  for (const auto& c : table.columns)
    if (c.key == key) return c.type;
  return FieldType::Text;
}

const FormField* LayoutTemplate::find_field(const std::string& key) const {
  for (const auto& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

std::vector<PageRect> LayoutTemplate::column_rects() const {
  std::vector<PageRect> out;
  if (kind != LayoutKind::Table) return out;
  double total = 0;
  for (const auto& c : table.columns) total += c.width;
  if (total <= 0) return out;
  // Widths are normalised so the columns tile the region exactly even when they add to 99.5%.
  double x = table.region.x;
  for (const auto& c : table.columns) {
    double w = table.region.w * c.width / total;
    out.push_back({x, table.region.y, w, table.region.h});
    x += w;
  }
  return out;
}

}  // namespace ledger
