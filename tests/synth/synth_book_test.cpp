// End-to-end tests of `synthesize`: same seed gives the same bytes; every sidecar reads back as
// valid ledger-gt/1; every ground-truth box lies inside its image and covers ink; table pages
// carry 8–15 records; files are named like a real campaign's.
#include "synth/synth_book.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <regex>

#include "core/error.hpp"
#include "core/ground_truth.hpp"
#include "testkit.hpp"

namespace ledger::synth {
namespace {

namespace fs = std::filesystem;

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

SynthOptions small(const std::string& layout, const fs::path& out, uint64_t seed) {
  SynthOptions o;
  o.layout_id = layout;
  o.layouts_dir = testkit::source_dir() / "config" / "layouts";
  o.pages = 2;
  o.seed = seed;
  o.dpi_min = 90;
  o.dpi_max = 110;
  o.out = out;
  return o;
}

// Ink: pixels clearly darker than the paper around the box (the paper's tint varies slowly).
int ink_pixels(const cv::Mat& gray, const Box& b) {
  const cv::Rect r(b.x, b.y, b.w, b.h);
  const cv::Rect around = (r + cv::Size(40, 40) - cv::Point(20, 20)) & cv::Rect(0, 0, gray.cols, gray.rows);
  const cv::Mat patch = gray(around).clone();
  std::vector<uchar> v(patch.datastart, patch.dataend);
  std::nth_element(v.begin(), v.begin() + long(v.size() * 0.8), v.end());
  const int paper = v[size_t(v.size() * 0.8)];
  cv::Mat dark;
  cv::threshold(gray(r), dark, paper - 60, 255, cv::THRESH_BINARY_INV);
  return cv::countNonZero(dark);
}

}  // namespace

TEST(SynthBook, SameSeedSameBytes) {
  testkit::TempDir a, b, c;
  const auto ra = synthesize(small("ks-2016", a.path(), 7));
  const auto rb = synthesize(small("ks-2016", b.path(), 7));
  const auto rc = synthesize(small("ks-2016", c.path(), 8));
  ASSERT_EQ(ra.pages.size(), 2u);
  ASSERT_EQ(rb.pages.size(), 2u);
  for (size_t i = 0; i < ra.pages.size(); ++i) {
    EXPECT_EQ(ra.pages[i].image.filename(), rb.pages[i].image.filename());
    EXPECT_TRUE(bytes_of(ra.pages[i].image) == bytes_of(rb.pages[i].image)) << ra.pages[i].image;
    EXPECT_EQ(bytes_of(ra.pages[i].sidecar), bytes_of(rb.pages[i].sidecar));
  }
  EXPECT_NE(bytes_of(ra.pages[0].sidecar), bytes_of(rc.pages[0].sidecar));
}

TEST(SynthBook, SidecarsValidateAndBoxesCoverInk) {
  for (const std::string layout : {"ks-2016", "ks-2006", "ks-ledger"}) {
    testkit::TempDir dir;
    SynthOptions o = small(layout, dir.path(), 11);
    o.hand_ratio = 0.5;
    const auto r = synthesize(o);
    ASSERT_EQ(r.pages.size(), 2u);
    int boxes = 0, hand = 0, blanks = 0;
    for (const auto& p : r.pages) {
      const GroundTruth gt = read_ground_truth(p.sidecar);  // throws when not valid ledger-gt/1
      EXPECT_EQ(gt.image, p.image.filename().string());
      EXPECT_EQ(gt.layout, layout);
      ASSERT_TRUE(gt.book && gt.page && gt.dpi);
      EXPECT_EQ(gt.book->type, "KS");
      EXPECT_EQ(*gt.page, p.page);
      EXPECT_TRUE(std::regex_match(p.image.filename().string(), std::regex(R"(KS\.\d{4}\.01\.p\d{4}\.png)")));
      if (layout == "ks-ledger") {
        EXPECT_GE(gt.records.size(), 8u);
        EXPECT_LE(gt.records.size(), 15u);
      } else {
        EXPECT_EQ(gt.records.size(), 1u);
      }
      const cv::Mat img = cv::imread(p.image.string(), cv::IMREAD_GRAYSCALE);
      ASSERT_FALSE(img.empty());
      for (const auto& rec : gt.records) {
        ASSERT_NE(rec.find("nksHoTen"), nullptr);
        for (const auto& [key, f] : rec.fields) {
          if (f.value.empty()) {
            EXPECT_FALSE(f.box.has_value()) << key;
            ++blanks;
            continue;
          }
          ASSERT_TRUE(f.box.has_value()) << key << " in " << p.sidecar;
          const Box& b = *f.box;
          EXPECT_GE(b.x, 0);
          EXPECT_GE(b.y, 0);
          EXPECT_LE(b.x + b.w, img.cols) << key;
          EXPECT_LE(b.y + b.h, img.rows) << key;
          EXPECT_FALSE(b.empty()) << key;
          EXPECT_GE(ink_pixels(img, b), 4) << key << " box " << b.x << "," << b.y << " in " << p.image;
          ++boxes;
          hand += f.hand.value_or(false);
        }
      }
    }
    EXPECT_GT(boxes, 10) << layout;
    EXPECT_GT(blanks, 0) << layout;
  }
}

TEST(SynthBook, HandRatioZeroIsAllTypedAndOneAllHand) {
  testkit::TempDir typed, hand;
  SynthOptions o = small("ks-2016", typed.path(), 5);
  o.hand_ratio = 0;
  o.clean = true;
  for (const auto& p : synthesize(o).pages) EXPECT_FALSE(p.hand);
  o.out = hand.path();
  o.hand_ratio = 1;
  for (const auto& p : synthesize(o).pages) {
    EXPECT_TRUE(p.hand);
    const GroundTruth gt = read_ground_truth(p.sidecar);
    EXPECT_TRUE(gt.records[0].find("nksHoTen")->hand.value_or(false));
    EXPECT_FALSE(gt.records[0].find("nguoiThucHien")->hand.value_or(true));  // stamped
  }
}

TEST(SynthBook, BadOptionsAreConfigErrors) {
  testkit::TempDir dir;
  SynthOptions o = small("no-such-layout", dir.path(), 1);
  EXPECT_THROW(synthesize(o), ConfigError);
  o = small("ks-2016", dir.path(), 1);
  o.dpi_min = 300;
  o.dpi_max = 200;
  EXPECT_THROW(synthesize(o), ConfigError);
}

TEST(SynthBook, RunsFromATemplateBuiltInCodeWithBuiltInLists) {
  // No config/, models/ or ../shared needed: a template made in code, built-in name lists.
  LayoutTemplate t;
  t.id = "tiny";
  t.book_type = "KS";
  t.year_from = 2016;
  t.year_to = 2016;
  t.text_height = 0.012;
  FormField name;
  name.key = "nksHoTen";
  name.type = FieldType::Name;
  name.label = "Họ và tên:";
  name.at = {0.1, 0.2};
  name.lines = {{0.12, -0.006, 0.6, 0.021}};
  FormField sex = name;
  sex.key = "nksGioiTinh";
  sex.type = FieldType::Sex;
  sex.label = "Giới tính:";
  sex.at = {0.1, 0.3};
  t.fields = {name, sex};
  testkit::TempDir dir;
  SynthOptions o;
  o.layout = t;
  o.builtin_lexicon = true;
  o.pages = 1;
  o.dpi_min = o.dpi_max = 100;
  o.format = "jpg";
  o.out = dir.path();
  const auto r = synthesize(o);
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].image.extension(), ".jpg");
  const GroundTruth gt = read_ground_truth(r.pages[0].sidecar);
  ASSERT_EQ(gt.records.size(), 1u);
  EXPECT_EQ(gt.records[0].fields.size(), 2u);
  EXPECT_EQ(*gt.book->year, 2016);
  const std::string sexv = gt.records[0].find("nksGioiTinh")->value;
  EXPECT_TRUE(sexv == "Nam" || sexv == "Nữ");
}

}  // namespace ledger::synth
