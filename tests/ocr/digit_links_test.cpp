// Record facts for the digit reader: parsing readings into dates and entry numbers, the context
// a field gets from its record and the previous row, and read_fields decoding with it.
#include "ocr/digit_links.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "ocr/digits_reader.hpp"
#include "ocr/digits_strings.hpp"
#include "ocr/fake_engine.hpp"
#include "ocr/read_fields.hpp"
#include "ocr/render.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

FieldReading reading(const std::string& key, const std::string& text, double conf) {
  FieldReading f;
  f.key = key;
  f.text = text;
  f.mean_conf = conf;
  return f;
}

TEST(DigitLinks, DatesAndEntryNumbersFromReadings) {
  EXPECT_EQ(date_ordinal("26/8/2008"), 20080826);
  EXPECT_EQ(date_ordinal("04.01.2017"), 20170104);
  EXPECT_EQ(date_ordinal("4-1-2017"), 20170104);
  EXPECT_EQ(date_ordinal("2017"), std::nullopt);        // a year alone says too little
  EXPECT_EQ(date_ordinal("4/13/2017"), std::nullopt);   // no 13th month
  EXPECT_EQ(date_ordinal("4 tháng 1"), std::nullopt);
  EXPECT_EQ(entry_value("12"), 12);
  EXPECT_EQ(entry_value("12/2017"), 12);
  EXPECT_EQ(entry_value("12.2017"), std::nullopt);
  EXPECT_EQ(entry_value("a12"), std::nullopt);
}

TEST(DigitLinks, OnlySureReadingsConstrain) {
  DigitLinks links;
  links.not_before["ngayDangKy"] = "nksNgaySinh";
  links.rising.insert("so");
  std::vector<FieldReading> record = {reading("nksNgaySinh", "10/3/2008", 0.95)};
  std::vector<FieldReading> previous = {reading("so", "41", 0.97)};
  DigitContext c = record_context("ngayDangKy", links, record, &previous, 2008);
  EXPECT_EQ(c.book_year, 2008);
  EXPECT_EQ(c.not_before, 20080310);
  EXPECT_EQ(c.previous_entry, std::nullopt);  // not a rising key
  EXPECT_EQ(record_context("so", links, record, &previous, 2008).previous_entry, 41);
  EXPECT_EQ(record_context("so", links, record, nullptr, 2008).previous_entry, std::nullopt);  // first row

  record[0].mean_conf = 0.6;  // an unsure birth date must not move the registration date
  EXPECT_EQ(record_context("ngayDangKy", links, record, &previous, 2008).not_before, std::nullopt);
  previous[0].blank = true;
  EXPECT_EQ(record_context("so", links, record, &previous, 2008).previous_entry, std::nullopt);
  EXPECT_EQ(record_context("nksHoTen", links, record, &previous, 2008).not_before, std::nullopt);
  links.in_book_year.insert("ngayDangKy");
  EXPECT_TRUE(record_context("ngayDangKy", links, record, &previous, 2008).in_book_year);
  EXPECT_FALSE(record_context("nksNgaySinh", links, record, &previous, 2008).in_book_year);
}

TEST(DigitLinks, ReadFieldsDecodesTheRegistrationDateAfterTheBirthDate) {
  const auto models = testkit::source_dir() / "models";
  if (!std::filesystem::exists(models / "digits/digits_model.json") || !std::filesystem::exists(kDefaultDigitsPng))
    GTEST_SKIP() << "no digit model or digits.png";
  auto reader = load_digit_reader_if_present(models);
  // The registration date, handwritten, comes first in region order; it reads "5/3/2008",
  // before the (printed, sure) birth date 10/3/2008.
  std::vector<DigitSample> held;
  for (auto& s : load_digits_png(kDefaultDigitsPng))
    if (is_heldout(s)) held.push_back(s);
  std::mt19937_64 rng(11);
  StringStyle st;
  st.touch_rate = 0;
  cv::Mat hand = render_digit_string("5/3/2008", digit_pool(held), rng, st), pen = hand < 160;
  cv::Mat printed = testocr::render_line("10/3/2008");
  auto page = [&] {
    RegisteredPage p;
    p.page.gray = cv::Mat(2000, 2000, CV_8UC1, cv::Scalar(255));
    p.page.source.ref.book.year = 2008;
    RecordRegions rec;
    FieldRegion reg, birth;
    reg.key = "ngayDangKy", reg.type = FieldType::Date, reg.line_images = {hand}, reg.line_pen = {pen};
    reg.lines = {Box{50, 100, hand.cols, hand.rows}};
    birth.key = "nksNgaySinh", birth.type = FieldType::Date, birth.line_images = {printed};
    birth.lines = {Box{50, 300, printed.cols, printed.rows}};
    rec.fields = {reg, birth};
    p.records.push_back(rec);
    return p;
  };
  // Tesseract: the first line it is asked for gets the birth date, every other a broken date.
  auto engine_reading_birth_first = [] {
    auto calls = std::make_shared<int>(0);
    return FakeEngine([calls](const OcrRequest&) {
      return ++*calls == 1 ? FakeEngine::result_of("10/3/2008", 0.95) : FakeEngine::result_of("2/6//8/2008", 0.4);
    });
  };
  DigitContext free_ctx, linked_ctx;
  free_ctx.book_year = linked_ctx.book_year = 2008;
  linked_ctx.not_before = 20080310;
  const DigitReading free_read = reader->read(hand, DigitGrammar::Date, free_ctx, pen);
  const DigitReading linked_read = reader->read(hand, DigitGrammar::Date, linked_ctx, pen);
  ASSERT_EQ(free_read.text, "5/3/2008") << "the digit reader misreads the fixture";
  ASSERT_NE(linked_read.text, free_read.text);

  ReadOptions opts;
  opts.digits = reader;
  opts.links.not_before["ngayDangKy"] = "nksNgaySinh";
  FakeEngine engine = engine_reading_birth_first();
  auto out = read_fields(page(), engine, opts);
  ASSERT_EQ(out.records[0].fields.size(), 2u);
  EXPECT_EQ(out.records[0].fields[0].key, "ngayDangKy");  // region order kept
  EXPECT_EQ(out.records[0].fields[1].text, "10/3/2008");
  const FieldReading& reg = out.records[0].fields[0];
  EXPECT_EQ(reg.text, linked_read.rejected ? "2/6//8/2008" : linked_read.text);
  if (!linked_read.rejected) {
    EXPECT_GE(date_ordinal(reg.text).value_or(0), 20080310);
    EXPECT_LT(reg.mean_conf, 0.9);  // forced against the classifier: unsure
  }

  // Without the link the registration date reads as written.
  ReadOptions plain = opts;
  plain.links = {};
  FakeEngine engine2(FakeEngine::result_of("2/6//8/2008", 0.4));
  auto free_out = read_fields(page(), engine2, plain);
  EXPECT_EQ(free_out.records[0].fields[0].text, "5/3/2008");
}

}  // namespace
}  // namespace ledger
