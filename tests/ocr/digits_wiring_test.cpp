// The digit reader inside the field reader: handwritten numeric fields go through it, printed
// ones and text do not, the pipeline runs without a model, and the rule joining the readings.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "ocr/digits_combine.hpp"
#include "ocr/digits_reader.hpp"
#include "ocr/digits_strings.hpp"
#include "ocr/fake_engine.hpp"
#include "ocr/read_fields.hpp"
#include "ocr/render.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

bool have_model() { return std::filesystem::exists(testkit::source_dir() / "models/digits/digits_model.json"); }

std::shared_ptr<const DigitReader> reader() {
  static auto r = load_digit_reader_if_present(testkit::source_dir() / "models");
  return r;
}

// A handwritten date from held-out digits.png digits, with its pen mask (all ink is pen).
struct HandLine {
  cv::Mat gray, pen;
};
HandLine hand_line(const std::string& text, uint64_t seed) {
  std::vector<DigitSample> held;
  for (auto& s : load_digits_png(kDefaultDigitsPng))
    if (is_heldout(s)) held.push_back(s);
  std::mt19937_64 rng(seed);
  StringStyle st;
  st.touch_rate = 0;
  HandLine h;
  h.gray = render_digit_string(text, digit_pool(held), rng, st);
  h.pen = h.gray < 160;
  return h;
}

RegisteredPage page_with(FieldRegion f, int book_year) {
  RegisteredPage p;
  p.page.gray = cv::Mat(2000, 2000, CV_8UC1, cv::Scalar(255));
  p.page.source.ref.book.year = book_year;
  RecordRegions rec;
  f.lines.push_back(Box{50, 100, f.line_images.front().cols, f.line_images.front().rows});
  rec.fields.push_back(std::move(f));
  p.records.push_back(std::move(rec));
  return p;
}

FieldRegion one_line(const std::string& key, FieldType type, cv::Mat gray, cv::Mat pen = {}) {
  FieldRegion f;
  f.key = key;
  f.type = type;
  f.line_images.push_back(std::move(gray));
  if (!pen.empty()) f.line_pen.push_back(std::move(pen));
  return f;
}

TEST(DigitsWiring, HandwrittenDateGoesThroughTheDigitReader) {
  if (!have_model() || !std::filesystem::exists(kDefaultDigitsPng)) GTEST_SKIP() << "no digit model or digits.png";
  HandLine h = hand_line("26/8/2008", 5);
  // Tesseract's answer breaks the date grammar: the digit reading must replace it.
  FakeEngine engine(FakeEngine::result_of("2/6//8/2008", 0.4));
  ReadOptions opts;
  opts.digits = reader();
  auto out = read_fields(page_with(one_line("nksNgaySinh", FieldType::Date, h.gray, h.pen), 2008), engine, opts);
  const FieldReading& f = out.records[0].fields[0];
  ASSERT_TRUE(f.hand);
  DigitContext ctx;
  ctx.book_year = 2008;
  auto direct = opts.digits->read(h.gray, DigitGrammar::Date, ctx, h.pen);
  ASSERT_FALSE(direct.rejected) << direct.reason;
  EXPECT_EQ(f.engine, "digits");
  EXPECT_EQ(f.text, direct.text);
  EXPECT_NEAR(f.mean_conf, direct.probability, 1e-9);
  EXPECT_EQ(f.chars.size(), f.text.size());
  EXPECT_EQ(engine.calls(), 1);  // Tesseract still reads it first
}

TEST(DigitsWiring, PrintedNumbersAndTextAreNotGivenToTheDigitReader) {
  if (!have_model()) GTEST_SKIP() << "no committed digit model";
  ReadOptions opts;
  opts.digits = reader();
  // Printed (black, upright) date: not hand, Tesseract's reading stands even when odd.
  FakeEngine engine(FakeEngine::result_of("12.05.2O17", 0.5));
  auto printed = read_fields(page_with(one_line("ngayDangKy", FieldType::Date, testocr::render_line("12.05.2017")), 2017),
                             engine, opts);
  const FieldReading& p = printed.records[0].fields[0];
  EXPECT_FALSE(p.hand);
  EXPECT_EQ(p.engine, "fake");
  EXPECT_EQ(p.text, "12.05.2O17");
  // Handwritten text field (all pen ink): not numeric, never the digit reader.
  cv::Mat words = testocr::render_line("ngay muoi hai");
  auto hand_words = read_fields(
      page_with(one_line("nksNgaySinhBangChu", FieldType::DateWords, words, words < 160), 2017), engine, opts);
  const FieldReading& w = hand_words.records[0].fields[0];
  EXPECT_TRUE(w.hand);
  EXPECT_EQ(w.engine, "fake");
  EXPECT_EQ(w.text, "12.05.2O17");
}

