// The progress report's CSV and HTML (see progress_report.hpp).
#include "campaign/progress_report.hpp"

#include "core/html.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/csv.hpp"
#include "core/error.hpp"

namespace ledger {

namespace {

std::string fmt_rate(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", r);
  return buf;
}

std::string esc(const std::string& s) { return html_escape(s); }

std::vector<std::string> counts_cells(const ProgressCounts& c) {
  return {std::to_string(c.pages_scanned), std::to_string(c.pages_processed), std::to_string(c.pages_failed),
          std::to_string(c.records), std::to_string(c.fields_accepted), std::to_string(c.fields_review),
          std::to_string(c.records_reviewed), std::to_string(c.duplicates)};
}

const char* kColors[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

std::string measure_name(DoneMeasure m) { return m == DoneMeasure::Reviewed ? "records reviewed" : "records pre-filled"; }

/// Cumulative done per unit over the days, one polyline per unit, with the targets dashed.
std::string line_chart(const ProgressReport& rep) {
  const int W = 760, H = 300, L = 60, R = 180, T = 20, B = 40;
  long ymax = 1;
  size_t days = 0;
  for (const auto& u : rep.units) {
    if (!u.cumulative.empty()) ymax = std::max(ymax, u.cumulative.back().second);
    ymax = std::max(ymax, u.target);
    days = std::max(days, u.cumulative.size());
  }
  std::ostringstream s;
  s << "<svg xmlns='http://www.w3.org/2000/svg' width='" << W << "' height='" << H << "' role='img'>"
    << "<title>Progress over days per unit</title>";
  s << "<line x1='" << L << "' y1='" << H - B << "' x2='" << W - R << "' y2='" << H - B << "' stroke='#333'/>"
    << "<line x1='" << L << "' y1='" << T << "' x2='" << L << "' y2='" << H - B << "' stroke='#333'/>";
  auto x = [&](size_t i) { return L + (days <= 1 ? 0.0 : double(i) * (W - L - R) / double(days - 1)); };
  auto y = [&](long v) { return H - B - double(v) * (H - T - B) / double(ymax); };
  for (int k = 0; k <= 4; ++k) {
    long v = ymax * k / 4;
    s << "<text x='" << L - 6 << "' y='" << y(v) + 4 << "' font-size='11' text-anchor='end'>" << v << "</text>";
  }
  const auto* any = rep.units.empty() ? nullptr : &rep.units.front();
  if (any && !any->cumulative.empty()) {
    s << "<text x='" << L << "' y='" << H - B + 16 << "' font-size='11'>" << esc(any->cumulative.front().first) << "</text>";
    s << "<text x='" << W - R << "' y='" << H - B + 16 << "' font-size='11' text-anchor='end'>"
      << esc(any->cumulative.back().first) << "</text>";
  }
  for (size_t i = 0; i < rep.units.size(); ++i) {
    const auto& u = rep.units[i];
    const char* col = kColors[i % 8];
    s << "<polyline fill='none' stroke='" << col << "' stroke-width='2' points='";
    for (size_t d = 0; d < u.cumulative.size(); ++d) s << x(d) << "," << y(u.cumulative[d].second) << " ";
    s << "'/>";
    if (u.target > 0)
      s << "<line x1='" << L << "' x2='" << W - R << "' y1='" << y(u.target) << "' y2='" << y(u.target)
        << "' stroke='" << col << "' stroke-dasharray='4 3'/>";
    s << "<rect x='" << W - R + 10 << "' y='" << T + 16 * i << "' width='10' height='10' fill='" << col << "'/>"
      << "<text x='" << W - R + 24 << "' y='" << T + 16 * i + 9 << "' font-size='11'>" << esc(u.unit) << "</text>";
  }
  s << "<text x='" << L << "' y='" << H - 6 << "' font-size='11'>cumulative " << measure_name(rep.measure)
    << " (dashed: target)</text></svg>";
  return s.str();
}

/// One bar per unit: done (solid) and remaining to the target (light).
std::string bar_chart(const ProgressReport& rep) {
  const int W = 760, L = 220, R = 140, row = 22;
  int H = 30 + row * int(rep.units.size());
  long xmax = 1;
  for (const auto& u : rep.units) xmax = std::max({xmax, u.done, u.target});
  auto w = [&](long v) { return double(v) * (W - L - R) / double(xmax); };
  std::ostringstream s;
  s << "<svg xmlns='http://www.w3.org/2000/svg' width='" << W << "' height='" << H << "' role='img'>"
    << "<title>Remaining vs target per unit</title>";
  for (size_t i = 0; i < rep.units.size(); ++i) {
    const auto& u = rep.units[i];
    int y = 10 + row * int(i);
    s << "<text x='" << L - 6 << "' y='" << y + 13 << "' font-size='11' text-anchor='end'>" << esc(u.unit) << "</text>";
    s << "<rect x='" << L << "' y='" << y << "' width='" << w(std::min(u.done, u.target > 0 ? u.target : u.done))
      << "' height='16' fill='#2ca02c'/>";
    if (u.remaining > 0)
      s << "<rect x='" << L + w(u.done) << "' y='" << y << "' width='" << w(u.remaining)
        << "' height='16' fill='" << (u.on_track ? "#c7e9c0" : "#fcbba1") << "'/>";
    s << "<text x='" << L + w(std::max(u.done, u.target)) + 6 << "' y='" << y + 13 << "' font-size='11'>" << u.done
      << (u.target > 0 ? " / " + std::to_string(u.target) : std::string()) << "</text>";
  }
  s << "</svg>";
  return s.str();
}

}  // namespace

std::vector<std::string> progress_csv_header() {
  return {"level", "unit", "book_id", "day", "pages_scanned", "pages_processed", "pages_failed", "records",
          "fields_accepted", "fields_review", "records_reviewed", "duplicates", "target_records", "deadline",
          "done", "remaining", "rate_per_day", "forecast", "on_track", "as_of"};
}

std::vector<std::vector<std::string>> progress_csv_rows(const ProgressReport& rep) {
  std::vector<std::vector<std::string>> rows;
  auto add = [&](const std::string& level, const std::string& unit, const std::string& book, const std::string& day,
                 const ProgressCounts& c, std::vector<std::string> tail) {
    std::vector<std::string> row{level, unit, book, day};
    for (auto& v : counts_cells(c)) row.push_back(v);
    for (auto& v : tail) row.push_back(v);
    row.push_back(rep.as_of);
    rows.push_back(std::move(row));
  };
  for (const auto& u : rep.units)
    add("unit", u.unit, "", "", u.counts,
        {u.target ? std::to_string(u.target) : "", u.deadline, std::to_string(u.done),
         u.target ? std::to_string(u.remaining) : "", fmt_rate(u.rate_per_day), u.forecast,
         u.target ? (u.on_track ? "yes" : "no") : ""});
  for (const auto& b : rep.books) add("book", b.unit, b.book_id, "", b.counts, {"", "", "", "", "", "", ""});
  for (const auto& d : rep.days) add("day", d.unit, "", d.day, d.counts, {"", "", "", "", "", "", ""});
  return rows;
}

std::string progress_html(const ProgressReport& rep) {
  std::ostringstream h;
  h << "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Campaign progress "
    << esc(rep.as_of) << "</title><style>body{font-family:sans-serif;margin:1.5em;color:#222}"
    << "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 7px;"
    << "text-align:right}td:first-child,th:first-child{text-align:left}.late{color:#b00;font-weight:bold}"
    << ".ok{color:#070}</style></head><body>";
  h << "<h1>Campaign progress as of " << esc(rep.as_of.empty() ? "(no data)" : rep.as_of) << "</h1>";
  h << "<p>Done means " << measure_name(rep.measure) << ". Rate: mean of the last days up to the report day.</p>";
  h << "<h2>Units</h2><table><tr><th>unit</th><th>pages scanned</th><th>pages processed</th><th>failed</th>"
    << "<th>records</th><th>fields accepted</th><th>fields to review</th><th>reviewed</th><th>duplicates</th>"
    << "<th>target</th><th>done</th><th>remaining</th><th>rate/day</th><th>forecast</th><th>deadline</th></tr>";
  for (const auto& u : rep.units) {
    const auto& c = u.counts;
    h << "<tr><td>" << esc(u.unit) << "</td><td>" << c.pages_scanned << "</td><td>" << c.pages_processed
      << "</td><td>" << c.pages_failed << "</td><td>" << c.records << "</td><td>" << c.fields_accepted << "</td><td>"
      << c.fields_review << "</td><td>" << c.records_reviewed << "</td><td>" << c.duplicates << "</td><td>"
      << (u.target ? std::to_string(u.target) : "") << "</td><td>" << u.done << "</td><td>"
      << (u.target ? std::to_string(u.remaining) : "") << "</td><td>" << fmt_rate(u.rate_per_day) << "</td><td class='"
      << (u.target ? (u.on_track ? "ok" : "late") : "") << "'>"
      << esc(u.target ? (u.forecast.empty() ? "never at this rate" : u.forecast) : "") << "</td><td>"
      << esc(u.deadline) << "</td></tr>";
  }
  h << "</table><h2>Progress over days</h2>" << line_chart(rep);
  h << "<h2>Done and remaining vs target</h2>" << bar_chart(rep);
  h << "<h2>Books</h2><table><tr><th>unit</th><th>book</th><th>pages scanned</th><th>processed</th><th>failed</th>"
    << "<th>records</th><th>accepted</th><th>to review</th><th>reviewed</th><th>duplicates</th></tr>";
  for (const auto& b : rep.books) {
    h << "<tr><td>" << esc(b.unit) << "</td><td style='text-align:left'>" << esc(b.book_id) << "</td>";
    for (const auto& v : counts_cells(b.counts)) h << "<td>" << v << "</td>";
    h << "</tr>";
  }
  h << "</table><h2>Days</h2><table><tr><th>unit</th><th>day</th><th>pages stored</th><th>processed</th>"
    << "<th>failed</th><th>records</th><th>accepted</th><th>to review</th><th>reviewed</th><th>duplicates</th></tr>";
  for (const auto& d : rep.days) {
    h << "<tr><td>" << esc(d.unit) << "</td><td>" << esc(d.day) << "</td>";
    for (const auto& v : counts_cells(d.counts)) h << "<td>" << v << "</td>";
    h << "</tr>";
  }
  h << "</table><p>The numbers behind this page: report.csv.</p></body></html>\n";
  return h.str();
}

std::vector<std::filesystem::path> write_progress_report(const ProgressReport& rep, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw InputError(dir.string(), "cannot create folder: " + ec.message());
  auto csv = dir / "report.csv", html = dir / "report.html";
  write_csv(csv, progress_csv_header(), progress_csv_rows(rep));
  std::ofstream out(html, std::ios::binary);
  if (!out) throw InputError(html.string(), "cannot write");
  out << progress_html(rep);
  if (!out) throw InputError(html.string(), "write failed");
  return {csv, html};
}

std::string progress_summary(const ProgressReport& rep) {
  std::ostringstream s;
  s << "as of " << (rep.as_of.empty() ? "(no data)" : rep.as_of) << ": " << rep.total.pages_processed
    << " pages processed, " << rep.total.pages_failed << " failed, " << rep.total.records << " records, "
    << rep.total.records_reviewed << " reviewed, " << rep.total.duplicates << " possible duplicates\n";
  for (const auto& u : rep.units) {
    s << "  " << u.unit << ": done " << u.done;
    if (u.target) {
      s << "/" << u.target << ", remaining " << u.remaining << ", " << fmt_rate(u.rate_per_day) << "/day, ";
      s << (u.forecast.empty() ? "never at this rate" : "finish " + u.forecast);
      if (!u.deadline.empty()) s << " (deadline " << u.deadline << (u.on_track ? ", on track)" : ", LATE)");
    }
    s << "\n";
  }
  return s.str();
}

}  // namespace ledger
