// Decoding pages: multi-page TIFF, PDF crop box, hashes, and clear errors (ingest/load_page.hpp).
#include "ingest/load_page.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/error.hpp"
#include "ingest/discover.hpp"
#include "fixtures.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

PageRef ref_of(const std::filesystem::path& p, int page = 1, int count = 1) {
  PageRef r;
  r.path = p.string();
  r.rel_path = p.filename().string();
  r.page = page;
  r.page_count = count;
  return r;
}

std::string load_error(const PageRef& ref, const IngestOptions& opts = {}) {
  try {
    load_page(ref, opts);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(LoadPage, MultiPageTiffGivesEveryPage) {
  testkit::TempDir dir;
  std::vector<cv::Mat> pages{testfix::page_image(1), testfix::page_image(2), testfix::page_image(3)};
  ASSERT_TRUE(cv::imwritemulti((dir / "KS.2017.01.tif").string(), pages));
  Discovery d = discover_pages({dir.path()}, {});
  ASSERT_EQ(d.pages.size(), 3u);
  EXPECT_TRUE(d.failures.empty());
  std::set<std::string> hashes;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(d.pages[i].page, i + 1);
    EXPECT_EQ(d.pages[i].page_count, 3);
    EXPECT_EQ(d.pages[i].book.type, "KS");
    PageImage img = load_page(d.pages[i], {});
    ASSERT_EQ(img.bgr.type(), CV_8UC3);
    ASSERT_EQ(img.bgr.size(), pages[i].size());
    // Lossless: the decoded page is the page that was written.
    EXPECT_EQ(cv::norm(img.bgr, pages[i], cv::NORM_INF), 0) << "page " << i + 1;
    EXPECT_EQ(img.sha256.size(), 64u);
    EXPECT_EQ(img.sha256, load_page(d.pages[i], {}).sha256);  // stable
    hashes.insert(img.sha256);
  }
  EXPECT_EQ(hashes.size(), 3u);  // different per page
}

TEST(LoadPage, SamePixelsSameHashAcrossFormats) {
  testkit::TempDir dir;
  cv::Mat m = testfix::page_image(7);
  cv::imwrite((dir / "a.png").string(), m);
  cv::imwrite((dir / "a.tif").string(), m);
  cv::imwrite((dir / "a.bmp").string(), m);
  std::string h = load_page(ref_of(dir / "a.png"), {}).sha256;
  EXPECT_EQ(load_page(ref_of(dir / "a.tif"), {}).sha256, h);
  EXPECT_EQ(load_page(ref_of(dir / "a.bmp"), {}).sha256, h);
  EXPECT_EQ(h, page_sha256(m));
}

TEST(LoadPage, DpiFromFile) {
  testkit::TempDir dir;
  cv::Mat m = testfix::page_image(3);
  cv::imwrite((dir / "a.tif").string(), m,
              {cv::IMWRITE_TIFF_RESUNIT, 2, cv::IMWRITE_TIFF_XDPI, 400, cv::IMWRITE_TIFF_YDPI, 400});
  EXPECT_EQ(load_page(ref_of(dir / "a.tif"), {}).dpi, 400);
  EXPECT_FALSE(load_page(ref_of(dir / "a.tif"), {}).dpi_assumed);
  cv::imwrite((dir / "b.png").string(), m);  // no pHYs: assumed
  EXPECT_EQ(load_page(ref_of(dir / "b.png"), {}).dpi, 300);
  EXPECT_TRUE(load_page(ref_of(dir / "b.png"), {}).dpi_assumed);
}

TEST(LoadPage, AResolutionTheFileDoesNotGiveIsGuessedFromThePageSize) {
  EXPECT_EQ(dpi_from_page_size({2480, 3508}), 307);  // A4 at 300 dpi (a 290 mm long side assumed)
  EXPECT_EQ(dpi_from_page_size({3508, 2480}), 307);  // the same, landscape
  EXPECT_EQ(dpi_from_page_size({1535, 2203}), 193);  // a generated page at 195 dpi
  EXPECT_EQ(dpi_from_page_size({300, 400}), 100);    // a thumbnail: the floor
  EXPECT_EQ(dpi_from_page_size({9000, 12000}), 600);
}

TEST(LoadPage, APageIsRetriedAtItsSizesResolutionOnlyWhenItsFileGaveNone) {
  PageImage page;
  page.bgr = cv::Mat(2203, 1535, CV_8UC3, cv::Scalar::all(255));
  page.dpi_assumed = true;
  EXPECT_EQ(retry_dpi(page), 193);
  page.dpi_assumed = false;  // the file said 300: believed
  EXPECT_EQ(retry_dpi(page), std::nullopt);
  page.dpi_assumed = true;
  page.bgr = cv::Mat(3300, 2300, CV_8UC3, cv::Scalar::all(255));  // looks like 289 dpi: near 300
  EXPECT_EQ(retry_dpi(page), std::nullopt);
}

TEST(LoadPage, PdfRendersOnlyTheCropBox) {
  testkit::TempDir dir;
  // A 400x200 pt spread; the crop box keeps the left (red) page only.
  testfix::write_pdf(dir / "spread.pdf", 400, 200, "0 0 200 200");
  testfix::write_pdf(dir / "full.pdf", 400, 200, "");
  IngestOptions opts;
  opts.pdf_dpi = 144;  // 2 px per point
  PageImage crop = load_page(ref_of(dir / "spread.pdf"), opts);
  EXPECT_NEAR(crop.bgr.cols, 400, 2);
  EXPECT_NEAR(crop.bgr.rows, 400, 2);
  EXPECT_EQ(crop.dpi, 144);
  cv::Scalar mean = cv::mean(crop.bgr);
  EXPECT_GT(mean[2], 200);  // red
  EXPECT_LT(mean[0], 50);   // no blue page in it

  PageImage full = load_page(ref_of(dir / "full.pdf"), opts);
  EXPECT_NEAR(full.bgr.cols, 800, 2);
  EXPECT_NEAR(full.bgr.rows, 400, 2);
  EXPECT_NE(full.sha256, crop.sha256);
}

TEST(LoadPage, MultiPagePdfAndConcurrentRendering) {
  testkit::TempDir dir;
  testfix::write_pdf(dir / "KS.2010.02.pdf", 300, 400, "10 10 290 390", 3);
  IngestOptions opts;
  opts.pdf_dpi = 72;
  Discovery d = discover_pages({dir.path()}, opts);
  ASSERT_EQ(d.pages.size(), 3u);
  EXPECT_EQ(d.pages[2].page, 3);
  EXPECT_EQ(d.pages[2].page_count, 3);
  EXPECT_EQ(d.pages[0].book.year, 2010);
  // The pipeline loads pages on several threads: poppler must render them side by side.
  std::vector<std::string> hashes(6);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < hashes.size(); ++i)
    threads.emplace_back([&, i] { hashes[i] = load_page(d.pages[i % 3], opts).sha256; });
  for (auto& t : threads) t.join();
  PageImage one = load_page(d.pages[0], opts);
  EXPECT_NEAR(one.bgr.cols, 280, 1);
  EXPECT_NEAR(one.bgr.rows, 380, 1);
  for (const auto& h : hashes) EXPECT_EQ(h, one.sha256);  // same drawing on every page
}

