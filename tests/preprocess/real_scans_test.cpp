// Real paper (shared/data/real-scans, not our layouts): upright pages stay upright, turned pages
// come back upright, and their skew stays within the search range.
#include <gtest/gtest.h>

#include "core/page.hpp"
#include <opencv2/imgcodecs.hpp>

#include "preprocess/orientation.hpp"
#include "preprocess/preprocess.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

std::vector<PageImage> some_real_pages() {
  auto root = testkit::shared_dir() / "data" / "real-scans";
  std::vector<PageImage> pages;
  if (!std::filesystem::exists(root)) return pages;
  // preprocess_tests does not link ingest: OpenCV reads these plain files.
  for (const char* rel : {"lectaurep-registers/lectaurep-riant-4/DAFANCH96_048MIC06479_L-1.jpg",
                          "tesseract-test-gt/8087_054.3B.tif", "tesseract-test-gt/phototest.tif"}) {
    PageImage img;
    img.ref.rel_path = rel;
    img.bgr = cv::imread((root / rel).string(), cv::IMREAD_COLOR);
    EXPECT_FALSE(img.bgr.empty()) << rel;
    if (!img.bgr.empty()) pages.push_back(std::move(img));
  }
  return pages;
}

TEST(RealScans, UprightAndTurnedPages) {
  std::vector<PageImage> pages = some_real_pages();
  if (pages.empty()) GTEST_SKIP() << "no shared/data/real-scans";
  for (const PageImage& page : pages) {
    // Printed pages are recovered exactly; on cursive registers the half-turn cue abstains
    // (orientation.hpp), so only upright-stays-upright and the line direction are required.
    const bool printed = page.ref.rel_path.find("tesseract") != std::string::npos;
    for (int turn : {0, 90, 180, 270}) {
      PageImage img = page;
      img.bgr = rotate_quarter(page.bgr, turn);
      CleanPage clean = preprocess(std::move(img));
      if (printed || turn == 0)
        EXPECT_EQ(clean.rotation, (360 - turn) % 360) << page.ref.rel_path << " turned " << turn;
      else
        EXPECT_EQ(clean.rotation % 180, turn % 180) << page.ref.rel_path << " turned " << turn;
      EXPECT_LE(std::abs(clean.skew_degrees), 5.0) << page.ref.rel_path;
      std::printf("%s turned %d: rotation %d skew %+.2f\n", page.ref.rel_path.c_str(), turn,
                  clean.rotation, clean.skew_degrees);
    }
  }
}

}  // namespace
}  // namespace ledger
