// `ledger-ocr run` and `export` end to end, on generated pages: a draft for every record of all
// three layouts, a run killed with SIGKILL resumes to exactly one record per entry, and bad
// files of each kind are reported without stopping the run.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>

#include "cli/cli_runner.hpp"
#include "core/ground_truth.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

using testkit::run_binary;

// Layout recognition reads printed labels, so the tests that need it use Tesseract on few pages;
// the resume test checks only the plumbing (every page, every record, once) and uses the fake
// engine with a forced layout, so it does not depend on Tesseract's timing.
const std::string kEngine = "tesseract";

void synth(const std::filesystem::path& out, const std::string& layout, int pages, int seed,
           const testkit::TempDir& scratch, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"synth", "--layout", layout, "--pages", std::to_string(pages),
                                "--seed", std::to_string(seed), "--out", out.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_binary(args, scratch.path());
  ASSERT_EQ(r.code, 0) << r.err;
}

// image file name -> number of records in its sidecar.
std::map<std::string, size_t> expected_records(const std::filesystem::path& dir) {
  std::map<std::string, size_t> out;
  for (const auto& sidecar : find_sidecars(dir)) {
    auto gt = read_ground_truth(sidecar);
    out[std::filesystem::path(gt.image).filename().string()] = gt.records.size();
  }
  return out;
}

std::vector<nlohmann::json> export_lines(const std::filesystem::path& store,
                                         const testkit::TempDir& scratch) {
  auto r = run_binary({"export", "--store", store.string(), "--format", "jsonl"}, scratch.path());
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<nlohmann::json> lines;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST(RunCli, EveryGeneratedRecordGetsADraftOnAllThreeLayouts) {
  testkit::TempDir tmp, scratch;
  auto pages = tmp / "pages";
  int seed = 3;
  for (const std::string layout : {"ks-2016", "ks-2006", "ks-ledger"})
    synth(pages / layout, layout, 1, seed++, scratch,
          {"--volume", std::to_string(seed), "--dpi-min", "150", "--dpi-max", "200"});
  auto expected = expected_records(pages);
  ASSERT_EQ(expected.size(), 3u);

  auto store = tmp / "s.sqlite";
  auto r = run_binary({"run", pages.string(), "--out", store.string(), "--engine", kEngine,
                       "--threads", "2"}, scratch.path());
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("3 done"), std::string::npos) << r.out;

  std::map<std::string, std::set<int>> got;
  for (const auto& j : export_lines(store, scratch)) {
    EXPECT_EQ(j["schema"], "ledger-draft/1");
    auto image = std::filesystem::path(j["source"]["image"].get<std::string>());
    // The folder a page was generated in is its layout: the layout must be found.
    EXPECT_EQ(j["layout"], image.parent_path().filename().string()) << image;
    EXPECT_FALSE(j["fields"].empty());
    EXPECT_TRUE(got[image.filename().string()].insert(j["record"].get<int>()).second);
  }
  for (const auto& [image, n] : expected) EXPECT_EQ(got[image].size(), n) << image;

  // A second run finds everything stored and does nothing.
  r = run_binary({"run", pages.string(), "--out", store.string(), "--engine", kEngine},
                 scratch.path());
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("3 skipped"), std::string::npos) << r.out;

  // The other exports read the same store.
  r = run_binary({"export", store.string(), "--format", "csv", "--out", (tmp / "d.csv").string()},
                 scratch.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(testkit::read_text(tmp / "d.csv").rfind("\xEF\xBB\xBFSTT,so,", 0), 0u);
  r = run_binary({"export", store.string(), "--format", "xlsx", "--out", (tmp / "xlsx").string()},
                 scratch.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(tmp / "xlsx"),
                          std::filesystem::directory_iterator()), 3);
}

