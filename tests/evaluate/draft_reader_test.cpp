// Reading ledger-draft/1 JSON Lines.
#include "evaluate/draft_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "testkit.hpp"

namespace ledger {

namespace {
const char* kTwoPages =
    R"({"schema":"ledger-draft/1","source":{"image":"KS/a.png","page":1},"layout":"ks-ledger","record":1,)"
    R"("fields":{"nksHoTen":{"value":"Lưu Ngọc Tuấn","raw":"LƯU NGỌC TUẤN","confidence":0.982,"status":"accept","box":[610,340,1500,70],"hand":true,"reasons":[]}}})"
    "\n\n"
    R"({"schema":"ledger-draft/1","source":{"image":"KS/b.png","page":1},"layout":"ks-2016","record":0,)"
    R"("fields":{"nksSoDinhDanh":{"value":"","raw":"","confidence":0.99,"status":"blank"}},"issues":["layout-unsure"]})"
    "\n"
    R"({"schema":"ledger-draft/1","source":{"image":"KS/a.png","page":1},"layout":"ks-ledger","record":0,)"
    R"("fields":{"nksNgaySinh":{"value":"19.10.1985","raw":"19/10/1985","confidence":0.41,"status":"review","reasons":["low-ocr-confidence"]}}})"
    "\n";
}  // namespace

TEST(DraftReader, GroupsByPageAndSortsRecords) {
  testkit::TempDir dir;
  {
    std::ofstream out(dir / "drafts.jsonl");
    out << kTwoPages;
  }
  auto pages = read_drafts_file(dir / "drafts.jsonl");
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].image, "KS/a.png");
  EXPECT_EQ(pages[0].layout, "ks-ledger");
  ASSERT_EQ(pages[0].records.size(), 2u);
  EXPECT_EQ(pages[0].records[0].record, 0);
  EXPECT_EQ(pages[0].records[1].record, 1);
  const DraftField* name = pages[0].records[1].find("nksHoTen");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->value, "Lưu Ngọc Tuấn");
  EXPECT_EQ(name->raw, "LƯU NGỌC TUẤN");
  EXPECT_DOUBLE_EQ(name->confidence, 0.982);
  EXPECT_EQ(name->status, FieldStatus::Accept);
  EXPECT_EQ(name->box, (Box{610, 340, 1500, 70}));
  EXPECT_TRUE(name->hand);
  EXPECT_EQ(name->type, FieldType::Name);
  const DraftField* date = pages[0].records[0].find("nksNgaySinh");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->status, FieldStatus::Review);
  ASSERT_EQ(date->reasons.size(), 1u);
  EXPECT_TRUE(date->box.empty());
  EXPECT_EQ(pages[1].records[0].find("nksSoDinhDanh")->status, FieldStatus::Blank);
  EXPECT_EQ(pages[1].records[0].issues, std::vector<std::string>{"layout-unsure"});
}

TEST(DraftReader, BadLineNamesFileAndLine) {
  std::istringstream in(std::string(R"({"schema":"ledger-draft/1","source":{"image":"a.png"}})") + "\nnot json\n");
  try {
    read_drafts(in, "x.jsonl");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "x.jsonl:2");
  }
  std::istringstream wrong(R"({"schema":"ledger-gt/1","image":"a.png"})");
  EXPECT_THROW(read_drafts(wrong, "y.jsonl"), InputError);
  EXPECT_THROW(read_drafts_file("/nonexistent/drafts.jsonl"), InputError);
}

}  // namespace ledger
