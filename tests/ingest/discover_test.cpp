// Walking inputs: content sniffing, sorting, sidecars skipped, failures collected
// (ingest/discover.hpp).
#include "ingest/discover.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "ingest/load_page.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

TEST(Discover, WalksSortedRecognisesContentAndReportsBrokenFiles) {
  testkit::TempDir dir;
  auto book = dir.path() / "Tỉnh A" / "Huyện B" / "Xã C" / "ks" / "2007.01";
  std::filesystem::create_directories(book);
  cv::imwrite((book / "KS.2007.01.2008-01-28.02.png").string(), testfix::page_image(2));
  cv::imwrite((book / "KS.2007.01.2008-01-28.01.png").string(), testfix::page_image(1));
  testfix::write_text(book / "KS.2007.01.2008-01-28.01.gt.json", "{\"schema\": \"ledger-gt/1\"}");
  testfix::write_text(book / "notes.txt", "nothing");
  testfix::write_pdf(book / "KS.2007.01.2008-02-03.03.pdf", 200, 300, "");
  // A JPEG saved without an extension, and a PNG misnamed .jpg: found by content.
  std::vector<uchar> jpg;
  cv::imencode(".jpg", testfix::page_image(4), jpg);
  testfix::write_text(dir.path() / "scan0004", std::string(jpg.begin(), jpg.end()));
  cv::imwrite((dir.path() / "misnamed.png").string(), testfix::page_image(5));
  std::filesystem::rename(dir.path() / "misnamed.png", dir.path() / "misnamed.jpg");
  // Broken ones: each reported, none stops the walk.
  testfix::write_text(dir.path() / "empty.tif", "");
  testfix::write_text(dir.path() / "fake.png", "<html>not an image</html>");
  testfix::write_text(dir.path() / "broken.pdf", "%PDF-1.7\ngarbage");
  testfix::write_text(dir.path() / ".hidden" / "x.png", "");

  Discovery d = discover_pages({dir.path()}, {});
  std::vector<std::string> rels;
  for (const auto& p : d.pages) rels.push_back(p.rel_path);
  std::vector<std::string> expect{
      "misnamed.jpg", "scan0004",
      "Tỉnh A/Huyện B/Xã C/ks/2007.01/KS.2007.01.2008-01-28.01.png",
      "Tỉnh A/Huyện B/Xã C/ks/2007.01/KS.2007.01.2008-01-28.02.png",
      "Tỉnh A/Huyện B/Xã C/ks/2007.01/KS.2007.01.2008-02-03.03.pdf",
  };
  std::sort(expect.begin(), expect.end());
  EXPECT_EQ(rels, expect);
  for (const auto& p : d.pages) {
    if (p.rel_path.find("ks/") == std::string::npos) {
      EXPECT_FALSE(p.book.matched) << p.rel_path;
      continue;
    }
    EXPECT_TRUE(p.book.matched) << p.rel_path;
    EXPECT_EQ(p.book.commune, "Xã C");
    EXPECT_EQ(p.book.province, "Tỉnh A");
    EXPECT_EQ(p.book.year, 2007);
  }
  // Every discovered page loads.
  for (const auto& p : d.pages) EXPECT_NO_THROW(load_page(p, {})) << p.rel_path;

  ASSERT_EQ(d.failures.size(), 3u);
  std::string all;
  for (const auto& f : d.failures) all += std::string(f.what()) + "\n";
  EXPECT_NE(all.find("empty.tif: empty file"), std::string::npos) << all;
  EXPECT_NE(all.find("fake.png: not an image"), std::string::npos) << all;
  EXPECT_NE(all.find("broken.pdf: PDF cannot be opened"), std::string::npos) << all;
}

TEST(Discover, FileInputsAndMissingInputs) {
  testkit::TempDir dir;
  cv::imwrite((dir / "KS.2017.01.p0003.png").string(), testfix::page_image(3));
  Discovery d = discover_pages({dir / "KS.2017.01.p0003.png", dir / "nope"}, {});
  ASSERT_EQ(d.pages.size(), 1u);
  EXPECT_EQ(d.pages[0].rel_path, "KS.2017.01.p0003.png");
  EXPECT_EQ(d.pages[0].book.book_page, 3);
  ASSERT_EQ(d.failures.size(), 1u);
  EXPECT_NE(std::string(d.failures[0].what()).find("no such file"), std::string::npos);
}

TEST(Discover, Deterministic) {
  testkit::TempDir dir;
  for (int i : {5, 1, 3, 2, 4})
    cv::imwrite((dir / ("p" + std::to_string(i) + ".png")).string(), testfix::page_image(i));
  Discovery a = discover_pages({dir.path()}, {}), b = discover_pages({dir.path()}, {});
  ASSERT_EQ(a.pages.size(), 5u);
  for (size_t i = 0; i < a.pages.size(); ++i) {
    EXPECT_EQ(a.pages[i].rel_path, b.pages[i].rel_path);
    EXPECT_EQ(a.pages[i].rel_path, "p" + std::to_string(i + 1) + ".png");
  }
}

}  // namespace
}  // namespace ledger

namespace ledger {
namespace {

TEST(Discover, SharedRealScans) {
  auto root = testkit::shared_dir() / "data" / "real-scans";
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "no shared/data/real-scans";
  Discovery d = discover_pages({root}, {});
  EXPECT_TRUE(d.failures.empty());
  // Images only: the .xml, .txt and .uzn ground truth next to them is skipped.
  ASSERT_FALSE(d.pages.empty());
  for (const auto& p : d.pages) {
    std::string ext = std::filesystem::path(p.rel_path).extension().string();
    EXPECT_TRUE(ext == ".jpg" || ext == ".tif" || ext == ".png") << p.rel_path;
    EXPECT_FALSE(p.book.matched) << p.rel_path;  // not register-named
  }
  auto it = std::find_if(d.pages.begin(), d.pages.end(),
                         [](const PageRef& p) { return p.rel_path == "tesseract-test-gt/phototest.tif"; });
  ASSERT_NE(it, d.pages.end());
  PageImage img = load_page(*it, {});
  EXPECT_EQ(img.bgr.type(), CV_8UC3);
  EXPECT_GT(img.bgr.cols, 100);
}

}  // namespace
}  // namespace ledger
