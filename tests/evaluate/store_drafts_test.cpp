// Reading drafts back from a run's store: grouped by page, the pipeline's values and statuses.
#include "evaluate/store_drafts.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "records/store.hpp"
#include "testkit.hpp"

namespace ledger {

TEST(StoreDrafts, ReadsWhatARunStored) {
  testkit::TempDir dir;
  const auto file = dir / "run.sqlite";
  {
    Store store = Store::open(file);
    auto batch = store.begin_batch("test");
    PageResult page;
    page.ref.path = (dir / "KS/a.png").string();
    page.ref.rel_path = "KS/a.png";
    page.sha256 = "abc";
    page.layout_id = "ks-ledger";
    page.width = 1000;
    page.height = 800;
    page.dpi = 300;
    for (int r = 0; r < 2; ++r) {
      DraftRecord rec;
      rec.record = r;
      DraftField f;
      f.value = r == 0 ? "Lưu Ngọc Tuấn" : "Trần Văn An";
      f.raw = f.value;
      f.confidence = 0.9;
      f.status = r == 0 ? FieldStatus::Accept : FieldStatus::Review;
      f.box = Box{10, 100 * r, 300, 50};
      rec.fields.push_back({"nksHoTen", f});
      page.records.push_back(rec);
    }
    store.write_page(page, SourceStamp{}, batch);
    store.finish_batch(batch, 1, 0, 0);
  }
  auto pages = read_drafts_store(file);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].image, "KS/a.png");
  EXPECT_EQ(pages[0].layout, "ks-ledger");
  ASSERT_EQ(pages[0].records.size(), 2u);
  const DraftField* f = pages[0].records[1].find("nksHoTen");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->value, "Trần Văn An");
  EXPECT_EQ(f->status, FieldStatus::Review);
  EXPECT_EQ(f->type, FieldType::Name);
  EXPECT_EQ(f->box, (Box{10, 100, 300, 50}));
}

TEST(StoreDrafts, MissingStoreIsAnInputErrorAndIsNotCreated) {
  testkit::TempDir dir;
  EXPECT_THROW(read_drafts_store(dir / "none.sqlite"), InputError);
  EXPECT_FALSE(std::filesystem::exists(dir / "none.sqlite"));
}

}  // namespace ledger
