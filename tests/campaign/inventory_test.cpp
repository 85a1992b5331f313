// Tests for the inventory on a generated folder tree: books and page counts, misnamed files,
// gaps and repeats in page and entry numbers, books done earlier or already in the store.
#include "campaign/inventory.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "records/store.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

namespace fs = std::filesystem;

void tiny_image(const fs::path& file) {
  fs::create_directories(file.parent_path());
  cv::Mat img(8, 8, CV_8UC3, cv::Scalar(255, 255, 255));
  ASSERT_TRUE(cv::imwrite(file.string(), img)) << file;
}

/// A province tree: one page-per-file book with page 3 missing and page 2 twice, one
/// record-per-file book with entry 3 of 2008 missing, one complete book, one misnamed file.
struct Tree {
  testkit::TempDir dir;
  fs::path commune = dir.path() / "Quảng Trị" / "Hướng Hóa" / "Hướng Phùng";
  Tree() {
    fs::path book = commune / "ks" / "2017.01";
    for (const char* name : {"KS.2017.01.p0001.png", "KS.2017.01.p0002.png", "KS.2017.01.p002.jpg",
                             "KS.2017.01.p0004.png", "KS.2017.01.p0005.png", "scan 5.png"})
      tiny_image(book / name);
    fs::path records = commune / "ks" / "2007.01";
    for (const char* name : {"KS.2007.01.2008-01-28.01.png", "KS.2007.01.2008-02-03.02.png",
                             "KS.2007.01.2008-02-20.04.png", "KS.2007.01.2009-01-02.01.png"})
      tiny_image(records / name);
    fs::path other = dir.path() / "Quảng Trị" / "Hướng Hóa" / "Tân Hợp" / "ks" / "2016.02";
    for (const char* name : {"KS.2016.02.p0001.png", "KS.2016.02.p0002.png"}) tiny_image(other / name);
    std::ofstream(other / "notes.txt") << "not a scan";
  }
  fs::path root() const { return dir.path(); }
};

const InventoryBook* find_book(const Inventory& inv, int year) {
  for (const auto& b : inv.books)
    if (b.year == year) return &b;
  return nullptr;
}

TEST(Inventory, ListsBooksWithPagesFilesAndUnits) {
  Tree tree;
  Inventory inv = take_inventory(tree.root());
  ASSERT_EQ(inv.books.size(), 3u);
  const InventoryBook* b = find_book(inv, 2017);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->type, "KS");
  EXPECT_EQ(b->volume, "01");
  EXPECT_EQ(b->files, 5);  // the misnamed file is not part of it
  EXPECT_EQ(b->pages, 5);
  EXPECT_NE(b->unit.find("Hướng Phùng"), std::string::npos);
  EXPECT_EQ(b->done, "");
  const InventoryBook* other = find_book(inv, 2016);
  ASSERT_NE(other, nullptr);
  EXPECT_FALSE(other->has_gaps());
  EXPECT_FALSE(other->has_repeats());
}

TEST(Inventory, FlagsMisnamedFilesGapsAndRepeats) {
  Tree tree;
  Inventory inv = take_inventory(tree.root());
  ASSERT_EQ(inv.misnamed.size(), 1u);
  EXPECT_NE(inv.misnamed[0].find("scan 5.png"), std::string::npos);
  const InventoryBook* b = find_book(inv, 2017);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->missing_pages, std::vector<int>{3});
  EXPECT_EQ(b->repeated_pages, std::vector<int>{2});
  const InventoryBook* r = find_book(inv, 2007);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->missing_entries, std::vector<std::string>{"2008:3"});  // 2009 restarts at 01
  EXPECT_TRUE(r->repeated_entries.empty());
  std::string table = inventory_table(inv);
  EXPECT_NE(table.find("missing pages 3"), std::string::npos);
  EXPECT_NE(table.find("misnamed: "), std::string::npos);
}

TEST(Inventory, MarksBooksDoneEarlierAndInStore) {
  Tree tree;
  fs::path done = tree.root() / "done.csv";
  std::ofstream(done) << "unit,type,year,volume\nHƯỚNG PHÙNG,KS,2007,1\nXã Khác,KS,2016,02\n";
  fs::path store_file = tree.root() / "store.sqlite";
  {
    Store store = Store::open(store_file);
    auto batch = store.begin_batch("test");
    Inventory before = take_inventory(tree.root());
    const InventoryBook* other = find_book(before, 2016);
    ASSERT_NE(other, nullptr);
    PageResult page;
    page.ref.path = (tree.root() / other->folder / "KS.2016.02.p0001.png").string();
    page.ref.rel_path = other->folder + "/KS.2016.02.p0001.png";
    page.ref.book.type = "KS";
    page.ref.book.year = 2016;
    page.ref.book.volume = "02";
    page.ref.book.province = "Quảng Trị";
    page.ref.book.district = "Hướng Hóa";
    page.ref.book.commune = "Tân Hợp";
    page.ref.book.matched = true;
    page.sha256 = "abc";
    ASSERT_EQ(page.ref.book.book_id(), other->book_id);
    store.write_page(page, source_stamp(page.ref.path), batch);
  }
  InventoryOptions opts;
  opts.done_csv = done;
  opts.store = store_file;
  Inventory inv = take_inventory(tree.root(), opts);
  EXPECT_EQ(find_book(inv, 2007)->done, "earlier-phase");
  EXPECT_EQ(find_book(inv, 2016)->done, "in-store");  // the done list names another unit
  EXPECT_EQ(find_book(inv, 2016)->stored_pages, 1);
  EXPECT_EQ(find_book(inv, 2017)->done, "");

  auto written = write_inventory_csv(inv, tree.root() / "inventory.csv");
  ASSERT_EQ(written.size(), 2u);
  CsvTable books = read_csv(written[0]);
  EXPECT_EQ(books.rows.size(), 3u);
  CsvTable problems = read_csv(written[1]);
  EXPECT_EQ(problems.rows.size(), 1u);
}

TEST(Inventory, BadInputsAreErrors) {
  Tree tree;
  EXPECT_THROW(take_inventory(tree.root() / "absent"), InputError);
  InventoryOptions opts;
  opts.done_csv = tree.root() / "absent.csv";
  EXPECT_THROW(take_inventory(tree.root(), opts), InputError);
  std::ofstream(tree.root() / "bad.csv") << "name\nx\n";
  opts.done_csv = tree.root() / "bad.csv";
  EXPECT_THROW(take_inventory(tree.root(), opts), InputError);
}

TEST(Inventory, FormatRanges) {
  EXPECT_EQ(format_ranges({1, 2, 3, 7, 9, 10}), "1-3,7,9-10");
  EXPECT_EQ(format_ranges({}), "");
}

}  // namespace
}  // namespace ledger