TEST(LoadPage, RefusesOversizedImagesFromTheHeader) {
  testkit::TempDir dir;
  cv::Mat m(300, 400, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::imwrite((dir / "big.png").string(), m);
  IngestOptions opts;
  opts.max_pixels = 100'000;
  std::string err = load_error(ref_of(dir / "big.png"), opts);
  EXPECT_NE(err.find("image 400x300 exceeds the pixel limit 100000"), std::string::npos) << err;
  EXPECT_NE(err.find("big.png"), std::string::npos) << err;
  // Multi-page formats check the page they load.
  std::vector<cv::Mat> pages{cv::Mat(100, 100, CV_8UC3, cv::Scalar::all(255)), m};
  cv::imwritemulti((dir / "book.tif").string(), pages);
  EXPECT_NO_THROW(load_page(ref_of(dir / "book.tif", 1, 2), opts));
  err = load_error(ref_of(dir / "book.tif", 2, 2), opts);
  EXPECT_NE(err.find("book.tif#2: image 400x300 exceeds the pixel limit 100000"), std::string::npos) << err;
  testfix::write_pdf(dir / "wide.pdf", 400, 200, "");
  opts.pdf_dpi = 72;
  EXPECT_NO_THROW(load_page(ref_of(dir / "wide.pdf"), opts));
  opts.pdf_dpi = 300;  // 1667 x 834 px
  err = load_error(ref_of(dir / "wide.pdf"), opts);
  EXPECT_NE(err.find("exceeds the pixel limit 100000"), std::string::npos) << err;

  // A PNG header claiming 20000x20000 with no pixel data behind it: refused on the header,
  // never decoded (decoding would fail differently or allocate 1.2 GB).
  std::string png = cv::format("%s", "");
  std::vector<uchar> buf;
  cv::imencode(".png", cv::Mat(1, 1, CV_8UC3, cv::Scalar(0, 0, 0)), buf);
  std::string bytes(buf.begin(), buf.end());
  auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + i] = char(v >> (24 - 8 * i));
  };
  put32(16, 20000);
  put32(20, 20000);
  testfix::write_text(dir / "huge.png", bytes);
  err = load_error(ref_of(dir / "huge.png"));
  EXPECT_NE(err.find("image 20000x20000 exceeds the pixel limit 120000000"), std::string::npos) << err;
}

