// Pairing pages by image path and table rows by position when a row is missing or extra.
#include "evaluate/matching.hpp"

#include <gtest/gtest.h>

namespace ledger {

namespace {
GtRecord gt_row(int y) {
  GtRecord r;
  r.fields.push_back({"nksHoTen", GtField{"An", Box{100, y, 400, 50}, true}});
  r.fields.push_back({"so", GtField{"01", Box{10, y, 60, 50}, true}});
  return r;
}
DraftRecord draft_row(int index, int y) {
  DraftRecord r;
  r.record = index;
  DraftField f;
  f.value = "An";
  f.box = Box{105, y, 390, 46};
  r.fields.push_back({"nksHoTen", f});
  return r;
}
}  // namespace

TEST(Matching, TableRowMissingDoesNotShiftLaterRows) {
  GroundTruth gt;
  gt.records = {gt_row(100), gt_row(200), gt_row(300)};
  DraftPage draft;
  draft.records = {draft_row(0, 102), draft_row(1, 298)};  // the middle row was not found
  EXPECT_EQ(match_records(gt, draft), (std::vector<int>{0, -1, 1}));
}

TEST(Matching, ExtraDraftRowIsLeftOver) {
  GroundTruth gt;
  gt.records = {gt_row(100), gt_row(200)};
  DraftPage draft;
  draft.records = {draft_row(0, 20), draft_row(1, 101), draft_row(2, 203)};
  EXPECT_EQ(match_records(gt, draft), (std::vector<int>{1, 2}));
}

TEST(Matching, WithoutBoxesRecordsPairByIndex) {
  GroundTruth gt;
  gt.records.resize(3);
  DraftPage draft;
  draft.records.resize(2);
  EXPECT_EQ(match_records(gt, draft), (std::vector<int>{0, 1, -1}));
  // A form page pairs record 0 with record 0 even when the boxes disagree.
  GroundTruth form;
  form.records = {gt_row(100)};
  DraftPage one;
  one.records = {draft_row(0, 900)};
  EXPECT_EQ(match_records(form, one), (std::vector<int>{0}));
}

TEST(Matching, PagesByPathThenTailThenUniqueName) {
  std::vector<GtPage> gt(4);
  gt[0].rel_image = "KS/2017/a.png";
  gt[1].rel_image = "b.png";
  gt[2].rel_image = "x/c.png";
  gt[3].rel_image = "y/c.png";  // same name twice: not matched by name alone
  std::vector<DraftPage> drafts(4);
  drafts[0].image = "samples/b.png";
  drafts[1].image = "KS/2017/a.png";
  drafts[2].image = "other/c.png";
  drafts[3].image = "zzz.png";
  EXPECT_EQ(match_pages(gt, drafts), (std::vector<int>{1, 0, -1, -1}));
}

}  // namespace ledger
