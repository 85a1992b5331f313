// Metrics on hand-made drafts with known answers: a perfect draft scores 1.0, a crafted set of
// errors gives exactly the expected accuracy, precision, residual errors, ECE and keystrokes.
#include "evaluate/evaluate.hpp"

#include <gtest/gtest.h>

#include "eval_fixture.hpp"

namespace ledger {

namespace {
EvalOptions no_baseline() {
  EvalOptions o;
  o.baseline = false;
  return o;
}
}  // namespace

TEST(Evaluate, PerfectDraftScoresOne) {
  std::vector<GtPage> gt{evalfix::form_page()};
  auto r = evaluate(gt, {evalfix::perfect_draft(gt[0])}, no_baseline());
  const FieldTally& t = r.overall;
  EXPECT_EQ(t.fields, 6);
  EXPECT_DOUBLE_EQ(t.accuracy(), 1.0);
  EXPECT_DOUBLE_EQ(t.precision(), 1.0);
  EXPECT_DOUBLE_EQ(t.prefilled_share(), 1.0);
  EXPECT_EQ(t.residual_errors(), 0);
  EXPECT_DOUBLE_EQ(t.cer_raw(), 0.0);
  EXPECT_DOUBLE_EQ(t.cer_value(), 0.0);
  EXPECT_DOUBLE_EQ(t.boxes_located_share(), 1.0);
  EXPECT_EQ(t.keys_draft, 0);
  EXPECT_EQ(t.to_look, 0);
  EXPECT_NEAR(r.ece, 0.0, 1e-12);
  EXPECT_EQ(r.layout.layout_correct, 1);
  EXPECT_EQ(r.layout.records_found, 1);
  EXPECT_TRUE(r.unmatched_pages.empty());
  for (const auto& [key, f] : r.by_field) EXPECT_DOUBLE_EQ(f.accuracy(), 1.0) << key;
}

TEST(Evaluate, CraftedErrorsGiveExactNumbers) {
  auto r = evaluate({evalfix::form_page()}, {evalfix::crafted_draft()}, no_baseline());
  const FieldTally& t = r.overall;
  EXPECT_EQ(t.fields, 6);
  EXPECT_EQ(t.correct, 3);  // HoTen, DanToc, SoDinhDanh
  EXPECT_DOUBLE_EQ(t.accuracy(), 0.5);
  EXPECT_EQ(t.prefilled, 3);  // HoTen, GioiTinh (accept), SoDinhDanh (blank)
  EXPECT_EQ(t.prefilled_correct, 2);
  EXPECT_DOUBLE_EQ(t.precision(), 2.0 / 3);
  EXPECT_EQ(t.residual_errors(), 1);  // GioiTinh
  EXPECT_EQ(t.review, 2);
  EXPECT_EQ(t.missing, 1);
  EXPECT_EQ(t.to_look, 3);
  // Scratch: (12+1) + (10+1) + (3+1) + (4+1) + (0+1) + (7+1) = 42.
  EXPECT_EQ(t.keys_scratch, 42);
  // Drafts: HoTen 0, NgaySinh 1 edit + 1, GioiTinh 0 (slips), DanToc 1, SoDinhDanh 0, so 7 + 1.
  EXPECT_EQ(t.keys_draft, 11);
  EXPECT_EQ(t.truth_chars, 36);
  EXPECT_EQ(t.value_edits, 10);  // 0 + 1 + 2 + 0 + 0 + 7
  EXPECT_EQ(t.raw_edits, 12);    // 0 + 3 + 2 + 0 + 0 + 7
  EXPECT_EQ(t.boxes_expected, 4);
  EXPECT_EQ(t.boxes_located, 2);
  EXPECT_EQ(t.boxes_covered, 2);
  EXPECT_NEAR(r.ece, 1.46 / 5, 1e-12);
  ASSERT_EQ(r.curve.size(), 101u);
  EXPECT_EQ(r.curve[90].accepted, 3);
  EXPECT_EQ(r.curve[90].wrong, 1);
  EXPECT_EQ(r.by_hand.at("handwritten").fields, 4);
  EXPECT_EQ(r.by_hand.at("handwritten").correct, 2);
  EXPECT_EQ(r.by_hand.at("typed").fields, 1);
  EXPECT_EQ(r.by_hand.at("typed").correct, 0);
  EXPECT_EQ(r.by_hand.at("unknown").correct, 1);
  EXPECT_EQ(r.by_layout.at("ks-2016").fields, 6);
  EXPECT_EQ(r.by_field.at("so").missing, 1);
  EXPECT_FALSE(r.baseline_run);
}

TEST(Evaluate, BaselineWithKnownWords) {
  EvalOptions o;
  o.baseline_words = [](const GtPage&) { return evalfix::baseline_words(); };
  auto r = evaluate({evalfix::form_page()}, {evalfix::crafted_draft()}, o);
  ASSERT_TRUE(r.baseline_run);
  const FieldTally& t = r.overall;
  EXPECT_EQ(t.base_fields, 6);
  // Right: HoTen ("LƯU NGỌC HOÀ"), GioiTinh, SoDinhDanh (blank, no box), so. Wrong: the date
  // (slashes, 2 edits), DanToc (no box anywhere: nothing read, 4 edits).
  EXPECT_EQ(t.base_correct, 4);
  EXPECT_EQ(t.base_edits, 6);
  EXPECT_EQ(t.base_keys, 1 + 3 + 1 + 5 + 1 + 1);
}

TEST(Evaluate, PageWithoutDraftsCountsAsMissing) {
  auto r = evaluate({evalfix::form_page()}, {}, no_baseline());
  EXPECT_EQ(r.overall.missing, 6);
  EXPECT_EQ(r.overall.keys_draft, r.overall.keys_scratch);
  EXPECT_EQ(r.overall.correct, 1);  // the blank field
  EXPECT_EQ(r.unmatched_pages, std::vector<std::string>{"KS.2017.01.p0012.png"});
  EXPECT_EQ(r.layout.pages_with_drafts, 0);
}

TEST(Evaluate, BaselineFailureIsAWarning) {
  EvalOptions o;  // default baseline: tesseract on an image path that does not exist
  auto r = evaluate({evalfix::form_page()}, {evalfix::crafted_draft()}, o);
  EXPECT_FALSE(r.baseline_run);
  EXPECT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.overall.fields, 6);
}

}  // namespace ledger

