// The plain-tesseract baseline: TSV parsing, words assigned to boxes, and one real run.
#include "evaluate/plain_tesseract.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "testkit.hpp"

namespace ledger {

TEST(PlainTesseract, ParsesWordRowsOnly) {
  const std::string tsv =
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
      "1\t1\t0\t0\t0\t0\t0\t0\t1000\t800\t-1\t\n"
      "4\t1\t1\t1\t1\t0\t10\t10\t300\t40\t-1\t\n"
      "5\t1\t1\t1\t1\t1\t10\t10\t120\t40\t91.5\tNguyễn\n"
      "5\t1\t1\t1\t1\t2\t140\t10\t60\t40\t88\tVăn\n"
      "5\t1\t1\t1\t1\t3\t210\t10\t60\t40\t95\t \n"
      "5\t1\t1\t1\t2\t1\t10\t60\t60\t40\t50\tAn\n";
  auto words = parse_tesseract_tsv(tsv);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].text, "Nguyễn");
  EXPECT_EQ(words[0].box, (Box{10, 10, 120, 40}));
  EXPECT_DOUBLE_EQ(words[0].conf, 91.5);
  EXPECT_EQ(words[0].line_id, words[1].line_id);
  EXPECT_NE(words[1].line_id, words[2].line_id);
  EXPECT_EQ(words_in_box(words, Box{0, 0, 300, 50}), "Nguyễn Văn");
  EXPECT_EQ(words_in_box(words, Box{0, 0, 300, 200}), "Nguyễn Văn An");
  EXPECT_EQ(words_in_box(words, Box{}), "");
  EXPECT_EQ(words_in_box(words, Box{500, 500, 10, 10}), "");
}

TEST(PlainTesseract, MissingImageIsAnInputError) {
  EXPECT_THROW(run_plain_tesseract("/nonexistent/page.png"), InputError);
}

TEST(PlainTesseract, ReadsARealScan) {
  const auto image = testkit::shared_dir() / "data/real-scans/tesseract-test-gt/phototest.tif";
  if (!std::filesystem::exists(image)) GTEST_SKIP() << "shared real scans absent";
  if (std::system("command -v tesseract >/dev/null 2>&1") != 0) GTEST_SKIP() << "tesseract not installed";
  auto words = run_plain_tesseract(image, "eng");
  ASSERT_GT(words.size(), 20u);
  std::string all;
  for (const auto& w : words) all += w.text + " ";
  EXPECT_NE(all.find("quick"), std::string::npos);
}

}  // namespace ledger
