// `report.html` (see report_html.hpp).
#include "evaluate/report_html.hpp"

#include "core/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "core/error.hpp"
#include "evaluate/report_text.hpp"

namespace ledger {

namespace {

std::string esc(const std::string& s) { return html_escape(s); }

constexpr const char* kStyle = R"(
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:1000px;color:#222;line-height:1.4}
h1{font-size:1.6em} h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
p.headline{font-size:1.2em;background:#f3f6fa;padding:.8em;border-left:4px solid #2b6cb0}
table{border-collapse:collapse;margin:.5em 0} th,td{padding:.25em .7em;border-bottom:1px solid #e2e2e2;text-align:right}
th:first-child,td:first-child{text-align:left} th{background:#f5f5f5}
figure{margin:1em 0} figcaption{font-size:.9em;color:#555} .note{font-size:.9em;color:#555}
svg text{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11px;fill:#333}
)";

std::string pct(double v) { return percent(v, 1); }

// Column set of a per-group table (by layout / field / hand).
std::string group_table(const std::map<std::string, FieldTally>& groups, const std::string& first, bool baseline) {
  std::string h = "<table><tr><th>" + esc(first) +
                  "</th><th>fields</th><th>accuracy</th><th>CER raw</th><th>pre-filled</th><th>precision</th>"
                  "<th>residual errors</th><th>to look at</th><th>keystrokes</th>";
  if (baseline) h += "<th>baseline accuracy</th>";
  h += "</tr>\n";
  for (const auto& [k, t] : groups) {
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
                     esc(k), with_thousands(t.fields), pct(t.accuracy()), pct(t.cer_raw()), pct(t.prefilled_share()),
                     t.prefilled ? percent(t.precision(), 2) : "–", t.residual_errors(), t.to_look,
                     pct(t.keystroke_share()));
    if (baseline) h += "<td>" + pct(t.base_accuracy()) + "</td>";
    h += "</tr>\n";
  }
  return h + "</table>\n";
}

// Plot frame: area x0..x1, y0..y1 in SVG units; axis ticks at 0, 25, 50, 75, 100%.
struct Frame {
  double x0, y0, x1, y1;
  double px(double v) const { return x0 + v * (x1 - x0); }
  double py(double v) const { return y1 - v * (y1 - y0); }
};

std::string axes(const Frame& f, const std::string& xlabel, const std::string& ylabel, double ymax = 1.0,
                 int ydecimals = 0) {
  std::string s = fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#999"/>)", f.x0, f.y0,
                              f.x1 - f.x0, f.y1 - f.y0);
  for (int i = 0; i <= 4; ++i) {
    const double v = i / 4.0;
    s += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#999"/><text x="{0}" y="{3}" text-anchor="middle">{4}%</text>)",
                     f.px(v), f.y1, f.y1 + 4, f.y1 + 16, int(v * 100));
    s += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="#eee"/><text x="{3}" y="{4}" text-anchor="end">{5:.{6}f}%</text>)",
                     f.x0, f.py(v), f.x1, f.x0 - 5, f.py(v) + 4, v * ymax * 100, ydecimals);
  }
  s += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)", (f.x0 + f.x1) / 2, f.y1 + 34, esc(xlabel));
  s += fmt::format(R"~(<text transform="translate({},{}) rotate(-90)" text-anchor="middle">{}</text>)~", f.x0 - 42,
                   (f.y0 + f.y1) / 2, esc(ylabel));
  return s;
}

