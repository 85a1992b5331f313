// `ledger-ocr calibrate` end to end: it fits a model on generated pages even when the models
// folder holds a calibration fitted on other features (the case a refit exists for).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

using testkit::run_binary;
namespace fs = std::filesystem;

TEST(CalibrateCli, RefitsOverAModelFittedOnOtherFeatures) {
  testkit::TempDir tmp, scratch;
  auto pages = tmp / "pages";
  auto s = run_binary({"synth", "--layout", "ks-2016", "--pages", "2", "--seed", "5", "--out", pages.string(),
                       "--dpi-min", "150", "--dpi-max", "200"}, scratch.path());
  ASSERT_EQ(s.code, 0) << s.err;

  // A models folder whose calibration names a feature this program does not compute.
  auto models = tmp / "models";
  fs::create_directories(models);
  fs::create_directory_symlink(testkit::source_dir() / "models/lexicons", models / "lexicons");
  fs::copy_file(testkit::source_dir() / "models/ocr.yaml", models / "ocr.yaml");
  auto stale = nlohmann::json::parse(std::ifstream(testkit::source_dir() / "models/calibration.json"));
  stale["features"].push_back("a_feature_of_another_version");
  std::ofstream(models / "calibration.json") << stale.dump();

  auto run = run_binary({"run", pages.string(), "--out", (tmp / "r.sqlite").string(), "--models", models.string()},
                        scratch.path());
  EXPECT_EQ(run.code, 3) << "a run must refuse a stale model: " << run.err;
  EXPECT_NE(run.err.find("refit"), std::string::npos) << run.err;

  auto out = tmp / "fitted.json";
  auto r = run_binary({"calibrate", pages.string(), "--models", models.string(), "--out", out.string(), "-q"},
                      scratch.path());
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  auto fitted = nlohmann::json::parse(std::ifstream(out));
  EXPECT_EQ(fitted["features"].size() + 1, stale["features"].size());
  EXPECT_GT(fitted["provenance"]["samples"].get<int>(), 20);
}

}  // namespace
}  // namespace ledger
