// config/pipeline.yaml: the committed file loads, relative folders resolve, and mistakes are
// reported with the file and line.
#include "run/pipeline_config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

TEST(PipelineConfig, TheCommittedFileLoads) {
  auto file = testkit::source_dir() / "config" / "pipeline.yaml";
  auto c = load_pipeline_config(file);
  EXPECT_EQ(c.source_file, file);
  EXPECT_TRUE(std::filesystem::is_directory(c.layouts_dir)) << c.layouts_dir;
  EXPECT_TRUE(std::filesystem::is_directory(c.models_dir)) << c.models_dir;
  EXPECT_GT(c.max_pixels, 0);
  EXPECT_FALSE(c.name_patterns.empty());
  EXPECT_GT(c.accept_target_error, 0);
  // The digit reader's record facts: registration after birth, entry numbers rising.
  EXPECT_EQ(c.digit_links.not_before.count("ngayDangKy") ? c.digit_links.not_before.at("ngayDangKy") : "", "nksNgaySinh");
  EXPECT_EQ(c.digit_links.rising.count("so"), 1u);
  EXPECT_EQ(c.digit_links.in_book_year, (std::set<std::string>{"ngayDangKy", "so"}));
  EXPECT_EQ(c.page_entry_keys, (std::set<std::string>{"so"}));
  // Values written twice in a record: the declarant and the parents, the parents' addresses.
  ASSERT_TRUE(c.twin_keys.has_value());
  EXPECT_EQ(c.twin_keys->at("nycHoTen"), (std::vector<std::string>{"chaHoTen", "meHoTen"}));
  EXPECT_EQ(c.twin_keys->at("chaNoiCuTru"), (std::vector<std::string>{"meNoiCuTru"}));
}

std::string error_of(const std::string& yaml) {
  testkit::TempDir tmp;
  std::ofstream(tmp / "p.yaml") << yaml;
  try {
    load_pipeline_config(tmp / "p.yaml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(PipelineConfig, UnknownKeysNameFileAndLine) {
  auto e = error_of("run:\n  threads: 2\n  thread: 3\n");
  EXPECT_NE(e.find("p.yaml:3"), std::string::npos) << e;
  EXPECT_NE(e.find("run.thread"), std::string::npos) << e;
}

TEST(PipelineConfig, WrongTypesAndValuesAreErrors) {
  EXPECT_NE(error_of("run:\n  threads: many\n").find("p.yaml:2"), std::string::npos);
  EXPECT_NE(error_of("ingest:\n  pdf_dpi: [1, 2]\n").find("pdf_dpi"), std::string::npos);
  EXPECT_NE(error_of("fields:\n  accept_target_error: 2\n").find("between 0 and 1"),
            std::string::npos);
  EXPECT_NE(error_of("run: [1]\n").find("section `run`"), std::string::npos);
  EXPECT_NE(error_of("ocr:\n  digit_rising: so\n").find("list of keys"), std::string::npos);
  EXPECT_NE(error_of("ocr:\n  digit_in_book_year: so\n").find("list of keys"), std::string::npos);
  EXPECT_NE(error_of("ocr:\n  digit_not_before: [a]\n").find("p.yaml:2"), std::string::npos);
  EXPECT_NE(error_of("run:\n  threads: [\n").find("p.yaml"), std::string::npos);
}

TEST(PipelineConfig, RelativeFoldersAreRelativeToTheFile) {
  testkit::TempDir tmp;
  std::ofstream(tmp / "p.yaml") << "layout:\n  layouts_dir: my-layouts\nrun:\n  threads: 3\n";
  auto c = load_pipeline_config(tmp / "p.yaml");
  EXPECT_EQ(c.layouts_dir, tmp.path() / "my-layouts");
  EXPECT_EQ(c.threads, 3);
}

}  // namespace
}  // namespace ledger