TEST(LoadPage, BrokenFilesGiveClearReasons) {
  testkit::TempDir dir;
  std::vector<uchar> png, jpg;
  cv::Mat m = testfix::page_image(5, 300, 300);
  cv::imencode(".png", m, png);
  cv::imencode(".jpg", m, jpg);
  testfix::write_text(dir / "empty.png", "");
  testfix::write_text(dir / "text.png", "hello, I am not a picture\n");
  testfix::write_text(dir / "trunc.png", std::string(png.begin(), png.begin() + png.size() / 2));
  testfix::write_text(dir / "trunc.jpg", std::string(jpg.begin(), jpg.begin() + jpg.size() / 2));
  testfix::write_text(dir / "head.jpg", std::string(jpg.begin(), jpg.begin() + 8));
  testfix::write_text(dir / "bad.pdf", "%PDF-1.4\nthis is not really a PDF\n");
  testfix::write_text(dir / "bad.tif", std::string("II*\0\xff\xff\xff\x7f", 8));
  std::vector<uchar> tif;
  cv::imencode(".tif", m, tif);
  testfix::write_text(dir / "trunc.tif", std::string(tif.begin(), tif.begin() + tif.size() / 2));
  // Uncompressed with the directory first (as scanners write it): only the pixel data is cut.
  auto real = testkit::shared_dir() / "data" / "real-scans" / "tesseract-test-gt" / "phototest.tif";
  if (std::filesystem::exists(real)) {
    std::ifstream in(real, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    testfix::write_text(dir / "cut.tif", bytes.substr(0, bytes.size() / 2));
  }
  std::vector<std::pair<std::string, std::string>> cases{
      {"empty.png", "empty file"},           {"text.png", "not an image"},
      {"trunc.png", "truncated PNG"},        {"trunc.jpg", "truncated JPEG"},
      {"head.jpg", "truncated JPEG header"}, {"bad.pdf", "PDF cannot be opened"},
      {"bad.tif", "TIFF cannot be opened"},  {"trunc.tif", "TIFF"},
  };
  if (std::filesystem::exists(dir / "cut.tif")) cases.emplace_back("cut.tif", "truncated or damaged");
  for (const auto& [name, reason] : cases) {
    std::string err = load_error(ref_of(dir / name));
    EXPECT_NE(err.find(reason), std::string::npos) << name << ": " << err;
    EXPECT_NE(err.find(name), std::string::npos) << name << ": " << err;
  }
}

TEST(LoadPage, MissingPageOfMultiPageFile) {
  testkit::TempDir dir;
  std::vector<cv::Mat> pages{testfix::page_image(1), testfix::page_image(2)};
  cv::imwritemulti((dir / "b.tif").string(), pages);
  std::string err = load_error(ref_of(dir / "b.tif", 5, 2));
  EXPECT_NE(err.find("b.tif#5"), std::string::npos) << err;
  EXPECT_NE(err.find("no page 5"), std::string::npos) << err;
}

}  // namespace
}  // namespace ledger
