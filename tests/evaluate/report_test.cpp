// The report files: JSON numbers equal the tallies, the HTML is self-contained with its three
// charts, the terminal summary is short, and the HTML renders in headless Chromium.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/ground_truth.hpp"
#include "eval_fixture.hpp"
#include "evaluate/report_files.hpp"
#include "evaluate/report_html.hpp"
#include "evaluate/report_json.hpp"
#include "evaluate/report_text.hpp"
#include "testkit.hpp"

namespace ledger {

namespace {
EvalReport crafted_report() {
  EvalOptions o;
  o.baseline_words = [](const GtPage&) { return evalfix::baseline_words(); };
  return evaluate({evalfix::form_page()}, {evalfix::crafted_draft()}, o);
}
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST(Report, JsonHoldsTheNumbers) {
  const EvalReport r = crafted_report();
  auto j = report_json(r);
  EXPECT_EQ(j["overall"]["fields"], 6);
  EXPECT_DOUBLE_EQ(j["overall"]["accuracy"].get<double>(), 0.5);
  EXPECT_EQ(j["overall"]["residual_errors"], 1);
  EXPECT_EQ(j["overall"]["clerk"]["keys_with_drafts"], 11);
  EXPECT_EQ(j["overall"]["baseline"]["correct"], 4);
  EXPECT_NEAR(j["trust"]["ece"].get<double>(), 0.292, 1e-12);
  EXPECT_EQ(j["trust"]["reliability"].size(), 10u);
  EXPECT_EQ(j["trust"]["curve"].size(), 101u);
  EXPECT_EQ(j["by_field"]["nksHoTen"]["correct"], 1);
  EXPECT_EQ(j["by_hand"]["typed"]["fields"], 1);
  EXPECT_EQ(j["layout"]["records_found"], 1);
}

TEST(Report, HeadlineAndSummary) {
  const EvalReport r = crafted_report();
  EXPECT_EQ(report_headline(r),
            "Of 6 fields, 50% can be pre-filled; 1 of 3 pre-filled fields were wrong (33.33%); clerks would "
            "type 26% of the keystrokes of keying from scratch.");
  const std::string s = report_summary(r);
  EXPECT_LE(std::count(s.begin(), s.end(), '\n'), 15);
  EXPECT_NE(s.find("baseline"), std::string::npos);
  EXPECT_EQ(with_thousands(1234567), "1,234,567");
  EXPECT_EQ(with_thousands(12), "12");
}

TEST(Report, HtmlIsSelfContainedWithCharts) {
  const std::string h = report_html(crafted_report());
  for (const char* id : {"id=\"reliability\"", "id=\"accuracy-by-field\"", "id=\"trust-curve\""})
    EXPECT_NE(h.find(id), std::string::npos) << id;
  EXPECT_EQ(h.find("http://"), std::string::npos);
  EXPECT_EQ(h.find("https://"), std::string::npos);
  EXPECT_EQ(h.find("<script"), std::string::npos);
  EXPECT_NE(h.find("nksHoTen"), std::string::npos);
  // Keys and values are escaped.
  EvalReport odd = crafted_report();
  odd.by_field["<evil>"] = odd.overall;
  EXPECT_EQ(report_html(odd).find("<evil>"), std::string::npos);
}

TEST(Report, FilesAreWrittenAndRenderInHeadlessChromium) {
  testkit::TempDir dir;
  write_report_files(crafted_report(), dir / "out");
  ASSERT_TRUE(std::filesystem::exists(dir / "out" / "report.json"));
  ASSERT_TRUE(std::filesystem::exists(dir / "out" / "report.html"));
  auto j = nlohmann::json::parse(slurp(dir / "out" / "report.json"));
  EXPECT_EQ(j["overall"]["fields"], 6);

  if (std::system("command -v chromium >/dev/null 2>&1") != 0) GTEST_SKIP() << "chromium not installed";
  const std::string cmd = "timeout 50 chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
                          "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
                          (dir / "profile").string() + " --dump-dom file://" + (dir / "out" / "report.html").string() +
                          " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string dom;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) dom.append(buf, n);
  ASSERT_EQ(pclose(pipe), 0) << "chromium failed";
  // The DOM comes back parsed: the SVG charts are elements with their content.
  for (const char* id : {"id=\"reliability\"", "id=\"accuracy-by-field\"", "id=\"trust-curve\""})
    EXPECT_NE(dom.find(id), std::string::npos) << id;
  EXPECT_NE(dom.find("<svg"), std::string::npos);
  EXPECT_NE(dom.find("<polyline"), std::string::npos);
  EXPECT_NE(dom.find("Of 6 fields"), std::string::npos);
}

TEST(Report, EndToEndFromSidecarAndJsonl) {
  testkit::TempDir dir;
  std::filesystem::create_directories(dir / "gt" / "KS");
  GtPage page = evalfix::form_page();
  write_ground_truth(page.gt, dir / "gt" / "KS" / "KS.2017.01.p0012.gt.json");
  {
    std::ofstream out(dir / "drafts.jsonl");
    out << R"({"schema":"ledger-draft/1","source":{"image":"KS/KS.2017.01.p0012.png","page":1},"layout":"ks-2016","record":0,"fields":{)"
        << R"("nksHoTen":{"value":"LƯU NGỌC HÒA","raw":"LƯU NGỌC HÒA","confidence":0.95,"status":"accept","box":[100,100,400,50]},)"
        << R"("nksNgaySinh":{"value":"19.10.1986","raw":"19/10/1986","confidence":0.45,"status":"review","box":[100,200,200,50]},)"
        << R"("nksGioiTinh":{"value":"Nữ","raw":"Nữ","confidence":0.92,"status":"accept","box":[300,300,100,50]},)"
        << R"("nksDanToc":{"value":"Kinh","raw":"Kinh","confidence":0.85,"status":"review"},)"
        << R"("nksSoDinhDanh":{"value":"","raw":"","confidence":0.99,"status":"blank"}}})"
        << "\n";
  }
  auto gt = load_gt_pages(dir / "gt");
  ASSERT_EQ(gt.size(), 1u);
  EXPECT_EQ(gt[0].rel_image, "KS/KS.2017.01.p0012.png");
  EvalOptions o;
  o.baseline = false;
  auto r = evaluate(gt, read_drafts_file(dir / "drafts.jsonl"), o);
  EXPECT_EQ(r.overall.fields, 6);
  EXPECT_EQ(r.overall.correct, 3);
  EXPECT_EQ(r.overall.keys_draft, 11);
  EXPECT_EQ(r.overall.residual_errors(), 1);
}

}  // namespace ledger

namespace ledger {

TEST(Report, EmptyReportStillRenders) {
  const EvalReport empty;
  const std::string h = report_html(empty);
  for (const char* id : {"id=\"reliability\"", "id=\"accuracy-by-field\"", "id=\"trust-curve\""})
    EXPECT_NE(h.find(id), std::string::npos) << id;
  EXPECT_EQ(h.find("nan"), std::string::npos);
  EXPECT_EQ(h.find("inf"), std::string::npos);
  EXPECT_EQ(report_headline(empty), "No ground-truth fields were scored.");
  EXPECT_EQ(report_json(empty)["overall"]["fields"], 0);
}

}  // namespace ledger