std::string reliability_svg(const EvalReport& r) {
  const Frame f{60, 15, 400, 295};
  std::string s = R"(<svg id="reliability" width="430" height="340" role="img" aria-label="reliability diagram">)";
  s += axes(f, "confidence given by the pipeline", "share actually right");
  s += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#c53030" stroke-dasharray="5,4"/>)", f.px(0),
                   f.py(0), f.px(1), f.py(1));
  for (const auto& b : r.reliability) {
    if (b.count == 0) continue;
    const double x = f.px(b.lo) + 2, w = f.px(b.hi) - f.px(b.lo) - 4;
    s += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#2b6cb0" opacity="0.8"><title>{:.0f}–{:.0f}%: {} fields, {} right</title></rect>)",
                     x, f.py(b.accuracy), w, f.py(0) - f.py(b.accuracy), b.lo * 100, b.hi * 100, b.count,
                     pct(b.accuracy));
    s += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="#c53030"/>)", f.px(b.mean_confidence),
                     f.py(b.mean_confidence));
    s += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="middle" font-size="9">{}</text>)", x + w / 2,
                     f.py(b.accuracy) - 3, b.count);
  }
  return s + "</svg>";
}

std::string accuracy_by_field_svg(const EvalReport& r) {
  const double row = 18, top = 10, left = 150, right = 560;
  const double height = top + row * std::max<size_t>(1, r.by_field.size()) + 45;
  std::string s = fmt::format(R"(<svg id="accuracy-by-field" width="640" height="{:.0f}" role="img" aria-label="accuracy by field">)", height);
  const double bottom = top + row * r.by_field.size();
  for (int i = 0; i <= 4; ++i) {
    const double x = left + i / 4.0 * (right - left);
    s += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#ddd"/><text x="{0}" y="{3}" text-anchor="middle">{4}%</text>)",
                     x, top, bottom, bottom + 14, i * 25);
  }
  s += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)", (left + right) / 2, bottom + 32,
                   r.baseline_run ? "exact-match accuracy (blue: pipeline, grey: plain tesseract)"
                                  : "exact-match accuracy of the pipeline");
  double y = top;
  for (const auto& [key, t] : r.by_field) {
    s += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}</text>)", left - 6, y + 12, esc(key));
    s += fmt::format(R"(<rect x="{}" y="{}" width="{:.1f}" height="10" fill="#2b6cb0"><title>{}: {} of {}</title></rect>)",
                     left, y + 2, t.accuracy() * (right - left), esc(key), t.correct, t.fields);
    if (r.baseline_run)
      s += fmt::format(R"(<rect x="{}" y="{}" width="{:.1f}" height="4" fill="#999"/>)", left, y + 12,
                       t.base_accuracy() * (right - left));
    s += fmt::format(R"(<text x="{}" y="{}" font-size="9">{} of {}</text>)", right + 6, y + 11, t.correct, t.fields);
    y += row;
  }
  return s + "</svg>";
}