TEST(DigitsWiring, WithoutAModelTheFieldReaderUsesTheEngineAlone) {
  testkit::TempDir dir;  // a models folder without digits/
  EXPECT_EQ(load_digit_reader_if_present(dir.path()), nullptr);
  cv::Mat line = testocr::render_line("26/8/2008");
  FakeEngine engine(FakeEngine::result_of("26/8/2008", 0.8));
  ReadOptions opts;  // digits == nullptr
  auto out = read_fields(page_with(one_line("nksNgaySinh", FieldType::Date, line, line < 160), 2008), engine, opts);
  const FieldReading& f = out.records[0].fields[0];
  EXPECT_TRUE(f.hand);
  EXPECT_EQ(f.engine, "fake");
  EXPECT_EQ(f.text, "26/8/2008");
  EXPECT_NEAR(f.mean_conf, 0.8, 1e-9);
}

TEST(DigitsWiring, BrokenModelFolderIsAConfigError) {
  testkit::TempDir dir;
  std::filesystem::create_directories(dir.path() / "digits");
  std::ofstream(dir.path() / "digits/digits_model.json") << "{ not json";
  EXPECT_THROW(load_digit_reader_if_present(dir.path()), ConfigError);
}

DigitReading digit_reading(const std::string& text, double p) {
  DigitReading r;
  r.text = text;
  r.probability = p;
  for (char c : text) r.chars.push_back(CharChoice{{{std::string(1, c), p}}});
  return r;
}

TEST(DigitsCombine, AgreementRaisesConfidence) {
  auto c = combine_readings(FakeEngine::result_of("15/1/2001", 0.6), digit_reading("15.1.2001", 0.7),
                            DigitGrammar::Date, {});
  EXPECT_EQ(c.choice, DigitChoice::Agree);
  EXPECT_EQ(c.result.text, "15.1.2001");
  EXPECT_NEAR(c.result.mean_conf, 1 - 0.4 * 0.3, 1e-9);
  EXPECT_GT(c.result.mean_conf, 0.7);
}

TEST(DigitsCombine, InvalidTesseractTextIsReplaced) {
  // "37/7/2007" is no date: even an unsure digit reading wins.
  auto c = combine_readings(FakeEngine::result_of("37/7/2007", 0.9), digit_reading("31/1/2001", 0.2),
                            DigitGrammar::Date, {});
  EXPECT_EQ(c.choice, DigitChoice::Digits);
  EXPECT_EQ(c.result.text, "31/1/2001");
  EXPECT_NEAR(c.result.mean_conf, 0.2, 1e-9);
}

TEST(DigitsCombine, SurerReadingWinsWhenBothAreValid) {
  auto tess = FakeEngine::result_of("24", 0.64);
  auto c = combine_readings(tess, digit_reading("4", 0.9), DigitGrammar::EntryNumber, {});
  EXPECT_EQ(c.choice, DigitChoice::Digits);
  EXPECT_EQ(c.result.text, "4");
  c = combine_readings(tess, digit_reading("4", 0.5), DigitGrammar::EntryNumber, {});
  EXPECT_EQ(c.choice, DigitChoice::Tesseract);
  EXPECT_EQ(c.result.text, "24");
  EXPECT_NEAR(c.result.mean_conf, 0.64, 1e-9);
}

TEST(DigitsCombine, RejectedDigitReadingNeverReplaces) {
  auto r = digit_reading("7/7", 0.99);
  r.rejected = true;
  r.reason = "not-digits";
  auto c = combine_readings(FakeEngine::result_of("7///", 0.1), r, DigitGrammar::Date, {});
  EXPECT_EQ(c.choice, DigitChoice::Tesseract);
  EXPECT_EQ(c.result.text, "7///");
}

TEST(DigitsCombine, LineGrammarAndSameDigits) {
  EXPECT_EQ(line_grammar(FieldType::Date, 0, 3), DigitGrammar::Day);
  EXPECT_EQ(line_grammar(FieldType::Date, 1, 3), DigitGrammar::Month);
  EXPECT_EQ(line_grammar(FieldType::Date, 2, 3), DigitGrammar::Year);
  EXPECT_EQ(line_grammar(FieldType::Date, 0, 1), DigitGrammar::Date);
  EXPECT_EQ(line_grammar(FieldType::Number, 0, 1), DigitGrammar::EntryNumber);
  EXPECT_EQ(line_grammar(FieldType::IdNumber, 0, 1), DigitGrammar::Digits);
  EXPECT_TRUE(same_digits("04 1 2009", "04/1/2009"));
  EXPECT_FALSE(same_digits("04/01/2009", "04/1/2009"));  // the written value differs
  EXPECT_FALSE(same_digits("", ""));
  EXPECT_TRUE(grammar_allows("1985", DigitGrammar::Date, {}));  // a date field holding a year
  EXPECT_FALSE(grammar_allows("198", DigitGrammar::Date, {}));
}

}  // namespace
}  // namespace ledger