namespace ledger {

TEST(Evaluate, WideValueRegionCoversButIsNotLocated) {
  GtPage gt = evalfix::form_page();
  DraftPage d = evalfix::perfect_draft(gt);
  // The pipeline's box spans the whole dotted line: 4x the GT box's width.
  d.records[0].find("nksHoTen")->box = Box{100, 100, 1600, 50};
  EvalOptions o;
  o.baseline = false;
  auto r = evaluate({gt}, {d}, o);
  EXPECT_EQ(r.by_field.at("nksHoTen").boxes_located, 0);
  EXPECT_EQ(r.by_field.at("nksHoTen").boxes_covered, 1);
}

}  // namespace ledger

namespace ledger {

TEST(Evaluate, BaselinePagesReadInParallelKeepTheirWords) {
  // Three copies of the form page; the baseline reads the name right only on the page whose
  // image ends in "1.png": the parallel read must not mix pages up.
  std::vector<GtPage> gt;
  for (int i = 0; i < 3; ++i) {
    GtPage p = evalfix::form_page();
    p.rel_image = "p" + std::to_string(i) + ".png";
    gt.push_back(p);
  }
  EvalOptions o;
  o.baseline_threads = 3;
  o.baseline_words = [](const GtPage& p) {
    auto words = evalfix::baseline_words();
    if (p.rel_image != "p1.png") words[0].text = "XXX";
    return words;
  };
  auto r = evaluate(gt, {}, o);
  ASSERT_TRUE(r.baseline_run);
  EXPECT_EQ(r.by_field.at("nksHoTen").base_fields, 3);
  EXPECT_EQ(r.by_field.at("nksHoTen").base_correct, 1);
  EXPECT_EQ(r.by_field.at("nksGioiTinh").base_correct, 3);
}

}  // namespace ledger