TEST(RunCli, AKilledRunResumesToExactlyOneRecordPerEntry) {
  testkit::TempDir tmp, scratch;
  auto pages = tmp / "pages";
  synth(pages, "ks-2016", 8, 21, scratch, {"--dpi-min", "150", "--dpi-max", "150"});
  auto expected = expected_records(pages);
  size_t total = 0;
  for (const auto& [image, n] : expected) total += n;
  auto store = tmp / "s.sqlite";

  const std::vector<std::string> fake{"--engine", "fake", "--layout", "ks-2016"};
  std::vector<std::string> args{"run", pages.string(), "--out", store.string(), "--threads", "1"};
  args.insert(args.end(), fake.begin(), fake.end());
  // Progress after every page, so the test knows when one is committed (the line is printed
  // after the page's transaction).
  std::ofstream(tmp / "p.yaml") << "run:\n  progress_every: 1\n";
  args.insert(args.end(), {"--config", (tmp / "p.yaml").string()});
  int err = -1;
  pid_t pid = testkit::start_binary_piped(args, scratch / "out1", err);
  ASSERT_GT(pid, 0);
  bool committed = testkit::wait_for_line(err, "run: 2/");
  kill(pid, SIGKILL);
  close(err);
  EXPECT_EQ(testkit::wait_binary(pid), 128 + SIGKILL);
  ASSERT_TRUE(committed) << "the run ended before two pages were stored";
  size_t after_kill = export_lines(store, scratch).size();
  EXPECT_GE(after_kill, 2u);
  EXPECT_LT(after_kill, total) << "the run finished before it could be killed: make pages slower";

  args[5] = "2";  // the rest with two threads
  auto r = run_binary(args, scratch.path());
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  std::map<std::string, std::set<int>> got;
  size_t lines = 0;
  for (const auto& j : export_lines(store, scratch)) {
    ++lines;
    auto image = std::filesystem::path(j["source"]["image"].get<std::string>()).filename().string();
    EXPECT_TRUE(got[image].insert(j["record"].get<int>()).second) << "duplicate " << image;
  }
  EXPECT_EQ(lines, total);
  for (const auto& [image, n] : expected) EXPECT_EQ(got[image].size(), n) << image;
}

TEST(RunCli, BadFilesAreReportedAndTheRunContinues) {
  testkit::TempDir tmp, scratch;
  auto in = tmp / "in";
  synth(in / "good", "ks-2016", 1, 5, scratch, {"--dpi-min", "150", "--dpi-max", "150"});
  synth(tmp / "big", "ks-2016", 1, 6, scratch, {"--dpi-min", "300", "--dpi-max", "300"});
  std::filesystem::path big_png;
  for (const auto& e : std::filesystem::directory_iterator(tmp / "big"))
    if (e.path().extension() == ".png") big_png = e.path();
  ASSERT_FALSE(big_png.empty());
  std::filesystem::copy_file(big_png, in / "KS.2017.09.p0001.png");
  std::string png = testkit::read_text(big_png);
  std::ofstream(in / "empty.png");
  std::ofstream(in / "truncated.png", std::ios::binary) << png.substr(0, png.size() / 2);
  std::ofstream(in / "notes.jpg") << "this is a note, not a photo\n";
  std::ofstream(in / "broken.pdf") << "%PDF-1.4\n1 0 obj garbage\n%%EOF\n";
  // Below the limit but blank: no layout can match it.
  cv::imwrite((in / "blank.png").string(), cv::Mat(1754, 1240, CV_8UC3, cv::Scalar(255, 255, 255)));

  auto store = tmp / "s.sqlite";
  // 150 dpi A4 is ~2.2 MP, 300 dpi ~8.7 MP: a 4 MP limit refuses only the big page.
  auto r = run_binary({"run", in.string(), "--out", store.string(), "--engine", kEngine,
                       "--max-pixels", "4000000"}, scratch.path());
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("1 done"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("6 failed"), std::string::npos) << r.out;
  for (const std::string name :
       {"empty.png", "truncated.png", "notes.jpg", "broken.pdf", "KS.2017.09.p0001.png", "blank.png"})
    EXPECT_NE(r.out.find(name + "#"), std::string::npos) << name << " not listed:\n" << r.out;
  EXPECT_NE(r.out.find("pixel limit"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("blank.png#1: no layout matched"), std::string::npos) << r.out;
  EXPECT_FALSE(export_lines(store, scratch).empty());
}

TEST(RunCli, ABrokenConfigStopsTheRunWithExitCode3) {
  testkit::TempDir tmp, scratch;
  std::ofstream(tmp / "p.yaml") << "run:\n  treads: 2\n";
  auto r = run_binary({"run", tmp.path().string(), "--out", (tmp / "s.sqlite").string(),
                       "--config", (tmp / "p.yaml").string(), "--engine", kEngine},
                      scratch.path());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("p.yaml:2"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ledger
