// The OCR stage on hand-built registered pages: blank detection without OCR, whitelists, joined
// lines, checkboxes, boxes mapped to the source, pen ink, and engine failures.
#include "ocr/read_fields.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "ocr/fake_engine.hpp"
#include "ocr/render.hpp"
#include "ocr/tesseract_engine.hpp"

namespace ledger {
namespace {

cv::Mat white(int w, int h) { return cv::Mat(h, w, CV_8UC1, cv::Scalar(255)); }

FieldRegion region(const std::string& key, FieldType type, std::vector<cv::Mat> crops) {
  FieldRegion f;
  f.key = key;
  f.type = type;
  int y = 100;
  for (auto& c : crops) {
    f.lines.push_back(Box{50, y, c.cols, c.rows});
    y += c.rows + 10;
    f.line_images.push_back(c);
  }
  return f;
}

RegisteredPage page_with(std::vector<FieldRegion> fields) {
  RegisteredPage p;
  p.page.gray = white(2000, 2000);
  RecordRegions rec;
  rec.fields = std::move(fields);
  p.records.push_back(std::move(rec));
  return p;
}

// A tick box crop: a printed frame, optionally with a cross inside.
cv::Mat tick_box(bool ticked) {
  cv::Mat b = white(40, 40);
  cv::rectangle(b, cv::Rect(2, 2, 36, 36), cv::Scalar(0), 2);
  if (ticked) {
    cv::line(b, {8, 8}, {32, 32}, cv::Scalar(0), 4);
    cv::line(b, {32, 8}, {8, 32}, cv::Scalar(0), 4);
  }
  return b;
}

TEST(ReadFields, BlankFieldsAreNotSentToOcr) {
  cv::Mat specks = white(400, 60);
  specks.at<uint8_t>(30, 100) = 0;  // a speck of dust
  specks.at<uint8_t>(31, 300) = 0;
  FakeEngine engine(FakeEngine::result_of("SHOULD NOT APPEAR", 0.9));
  auto out = read_fields(page_with({region("nksHoTen", FieldType::Name, {white(400, 60)}),
                                    region("ghiChu", FieldType::Text, {specks, white(400, 60)})}),
                         engine);
  ASSERT_EQ(out.records.size(), 1u);
  ASSERT_EQ(out.records[0].fields.size(), 2u);
  for (const auto& f : out.records[0].fields) {
    EXPECT_TRUE(f.blank) << f.key;
    EXPECT_TRUE(f.text.empty());
  }
  EXPECT_EQ(engine.calls(), 0);
}

TEST(ReadFields, TheNextLinesTallDigitsHangingIntoABlankFieldAreNotItsValue) {
  // A blank hometown line whose box reaches the tops of the ID number written below it.
  cv::Mat tops = white(400, 60);
  for (int x = 40; x < 360; x += 30) cv::rectangle(tops, cv::Rect(x, 46, 14, 14), cv::Scalar(0), cv::FILLED);
  // The same, with a value written on the line: its letters stand in the middle of the crop.
  cv::Mat written = tops.clone();
  cv::rectangle(written, cv::Rect(60, 15, 12, 25), cv::Scalar(0), cv::FILLED);
  // A letter whose descender crosses the bottom edge belongs to the field.
  cv::Mat descender = white(400, 60);
  cv::rectangle(descender, cv::Rect(60, 15, 12, 45), cv::Scalar(0), cv::FILLED);
  // The feet of the line above, cut by the top edge.
  cv::Mat feet = white(400, 60);
  cv::rectangle(feet, cv::Rect(100, 0, 14, 12), cv::Scalar(0), cv::FILLED);
  FakeEngine engine(FakeEngine::result_of("Xã Ba Nang", 0.9));
  auto out = read_fields(page_with({region("nksQueQuan", FieldType::Place, {tops}),
                                    region("chaNoiCuTru", FieldType::Place, {written}),
                                    region("meNoiCuTru", FieldType::Place, {descender}),
                                    region("nksNoiSinh", FieldType::Place, {feet})}),
                         engine);
  const auto& f = out.records[0].fields;
  EXPECT_TRUE(f[0].blank) << "only the next line's digit tops";
  EXPECT_FALSE(f[1].blank);
  EXPECT_FALSE(f[2].blank) << "a descender is cut, but starts high";
  EXPECT_TRUE(f[3].blank) << "only the line above's feet";
  EXPECT_EQ(engine.calls(), 2);
}

TEST(ReadFields, AValueHighInATallTableCellIsRead) {
  // A ledger's cell is fenced by rules: "Kinh" written in its top third is its value.
  cv::Mat cell = white(200, 150);
  cv::rectangle(cell, cv::Rect(50, 13, 90, 35), cv::Scalar(0), cv::FILLED);
  FakeEngine engine(FakeEngine::result_of("Kinh", 0.9));
  RegisteredPage table = page_with({region("nksDanToc", FieldType::Ethnicity, {cell})});
  table.records[0].row = Box{0, 100, 1500, 150};
  EXPECT_FALSE(read_fields(table, engine).records[0].fields[0].blank);
  // The same crop on a form page is the line above's feet.
  EXPECT_TRUE(read_fields(page_with({region("nksDanToc", FieldType::Ethnicity, {cell})}), engine)
                  .records[0].fields[0].blank);
}

TEST(ReadFields, FadedInkIsReadAndPaperNoiseIsBlank) {
  cv::Mat faded = testocr::render_line("HUYEN HAI LANG", 0.6, 1);
  faded = 255 - (255 - faded) * 0.35;  // strokes no darker than ~166: a faded pen
  cv::Mat noisy = white(300, 50);
  cv::randn(noisy, 245, 4);  // paper grain, no ink
  FakeEngine engine(FakeEngine::result_of("Huyện Hải Lăng", 0.9));
  auto out = read_fields(page_with({region("meNoiCuTru", FieldType::Place, {faded}),
                                    region("ghiChu", FieldType::Text, {noisy})}),
                         engine);
  EXPECT_FALSE(out.records[0].fields[0].blank);
  EXPECT_EQ(out.records[0].fields[0].text, "Huyện Hải Lăng");
  EXPECT_TRUE(out.records[0].fields[1].blank);
  EXPECT_EQ(engine.calls(), 1);
}

TEST(ReadFields, JoinsLinesAndKeepsWorstConfidence) {
  cv::Mat l1 = testocr::render_line("THON 1");
  cv::Mat l2 = testocr::render_line("XA HAI");
  FakeEngine engine;
  // The engine sees the crop with a white border: key on the bordered size.
  ReadOptions opts;
  auto bordered = [&](const cv::Mat& m) {
    OcrRequest r;
    r.image = cv::Mat(m.rows + 2 * opts.border, m.cols + 2 * opts.border, CV_8UC1);
    return FakeEngine::key_of(r);
  };
  engine.add(bordered(l1), FakeEngine::result_of("Thôn 1", 0.9));
  engine.add(bordered(l2), FakeEngine::result_of("Xã Hải", 0.5));
  auto out = read_fields(page_with({region("nksNoiSinh", FieldType::Place, {l1, l2})}), engine, opts);
  const FieldReading& f = out.records[0].fields[0];
  EXPECT_EQ(f.text, "Thôn 1 Xã Hải");
  EXPECT_FALSE(f.blank);
  EXPECT_NEAR(f.min_conf, 0.5, 1e-9);
  EXPECT_NEAR(f.mean_conf, (0.9 * 2 + 0.5 * 2) / 4, 1e-9);
  EXPECT_EQ(f.chars.size(), 13u);  // every character plus the joining space
  EXPECT_EQ(f.engine, "fake");
  EXPECT_GT(f.ink_ratio, 0.0);
  EXPECT_EQ(engine.calls(), 2);
  EXPECT_TRUE(engine.last_request().whitelist.empty());
  EXPECT_TRUE(engine.last_request().want_choices);
  EXPECT_EQ(engine.last_request().mode, Segmentation::SingleLine);
}

TEST(ReadFields, NumericTypesGetTheWhitelistButDateWordsDoNot) {
  FakeEngine engine(FakeEngine::result_of("1", 0.9));
  ReadOptions opts;
  read_fields(page_with({region("nksNgaySinh", FieldType::Date, {testocr::render_line("12.05.2017")})}),
              engine, opts);
  EXPECT_EQ(engine.last_request().whitelist, opts.numeric_whitelist);
  read_fields(page_with({region("nksNgaySinhBangChu", FieldType::DateWords,
                                {testocr::render_line("ngay muoi hai")})}),
              engine, opts);
  EXPECT_TRUE(engine.last_request().whitelist.empty());
}

TEST(ReadFields, CrashingEngineLosesOnlyTheField) {
  CrashingEngine engine;
  auto out = read_fields(page_with({region("nksHoTen", FieldType::Name, {testocr::render_line("AN")}),
                                    region("ghiChu", FieldType::Text, {white(300, 50)})}),
                         engine);
  ASSERT_EQ(out.records[0].fields.size(), 2u);
  const FieldReading& f = out.records[0].fields[0];
  EXPECT_TRUE(f.text.empty());
  EXPECT_FALSE(f.blank);
  EXPECT_EQ(f.mean_conf, 0);
  ASSERT_EQ(f.issues.size(), 1u);
  EXPECT_EQ(f.issues[0], "ocr-failed");
  EXPECT_TRUE(out.records[0].fields[1].blank);
  EXPECT_EQ(engine.calls(), 1);
}

TEST(ReadFields, CheckboxGivesTheTickedCode) {
  auto choice = [](const std::string& code, bool ticked, int x) {
    FieldRegion f;
    f.key = "loaiDangKy";
    f.type = FieldType::Checkbox;
    f.choice_code = code;
    f.lines = {Box{x, 50, 40, 40}};
    f.line_images = {tick_box(ticked)};
    return f;
  };
  FakeEngine engine;
  auto one = read_fields(page_with({choice("1", false, 10), choice("4", true, 100), choice("2", false, 200)}),
                         engine);
  ASSERT_EQ(one.records[0].fields.size(), 1u);
  EXPECT_EQ(one.records[0].fields[0].choice_code, "4");
  EXPECT_EQ(one.records[0].fields[0].box, (Box{100, 50, 40, 40}));
  EXPECT_FALSE(one.records[0].fields[0].blank);
  EXPECT_TRUE(one.records[0].fields[0].issues.empty());

  auto none = read_fields(page_with({choice("1", false, 10), choice("4", false, 100)}), engine);
  EXPECT_TRUE(none.records[0].fields[0].blank);
  EXPECT_TRUE(none.records[0].fields[0].choice_code.empty());

  auto two = read_fields(page_with({choice("1", true, 10), choice("4", true, 100)}), engine);
  EXPECT_FALSE(two.records[0].fields[0].blank);
  ASSERT_EQ(two.records[0].fields[0].issues.size(), 1u);
  EXPECT_EQ(two.records[0].fields[0].issues[0], "several-ticked");
  EXPECT_EQ(engine.calls(), 0);
}

TEST(ReadFields, BoxIsMappedToSourcePixels) {
  auto page = page_with({region("so", FieldType::Number, {testocr::render_line("11")})});
  page.page.to_source = (cv::Mat_<double>(2, 3) << 1, 0, 30, 0, 1, -20);
  FakeEngine engine(FakeEngine::result_of("11", 0.9));
  auto out = read_fields(page, engine);
  Box b = out.records[0].fields[0].lines[0];
  EXPECT_EQ(out.records[0].fields[0].box, (Box{b.x + 30, b.y - 20, b.w, b.h}));
}

TEST(ReadFields, PenInkMakesAFieldHandwritten) {
  cv::Mat crop = testocr::render_line("AN");
  FieldRegion f = region("nksHoTen", FieldType::Name, {crop});
  f.line_pen = {cv::Mat(crop.size(), CV_8UC1, cv::Scalar(255))};
  FieldRegion g = region("meHoTen", FieldType::Name, {crop});
  FakeEngine engine(FakeEngine::result_of("An", 0.9));
  auto out = read_fields(page_with({f, g}), engine);
  EXPECT_TRUE(out.records[0].fields[0].hand);
  EXPECT_NEAR(out.records[0].fields[0].pen_ratio, 1.0, 1e-9);
  EXPECT_FALSE(out.records[0].fields[1].hand);
}

TEST(ReadFields, SlantedBlackInkLooksHandwritten) {
  cv::Mat crop = testocr::render_line("NGUYEN VAN AN");
  double t = std::tan(18 * CV_PI / 180);
  cv::Mat shear = (cv::Mat_<double>(2, 3) << 1, -t, crop.rows / 2.0 * t, 0, 1, 0);
  cv::Mat slanted;
  cv::warpAffine(crop, slanted, shear, crop.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  FakeEngine engine(FakeEngine::result_of("Nguyen Van An", 0.9));
  auto out = read_fields(page_with({region("nksHoTen", FieldType::Name, {slanted}),
                                    region("meHoTen", FieldType::Name, {crop})}),
                         engine);
  EXPECT_TRUE(out.records[0].fields[0].hand);
  EXPECT_EQ(out.records[0].fields[0].pen_ratio, 0.0);
  EXPECT_FALSE(out.records[0].fields[1].hand);
}

TEST(ReadFields, CropsFromThePageWhenTheRegionHasNone) {
  RegisteredPage page = page_with({});
  cv::Mat line = testocr::render_line("2017");
  line.copyTo(page.page.gray(cv::Rect(300, 400, line.cols, line.rows)));
  FieldRegion f;
  f.key = "so";
  f.type = FieldType::Number;
  f.lines = {Box{300, 400, line.cols, line.rows}, Box{300, 600, line.cols, line.rows}};
  page.records[0].fields = {f};
  FakeEngine engine(FakeEngine::result_of("2017", 0.8));
  auto out = read_fields(page, engine);
  EXPECT_EQ(out.records[0].fields[0].text, "2017");  // the second, empty line adds nothing
  EXPECT_EQ(engine.calls(), 1);
}

TEST(ReadFields, RealTesseractReadsADateField) {
  TesseractEngine engine("", "vie");
  auto out = read_fields(page_with({region("nksNgaySinh", FieldType::Date, {testocr::render_line("12.05.2017")})}),
                         engine);
  const FieldReading& f = out.records[0].fields[0];
  EXPECT_EQ(f.text, "12.05.2017");
  EXPECT_GT(f.min_conf, 0.5);
  EXPECT_EQ(f.engine, "tesseract:vie");
  EXPECT_FALSE(f.chars.empty());
}

}  // namespace
}  // namespace ledger