std::string curve_svg(const EvalReport& r) {
  // The y axis runs to the worst residual error on the curve (at least 2%), so the 0.5% target
  // line (1 error in 200) stays readable.
  double ymax = 0.02;
  for (const auto& p : r.curve) ymax = std::max(ymax, p.residual_error);
  ymax = std::min(1.0, std::ceil(ymax * 50) / 50);
  const Frame f{60, 15, 400, 295};
  std::string s = R"(<svg id="trust-curve" width="430" height="340" role="img" aria-label="accepted share versus residual error">)";
  s += axes(f, "share of fields accepted without review", "accepted fields that are wrong", ymax, 1);
  const double target = 0.005;
  if (target <= ymax)
    s += fmt::format(R"(<line x1="{0}" y1="{1:.1f}" x2="{2}" y2="{1:.1f}" stroke="#c53030" stroke-dasharray="5,4"/><text x="{2}" y="{3:.1f}" text-anchor="end" fill="#c53030">target: 1 in 200</text>)",
                     f.x0, f.py(target / ymax), f.x1, f.py(target / ymax) - 4);
  std::string pts;
  for (const auto& p : r.curve)
    if (p.accepted > 0) pts += fmt::format("{:.1f},{:.1f} ", f.px(p.accepted_share), f.py(p.residual_error / ymax));
  if (!pts.empty()) s += R"(<polyline fill="none" stroke="#2b6cb0" stroke-width="2" points=")" + pts + R"("/>)";
  // Dots every 0.1; thresholds that land on (nearly) the same point share one label ("0.5–0.9")
  // so labels do not print over each other.
  struct Mark {
    double x, y, lo, hi;
  };
  std::vector<Mark> marks;
  for (const auto& p : r.curve) {
    const int pc = int(std::lround(p.threshold * 100));
    if (p.accepted == 0 || pc % 10 != 0) continue;
    const double x = f.px(p.accepted_share), y = f.py(p.residual_error / ymax);
    if (!marks.empty() && std::hypot(x - marks.back().x, y - marks.back().y) < 12) {
      marks.back().hi = p.threshold;
      continue;
    }
    marks.push_back({x, y, p.threshold, p.threshold});
  }
  for (const auto& m : marks) {
    const std::string label = m.lo == m.hi ? fmt::format("{:.1f}", m.lo) : fmt::format("{:.1f}–{:.1f}", m.lo, m.hi);
    // Labels near the right edge go to the left of their dot.
    const bool left = m.x > f.x1 - 40;
    s += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="2.5" fill="#2b6cb0"/><text x="{:.1f}" y="{:.1f}" font-size="9" text-anchor="{}">{}</text>)",
                     m.x, m.y, left ? m.x - 4 : m.x + 4, m.y - 4, left ? "end" : "start", label);
  }
  const FieldTally& t = r.overall;
  if (t.prefilled > 0 && t.residual_error_rate() <= ymax)
    s += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="8" height="8" fill="#38a169"><title>the drafts' own statuses</title></rect>)",
                     f.px(t.prefilled_share()) - 4, f.py(t.residual_error_rate() / ymax) - 4);
  return s + "</svg>";
}

}  // namespace

