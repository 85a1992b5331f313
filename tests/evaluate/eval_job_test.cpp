// `eval` end to end: the library call behind the subcommand, on hand-made drafts and on a page
// generated, run through the real pipeline and scored.
#include "evaluate/eval_job.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "core/ground_truth.hpp"
#include "eval_fixture.hpp"
#include "synth/synth_book.hpp"
#include "testkit.hpp"

namespace ledger {

TEST(EvalJob, DraftsFileToReportFolder) {
  testkit::TempDir dir;
  write_ground_truth(evalfix::form_page().gt, dir / "KS.2017.01.p0012.gt.json");
  {
    std::ofstream out(dir / "d.jsonl");
    out << R"({"schema":"ledger-draft/1","source":{"image":"KS.2017.01.p0012.png","page":1},"layout":"ks-2016",)"
        << R"("record":0,"fields":{"nksHoTen":{"value":"Lưu Ngọc Hoà","confidence":0.97,"status":"accept"}}})" << "\n";
  }
  EvalRequest r;
  r.gt_dir = dir.path();
  r.drafts = dir / "d.jsonl";
  r.report_dir = dir / "out";
  r.baseline = false;
  std::ostringstream log;
  const std::string summary = run_eval_job(r, log);
  EXPECT_NE(summary.find("Of 6 fields"), std::string::npos);
  std::ifstream in(dir / "out" / "report.json");
  auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["overall"]["correct"], 2);  // the name, and the blank id number (missing but blank)
  EXPECT_EQ(j["overall"]["missing"], 5);
  EXPECT_TRUE(std::filesystem::exists(dir / "out" / "report.html"));

  r.store = dir / "also.sqlite";
  EXPECT_THROW(run_eval_job(r, log), ConfigError);
}

TEST(EvalJob, GeneratedPageThroughThePipeline) {
  testkit::TempDir dir;
  synth::SynthOptions s;
  s.layout_id = "ks-2016";
  s.pages = 1;
  s.seed = 4242;
  s.hand_ratio = 0;
  s.dpi_min = s.dpi_max = 200;
  s.out = dir / "gt";
  try {
    synth::synthesize(s);
  } catch (const std::exception& e) {
    GTEST_SKIP() << "generator unavailable: " << e.what();
  }
  EvalRequest r;
  r.gt_dir = dir / "gt";
  r.report_dir = dir / "out";
  r.baseline = false;
  r.threads = 1;
  std::ostringstream log;
  run_eval_job(r, log);
  std::ifstream in(dir / "out" / "report.json");
  auto j = nlohmann::json::parse(in);
  EXPECT_EQ(j["layout"]["pages"], 1);
  EXPECT_EQ(j["layout"]["pages_with_drafts"], 1) << log.str();
  EXPECT_EQ(j["layout"]["layout_correct"], 1);
  EXPECT_GT(j["overall"]["fields"].get<long>(), 20);
  // Typed page at 200 dpi: the pipeline must read a fair share right, and beat keying by hand.
  EXPECT_GT(j["overall"]["accuracy"].get<double>(), 0.2);
  EXPECT_LT(j["overall"]["clerk"]["keystroke_share"].get<double>(), 1.0);
}

}  // namespace ledger
