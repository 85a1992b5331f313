// Drawing clean register pages (see page_renderer.hpp).
#include "synth/page_renderer.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"

namespace ledger::synth {
namespace {

constexpr double kPi = 3.14159265358979323846;
// Cap height / em of the label font (Liberation Serif, Times metrics: 0.662) and of the value
// fonts on average; text_height in the templates is a cap height.
constexpr double kCapRatio = 0.68;
// Label lines of a wrapped label are this far apart, fraction of the page height: the templates'
// second dotted lines sit 2.5% under the first (dy -0.6 then 1.9).
constexpr double kLineGap = 0.025;

const Ink kPrintInk{0.12, 0.12, 0.14};

struct Geometry {
  int W, H;
  Printing p;
  Rng jitter_rng{0};
  double x(double fx) const { return ((fx - 0.5) * p.sx + 0.5 + p.dx) * W; }
  double y(double fy) const { return ((fy - 0.5) * p.sy + 0.5 + p.dy) * H; }
  double w(double fw) const { return fw * p.sx * W; }
  double h(double fh) const { return fh * p.sy * H; }
  // A label's position in this printing: the template point plus this label's small shift.
  PagePoint place(PagePoint at) {
    return {at.x + jitter_rng.uniform(-p.jitter, p.jitter), at.y + jitter_rng.uniform(-p.jitter, p.jitter)};
  }
};

// Splits `text` into lines no wider than the widths given (the last width repeats).
std::vector<std::string> wrap(Canvas& c, const std::string& text, const TextStyle& st, const std::vector<double>& widths) {
  std::vector<std::string> lines(1);
  for (const auto& word : split_words(text)) {
    const double limit = widths[std::min(lines.size(), widths.size()) - 1];
    std::string candidate = lines.back().empty() ? word : lines.back() + " " + word;
    if (!lines.back().empty() && c.measure(candidate, st) > limit) lines.push_back(word);
    else lines.back() = candidate;
  }
  return lines;
}

// Draws a value across the rectangles available to it; returns the union of the ink.
Box write_value(Canvas& c, const std::string& text, const std::vector<cv::Rect2d>& slots, TextStyle st,
                double lead_offset, Rng& rng, double min_scale = 0.6) {
  Box ink;
  if (slots.empty() || fold_whitespace(text).empty()) return ink;
  std::vector<double> widths;
  for (const auto& s : slots) widths.push_back(std::max(1.0, s.width));
  // Shrink until the words fit the slots, as a writer squeezes a long address.
  std::vector<std::string> lines;
  const double full = st.size_px;
  // Handwritten words wander and their gaps vary: leave them room (1.12, measured on the jitter
  // of text_renderer: widths rarely exceed 1.1x the plain measure).
  const double slack = st.hand ? 1.12 : 1.0;
  std::vector<double> room;
  for (double w : widths) room.push_back(w / slack);
  for (double scale = 1.0; scale >= min_scale - 1e-9; scale *= 0.92) {
    st.size_px = full * scale;
    lines = wrap(c, text, st, room);
    bool fits = lines.size() <= slots.size();
    for (size_t i = 0; fits && i < lines.size(); ++i) fits = c.measure(lines[i], st) <= room[i];
    if (fits) break;
  }
  if (lines.size() > slots.size()) {  // still too long: the rest runs on the last line
    for (size_t i = slots.size(); i < lines.size(); ++i) lines[slots.size() - 1] += " " + lines[i];
    lines.resize(slots.size());
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& s = slots[i];
    const double free = s.width - c.measure(lines[i], st) * slack;
    const double indent = std::max(0.0, st.hand ? rng.uniform(0.0, std::max(0.0, std::min(free, st.size_px * 1.5)))
                                                : std::min(free, st.size_px * 0.3));
    TextStyle line_style = st;
    if (st.hand) line_style.drift_deg = rng.normal(0.5);
    const double baseline = s.y + s.height - lead_offset - (st.hand ? rng.uniform(0.0, 0.12) * st.size_px : 0);
    ink = unite_nonempty(ink, c.draw_text(lines[i], s.x + indent, baseline, line_style, &rng).ink);
  }
  return ink;
}

// A signature: a few looping strokes in the writer's ink.
void scribble(Canvas& c, double cx, double cy, double size, const Ink& ink, Rng& rng) {
  cairo_t* cr = c.cr();
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
  cairo_set_line_width(cr, std::max(1.0, size * 0.035));
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  double x = cx - size, y = cy + rng.normal(size * 0.1);
  cairo_move_to(cr, x, y);
  for (int i = 0; i < 5; ++i) {
    const double nx = x + size * rng.uniform(0.25, 0.5), ny = cy + rng.normal(size * 0.15);
    cairo_curve_to(cr, x + rng.normal(size * 0.3), y - size * rng.uniform(0.2, 0.6), nx + rng.normal(size * 0.3),
                   ny + size * rng.uniform(0.1, 0.5), nx, ny);
    x = nx, y = ny;
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

// A round commune seal: two rings, the unit's name around, a star in the middle; red ink that
// darkens what lies under it (multiply), like stamp ink.
void seal(Canvas& c, double cx, double cy, double r, const std::string& text, Rng& rng) {
  cairo_t* cr = c.cr();
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY);
  const Ink red{0.86, 0.12 + rng.uniform(0, 0.08), 0.15};
  const double alpha = rng.uniform(0.55, 0.85);
  cairo_set_source_rgba(cr, red.r, red.g, red.b, alpha);
  cairo_set_line_width(cr, r * 0.05);
  cairo_arc(cr, cx, cy, r, 0, 2 * kPi);
  cairo_stroke(cr);
  cairo_set_line_width(cr, r * 0.025);
  cairo_arc(cr, cx, cy, r * 0.68, 0, 2 * kPi);
  cairo_stroke(cr);
  // five-pointed star
  cairo_new_path(cr);
  for (int i = 0; i < 10; ++i) {
    const double a = -kPi / 2 + i * kPi / 5, rr = (i % 2 ? 0.12 : 0.3) * r;
    cairo_line_to(cr, cx + rr * std::cos(a), cy + rr * std::sin(a));
  }
  cairo_close_path(cr);
  cairo_fill(cr);
  cairo_restore(cr);
  // the unit's name around the upper rim, one glyph at a time
  const auto glyphs = to_u32(text);
  const double span = kPi * 1.5, start = -kPi / 2 - span / 2;
  TextStyle st{"DejaVu Sans", true, false, r * 0.2, 0, red, alpha};
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const double a = start + span * (i + 0.5) / glyphs.size();
    cairo_save(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY);
    cairo_translate(cr, cx + 0.76 * r * std::cos(a), cy + 0.76 * r * std::sin(a));
    cairo_rotate(cr, a + kPi / 2);
    c.draw_text(to_utf8(std::u32string(1, glyphs[i])), -st.size_px * 0.3, 0, st);
    cairo_restore(cr);
  }
}

// A tick in a box: two pen strokes; returns their ink box.
Box tick(Canvas& c, const cv::Rect2d& box, const Ink& ink, Rng& rng) {
  cairo_t* cr = c.cr();
  const double lw = std::max(1.5, box.height * 0.12);
  const double x0 = box.x + box.width * rng.uniform(0.1, 0.25), y0 = box.y + box.height * rng.uniform(0.1, 0.3);
  const double x1 = box.x + box.width * rng.uniform(0.75, 0.95), y1 = box.y + box.height * rng.uniform(0.7, 0.9);
  cairo_save(cr);
  cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
  cairo_set_line_width(cr, lw);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_move_to(cr, x1, y0);
  cairo_line_to(cr, x0, y1);
  cairo_stroke(cr);
  cairo_restore(cr);
  const int bx = int(std::floor(std::min(x0, x1) - lw)), by = int(std::floor(std::min(y0, y1) - lw));
  return Box{bx, by, int(std::ceil(std::max(x0, x1) + lw)) - bx, int(std::ceil(std::max(y0, y1) + lw)) - by};
}

TextStyle label_style(const PageStyle& ps, double th_px) {
  TextStyle st;
  st.family = ps.label_family;
  st.size_px = th_px / kCapRatio;
  st.ink = kPrintInk;
  return st;
}

// Draws a printed label from `x` on the baseline `base`, wrapping at `right`; returns where the
// last line ended (x) and how many extra lines it took.
std::pair<double, int> draw_label(Canvas& c, const std::string& text, double x, double base, double right,
                                  const TextStyle& st, double line_gap_px) {
  auto lines = wrap(c, text, st, {std::max(1.0, right - x)});
  double end = x;
  for (size_t i = 0; i < lines.size(); ++i) end = x + c.draw_text(lines[i], x, base + i * line_gap_px, st).advance;
  return {end, int(lines.size()) - 1};
}

TextStyle value_style(const PageStyle& ps, double th_px) {
  TextStyle st = ps.value;
  st.size_px = th_px / kCapRatio * (ps.hand ? ps.value_scale : 1.0);
  if (ps.hand && st.family == "TeX Gyre Chorus") st.size_px *= 1.35;  // a small-bodied script
  return st;
}

RenderedPage render_form(const LayoutTemplate& L, const SynthRecord* entry, const PageStyle& ps, Rng& rng, Geometry& g,
                         Canvas& c) {
  RenderedPage out;
  out.records.emplace_back();
  auto& inks = out.records.back();
  const double th = g.h(L.text_height);
  const TextStyle lst = label_style(ps, th);
  TextStyle anchor_st = lst;
  const double gap_px = g.h(kLineGap);
  const double dot = std::max(1.0, ps.dpi / 25.4 * 0.28);

  // the right column's rule, when the form has one
  double col_x = 1, col_bottom = 0;
  for (const auto& f : L.fields) {
    for (const auto& ch : f.choices) col_x = std::min(col_x, ch.at.x), col_bottom = std::max(col_bottom, ch.at.y);
    if (f.choices.empty() && f.at.x > 0.7) {
      col_x = std::min(col_x, f.at.x + (f.lines.empty() ? 0 : std::min(0.0, f.lines.front().x)));
      for (const auto& r : f.lines) col_bottom = std::max(col_bottom, f.at.y + r.y + r.h);
    }
  }
  if (col_x < 1) c.line(g.x(col_x - 0.012), g.y(0.035), g.x(col_x - 0.012), g.y(col_bottom + 0.02), std::max(1.0, dot * 0.8), kPrintInk);

  for (const auto& a : L.anchors) {
    PagePoint at = g.place(a.at);
    anchor_st.bold = a.text.rfind("(", 0) != 0;
    anchor_st.italic = !anchor_st.bold;
    c.draw_text(a.text, g.x(at.x), g.y(at.y) + th, anchor_st);
    if (a.text.rfind("Người đi", 0) == 0) scribble(c, g.x(at.x) + g.w(0.08), g.y(at.y) + g.h(0.06), g.w(0.05), ps.value.ink, rng);
  }

  for (const auto& f : L.fields) {
    const SynthValue* v = entry ? entry->find(f.key) : nullptr;
    const std::string text = v ? v->text : "";
    PagePoint at = g.place(f.at);
    const double ax = g.x(at.x), ay = g.y(at.y);
    FieldInk fi{f.key, {}, ps.hand};

    if (!f.choices.empty()) {  // tick boxes: print every choice, tick the one of the value
      for (const auto& ch : f.choices) {
        PagePoint cat = g.place(ch.at);
        const double cx = g.x(cat.x), cy = g.y(cat.y);
        // The narrow column prints its labels smaller: shrink until the label takes no more
        // lines than the template leaves before the box's line.
        const size_t max_lines = size_t(std::max(0L, std::lround(ch.box.y / kLineGap))) + 1;
        TextStyle cst = lst;
        const double width = g.w(ch.box.x) - th * 0.4;
        while (cst.size_px > lst.size_px * 0.7 && wrap(c, ch.label, cst, {width}).size() > max_lines) cst.size_px *= 0.95;
        draw_label(c, ch.label, cx, cy + th, cx + width, cst, gap_px);
        cv::Rect2d b(cx + g.w(ch.box.x), cy + g.h(ch.box.y), g.w(ch.box.w), g.h(ch.box.h));
        c.rectangle(b.x, b.y, b.width, b.height, std::max(1.0, dot * 0.7), kPrintInk);
        if (v && !ch.code.empty() && ch.code == v->value) fi.box = tick(c, b, ps.value.ink, rng);
      }
      inks.push_back(fi);
      continue;
    }

    const bool signature_block = !f.lines.empty() && f.lines.front().y > 0.05;
    double right = 0;
    for (const auto& r : f.lines) right = std::max(right, at.x + r.x + r.w);
    if (at.x > 0.7 || right < at.x + 0.05) right = std::max(right, 0.97);
    TextStyle caption = lst;
    caption.bold = signature_block;  // signature captions are printed bold
    auto [label_end, label_extra] = draw_label(c, f.label, ax, ay + th, g.x(right), caption, gap_px);

    std::vector<cv::Rect2d> slots;
    const double lead_up = g.h(0.003);  // dots sit just above the rectangle's bottom
    for (size_t i = 0; i < f.lines.size(); ++i) {
      const auto& r = f.lines[i];
      cv::Rect2d s(ax + g.w(r.x), ay + g.h(r.y), g.w(r.w), g.h(r.h));
      // A label printed wider than the template thought pushes its first dotted line right.
      const int label_line = int(std::lround((r.y + 0.006) / kLineGap));
      if (label_line == label_extra && s.x < label_end + th * 0.3 && s.x + s.width > label_end) {
        const double shift = label_end + th * 0.3 - s.x;
        s.x += shift, s.width -= shift;
      }
      if (!signature_block) c.dotted_line(s.x, s.x + s.width, s.y + s.height - lead_up, dot);
      slots.push_back(s);
    }

    // The page number at the top of a page is printed with the form (ks-2006), not written.
    const bool printed_number = f.key == "trangSo" && at.y < 0.1;
    if (printed_number || signature_block) {
      TextStyle st = lst;
      st.bold = signature_block;
      if (signature_block) {
        // signature above the stamped name
        if (!slots.empty()) scribble(c, slots[0].x + slots[0].width * 0.45, slots[0].y - g.h(0.035), g.w(0.06), ps.value.ink, rng);
        st.size_px *= 1.1;
        if (rng.chance(0.4)) st.ink = Ink{0.32, 0.18, 0.5}, st.alpha = 0.85;  // violet stamp ink
      }
      fi.box = write_value(c, text, slots, st, lead_up + th * 0.25, rng);
      fi.hand = false;
    } else if (f.type == FieldType::Date && slots.size() == 3 && v && v->parts.size() == 3) {
      // a date in three blanks: "Đăng ký ngày __ tháng __ năm ____"; the words between the
      // blanks are printed with the form
      const char* between[] = {"tháng", "năm"};
      for (int i = 0; i < 2; ++i) c.draw_text(between[i], slots[size_t(i)].x + slots[size_t(i)].width + th * 0.3,
                                              slots[size_t(i)].y + slots[size_t(i)].height - lead_up - th * 0.05, lst);
      for (int i = 0; i < 3; ++i)
        fi.box = unite_nonempty(fi.box, write_value(c, v->parts[i], {slots[i]}, value_style(ps, th), lead_up + th * 0.2, rng));
    } else {
      fi.box = write_value(c, text, slots, value_style(ps, th), lead_up + th * 0.2, rng);
    }
    inks.push_back(fi);
  }
  return out;
}

RenderedPage render_table(const LayoutTemplate& L, const std::vector<SynthRecord>& entries, const PageStyle& ps,
                          Rng& rng, Geometry& g, Canvas& c) {
  RenderedPage out;
  const double th = g.h(L.text_height);
  TextStyle hst = label_style(ps, th);
  hst.bold = true;
  const auto& T = L.table;
  const double x0 = g.x(T.region.x), y0 = g.y(T.region.y), tw = g.w(T.region.w), tH = g.h(T.region.h);
  const double hh = g.h(T.header_height);
  const int rows = table_rows(L);
  const double rh = (tH - hh) / rows;
  const double lw = std::max(1.0, ps.dpi / 25.4 * 0.25);

  for (const auto& a : L.anchors) {
    PagePoint at = g.place(a.at);
    TextStyle st = hst;
    st.size_px *= 1.3;
    c.draw_text(a.text, g.x(at.x), g.y(at.y) + th * 1.3, st);
  }
  double total = 0;
  for (const auto& col : T.columns) total += col.width;
  if (total <= 0) total = 1;
  std::vector<double> xs{x0};
  for (const auto& col : T.columns) xs.push_back(xs.back() + tw * col.width / total);
  // the grid: outer frame and header rule heavier
  c.rectangle(x0, y0, tw, tH, lw * 2);
  c.line(x0, y0 + hh, x0 + tw, y0 + hh, lw * 1.6);
  for (int r = 1; r < rows; ++r) c.line(x0, y0 + hh + r * rh, x0 + tw, y0 + hh + r * rh, lw);
  for (size_t i = 1; i + 1 < xs.size(); ++i) c.line(xs[i], y0, xs[i], y0 + tH, lw);
  // headers, centred, wrapped to the column, smaller when needed
  for (size_t i = 0; i < T.columns.size(); ++i) {
    const double cw = xs[i + 1] - xs[i] - th * 0.4;
    TextStyle st = hst;
    std::vector<std::string> lines;
    for (; st.size_px > 4; st.size_px *= 0.9) {
      lines = wrap(c, T.columns[i].header, st, {cw});
      bool fits = lines.size() * st.size_px * 1.25 <= hh;
      for (const auto& l : lines) fits = fits && c.measure(l, st) <= cw;
      if (fits) break;
    }
    const double block = lines.size() * st.size_px * 1.2;
    for (size_t k = 0; k < lines.size(); ++k) {
      const double w = c.measure(lines[k], st);
      c.draw_text(lines[k], (xs[i] + xs[i + 1] - w) / 2, y0 + (hh - block) / 2 + (k + 0.85) * st.size_px * 1.2, st);
    }
  }
  // rows: one entry each; the cell's text lines share the row's height
  const int per_row = std::max(1, T.lines_per_row);
  TextStyle vst = value_style(ps, th);
  vst.size_px = std::min(vst.size_px, rh / per_row * 0.95);
  const int filled = std::min<int>(int(entries.size()), rows);
  for (int r = 0; r < filled; ++r) {
    auto& inks = out.records.emplace_back();
    for (size_t i = 0; i < T.columns.size(); ++i) {
      const SynthValue* v = entries[size_t(r)].find(T.columns[i].key);
      std::vector<cv::Rect2d> slots;
      const double pad = th * 0.25;
      for (int k = 0; k < per_row; ++k)
        slots.emplace_back(xs[i] + pad, y0 + hh + r * rh + k * rh / per_row, xs[i + 1] - xs[i] - 2 * pad, rh / per_row);
      FieldInk fi{T.columns[i].key, {}, ps.hand};
      if (v) fi.box = write_value(c, v->text, slots, vst, rh / per_row * 0.22, rng, 0.4);
      inks.push_back(fi);
    }
  }
  return out;
}

}  // namespace

Printing Printing::random(Rng& rng) {
  Printing p;
  p.dx = rng.uniform(-0.01, 0.01);
  p.dy = rng.uniform(-0.01, 0.01);
  p.sx = 1 + rng.uniform(-0.015, 0.015);
  p.sy = 1 + rng.uniform(-0.015, 0.015);
  p.jitter = 0.002;
  p.seed = rng.next();
  return p;
}

PageStyle PageStyle::random(Rng& rng, double hand_ratio, int dpi) {
  PageStyle s;
  s.dpi = dpi;
  s.hand = rng.chance(hand_ratio);
  if (s.hand) {
    // Script or slanted fonts stand in for handwriting; all cover Vietnamese.
    struct Hand { const char* family; bool italic; double shear; };
    static const std::vector<Hand> hands = {{"TeX Gyre Chorus", false, 0.05}, {"DejaVu Sans", false, 0.25},
                                            {"Liberation Serif", true, 0.12}, {"Noto Sans", true, 0.18},
                                            {"DejaVu Sans Condensed", true, 0.15}};
    const Hand& h = rng.pick(hands);
    s.value.family = h.family;
    s.value.italic = h.italic;
    s.value.shear = h.shear + rng.uniform(-0.05, 0.05);
    s.value.hand = true;
    // ballpoint inks: mostly blue (#1a2a8a-ish), some black, a little violet
    switch (rng.weighted({6, 3, 1})) {
      case 0: s.value.ink = Ink{0.10 + rng.uniform(-0.04, 0.04), 0.16 + rng.uniform(-0.04, 0.04), 0.54 + rng.uniform(-0.08, 0.08)}; break;
      case 1: s.value.ink = Ink{0.08, 0.08, 0.10}; break;
      default: s.value.ink = Ink{0.33, 0.16, 0.52}; break;
    }
    s.value_scale = rng.uniform(1.05, 1.3);
  } else {
    static const std::vector<std::string> typed = {"Liberation Serif", "DejaVu Sans", "Noto Serif", "Liberation Sans"};
    s.value.family = rng.pick(typed);
    s.value.ink = Ink{0.05, 0.05, 0.06};
    s.value_scale = 1.0;
  }
  s.seal = rng.chance(0.85);
  return s;
}

int table_rows(const LayoutTemplate& layout) {
  const auto& t = layout.table;
  return std::clamp(std::max(15, t.typical_rows), std::max(1, t.min_rows), std::max(1, t.max_rows));
}

RenderedPage render_page(const LayoutTemplate& layout, const std::vector<SynthRecord>& entries, const PageStyle& style,
                         Rng& rng) {
  Geometry g{int(std::lround(layout.page_width_mm / 25.4 * style.dpi)),
             int(std::lround(layout.page_height_mm / 25.4 * style.dpi)), style.printing, Rng(style.printing.seed)};
  Canvas c(g.W, g.H);
  RenderedPage out = layout.kind == LayoutKind::Table
                         ? render_table(layout, entries, style, rng, g, c)
                         : render_form(layout, entries.empty() ? nullptr : &entries.front(), style, rng, g, c);
  if (style.seal) {
    // on the left margin, over the lower half where the officer signs
    const double r = g.W * rng.uniform(0.06, 0.075);
    const double cx = layout.kind == LayoutKind::Table ? g.W * rng.uniform(0.75, 0.9) : g.W * rng.uniform(0.075, 0.1);
    const double cy = layout.kind == LayoutKind::Table ? g.H * rng.uniform(0.85, 0.9) : g.H * rng.uniform(0.55, 0.85);
    seal(c, cx, cy, r, style.seal_text, rng);
  }
  out.bgr = c.to_bgr();
  out.dpi = style.dpi;
  return out;
}

}  // namespace ledger::synth
