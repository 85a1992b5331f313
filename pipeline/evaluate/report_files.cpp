// Writing the report folder (see report_files.hpp).
#include "evaluate/report_files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "evaluate/report_html.hpp"
#include "evaluate/report_json.hpp"
#include "evaluate/report_text.hpp"

namespace ledger {

namespace {
void make_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw InputError(dir.string(), "cannot create report folder: " + ec.message());
}
}  // namespace

void write_report_files(const EvalReport& report, const std::filesystem::path& out_dir) {
  make_dir(out_dir);
  write_report_json(report, out_dir / "report.json");
  write_report_html(report, out_dir / "report.html");
}

void write_alto_report(const AltoScore& s, const std::vector<std::string>& warnings,
                       const std::filesystem::path& out_dir) {
  make_dir(out_dir);
  nlohmann::ordered_json j;
  j["schema"] = "ledger-eval-alto/1";
  j["reading"] = "plain tesseract, whole page, words assigned to ground-truth line boxes";
  j["pages"] = s.pages;
  j["lines"] = s.lines;
  j["lines_exact"] = s.lines_exact;
  j["exact_share"] = s.exact_share();
  j["lines_empty"] = s.lines_empty;
  j["edits"] = s.edits;
  j["chars"] = s.chars;
  j["cer"] = s.cer();
  j["warnings"] = warnings;
  const auto file = out_dir / "alto-report.json";
  std::ofstream out(file, std::ios::binary);
  if (!out) throw InputError(file.string(), "cannot write report");
  out << j.dump(2) << "\n";
}

std::string alto_summary(const AltoScore& s, size_t warnings) {
  return fmt::format(
      "{} pages, {} ground-truth lines: {} read exactly ({}), {} with nothing read; line CER {}\n"
      "(plain tesseract on the whole page, words assigned to the line boxes){}\n",
      s.pages, with_thousands(s.lines), with_thousands(s.lines_exact), percent(s.exact_share()), s.lines_empty,
      percent(s.cer()), warnings ? fmt::format("; {} pages skipped (see alto-report.json)", warnings) : "");
}

}  // namespace ledger