std::string report_html(const EvalReport& r, const std::string& title) {
  const FieldTally& t = r.overall;
  const LayoutTally& l = r.layout;
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) +
                  "</title><style>" + kStyle + "</style></head><body>\n";
  h += "<h1>" + esc(title) + "</h1>\n";
  if (!r.source.empty()) h += "<p class=\"note\">" + esc(r.source) + "</p>\n";
  h += "<p class=\"headline\">" + esc(report_headline(r)) + "</p>\n";

  h += "<h2>Overall</h2>\n<table><tr><th>measure</th><th>pipeline</th>";
  if (r.baseline_run) h += "<th>plain tesseract (baseline)</th>";
  h += "</tr>\n";
  auto row = [&](const std::string& name, const std::string& mine, const std::string& base) {
    h += "<tr><td>" + esc(name) + "</td><td>" + mine + "</td>";
    if (r.baseline_run) h += "<td>" + base + "</td>";
    h += "</tr>\n";
  };
  row("fields scored", with_thousands(t.fields), with_thousands(t.base_fields));
  row("exact-match accuracy (after normalisation)", pct(t.accuracy()), pct(t.base_accuracy()));
  row("character error rate, raw text", pct(t.cer_raw()), pct(t.base_cer()));
  row("character error rate, normalised value", pct(t.cer_value()), "–");
  row("pre-filled without review (accept or blank)", pct(t.prefilled_share()), "0% (all reviewed)");
  row("precision of pre-filled fields", t.prefilled ? percent(t.precision(), 2) : "–", "–");
  row("residual errors (pre-filled but wrong)", with_thousands(t.residual_errors()), "–");
  row("fields a clerk must look at", with_thousands(t.to_look), with_thousands(t.base_fields));
  row("keystrokes, share of keying from scratch", pct(t.keystroke_share()), pct(t.base_keystroke_share()));
  h += "</table>\n";
  h += "<p class=\"note\">Clerk effort model: keying from scratch costs every character of the true value plus one "
       "Tab per field (" + with_thousands(t.keys_scratch) + " keystrokes here). With drafts, a pre-filled field costs "
       "nothing (a wrong one slips through and is counted as a residual error), a field sent to review costs 1 "
       "(look and confirm) when right, else the character edits to fix it plus 1; a field the pipeline missed is "
       "keyed from scratch. The baseline has no trust: every field is looked at.</p>\n";

  h += "<h2>Layout</h2>\n<table><tr><th>layout</th><th>pages</th><th>with drafts</th><th>layout found</th>"
       "<th>layout right (of given)</th><th>records found / expected</th><th>extra records</th></tr>\n";
  auto lrow = [&](const std::string& name, const LayoutTally& x) {
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} / {}</td><td>{} / {}</td><td>{}</td></tr>\n",
                     esc(name), x.pages, x.pages_with_drafts, x.layout_found, x.layout_correct, x.layout_given,
                     x.records_found, x.records_expected, x.records_extra);
  };
  for (const auto& [k, x] : r.layout_by_layout) lrow(k, x);
  lrow("all", l);
  h += "</table>\n";
  h += fmt::format("<p>Field boxes located (IoU ≥ 0.5 with the ground-truth box): {} of {} ({}); ground-truth "
                   "boxes at least half inside the pipeline's field box: {} ({}).</p>\n",
                   t.boxes_located, t.boxes_expected, pct(t.boxes_located_share()), t.boxes_covered,
                   pct(t.boxes_covered_share()));
  if (!r.unmatched_pages.empty()) {
    h += "<p class=\"note\">Pages without drafts: ";
    for (size_t i = 0; i < r.unmatched_pages.size() && i < 20; ++i) h += (i ? ", " : "") + esc(r.unmatched_pages[i]);
    if (r.unmatched_pages.size() > 20) h += fmt::format(" and {} more", r.unmatched_pages.size() - 20);
    h += ".</p>\n";
  }

  h += "<h2>Trust</h2>\n";
  h += fmt::format("<p>Expected calibration error (10 equal-width bins): <b>{:.3f}</b> — the average gap between the "
                   "confidence the pipeline gives and the share of those fields that are right.</p>\n", r.ece);
  h += "<figure>" + reliability_svg(r) +
       "<figcaption>Reliability diagram: bars show the share of fields actually right in each confidence bin (count on "
       "top), red dots the mean confidence given; a calibrated pipeline follows the dashed diagonal.</figcaption></figure>\n";
  h += "<figure>" + curve_svg(r) +
       "<figcaption>Accepted share vs residual error: each point is a confidence threshold (labelled every 0.1); "
       "moving left accepts less and lets fewer errors through; the green square is the drafts' own statuses, the "
       "dashed line the 1-in-200 target.</figcaption></figure>\n";

  h += "<h2>Typed vs handwritten</h2>\n" + group_table(r.by_hand, "writing", r.baseline_run);
  h += "<h2>By layout</h2>\n" + group_table(r.by_layout, "layout", r.baseline_run);
  h += "<h2>By field</h2>\n<figure>" + accuracy_by_field_svg(r) +
       "<figcaption>Accuracy by field: the share of each field's values exactly right after normalisation" +
       std::string(r.baseline_run ? ", pipeline (blue) against plain tesseract on the whole page (grey)" : "") +
       ".</figcaption></figure>\n";
  h += group_table(r.by_field, "field", r.baseline_run);
  if (!r.warnings.empty()) {
    h += "<h2>Warnings</h2>\n<ul>";
    for (const auto& w : r.warnings) h += "<li>" + esc(w) + "</li>";
    h += "</ul>\n";
  }
  h += "</body></html>\n";
  return h;
}

void write_report_html(const EvalReport& report, const std::filesystem::path& file, const std::string& title) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw InputError(file.string(), "cannot write report");
  out << report_html(report, title);
  if (!out) throw InputError(file.string(), "write failed");
}

}  // namespace ledger
