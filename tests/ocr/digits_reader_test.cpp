// The digit-string reader end to end on synthetic handwritten strings, and its FieldReading.
#include <gtest/gtest.h>

#include <filesystem>

#include "ocr/digits_reader.hpp"
#include "ocr/digits_strings.hpp"
#include "testkit.hpp"

namespace {

TEST(DigitsReader, ReadsSyntheticDates) {
  if (!std::filesystem::exists(ledger::kDefaultDigitsPng)) GTEST_SKIP() << "opencv-doc digits.png not installed";
  auto reader = ledger::DigitReader::load(ledger::testkit::source_dir() / "models/digits");
  std::vector<ledger::DigitSample> held;
  for (auto& s : ledger::load_digits_png(ledger::kDefaultDigitsPng))
    if (ledger::is_heldout(s)) held.push_back(s);
  auto pool = ledger::digit_pool(held);
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int> day(1, 28), month(1, 12), year(2007, 2017);
  int ok = 0, n = 40;
  for (int i = 0; i < n; ++i) {
    int y = year(rng);
    std::string t = std::to_string(day(rng)) + "/" + std::to_string(month(rng)) + "/" + std::to_string(y);
    ledger::DigitContext ctx;
    ctx.book_year = y;
    auto r = reader.read(ledger::render_digit_string(t, pool, rng), ledger::DigitGrammar::Date, ctx);
    ok += !r.rejected && r.text == t;
  }
  // A regression floor, not the goal: digits_bench measures string accuracy on 2000 strings
  // (0.891 at the time of writing; the goal of 0.90 is not reached yet).
  EXPECT_GE(ok, n / 2) << ok << " of " << n;
}

TEST(DigitsReader, BlankCropIsNoInkAndFieldReadingSaysSo) {
  if (!std::filesystem::exists(ledger::testkit::source_dir() / "models/digits/digits_model.json"))
    GTEST_SKIP() << "no committed digit model";
  auto reader = ledger::DigitReader::load(ledger::testkit::source_dir() / "models/digits");
  cv::Mat blank(60, 300, CV_8U, cv::Scalar(235));
  auto r = reader.read(blank, ledger::DigitGrammar::Date, {});
  EXPECT_TRUE(r.rejected);
  EXPECT_EQ(r.reason, "no-ink");
  auto f = reader.to_field_reading(r, "reg_date", ledger::FieldType::Date);
  EXPECT_EQ(f.engine, "digits");
  EXPECT_TRUE(f.blank);
  EXPECT_EQ(f.mean_conf, 0);
  EXPECT_EQ(ledger::grammar_for(ledger::FieldType::Number), ledger::DigitGrammar::EntryNumber);
}

}  // namespace
