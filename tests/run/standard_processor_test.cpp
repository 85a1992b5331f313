// The real stage chain (ingest -> preprocess -> layout -> ocr -> fields) under the TBB runner,
// with the fake OCR engine and a forced layout: one draft per generated entry, boxes on the page.
#include "run/standard_processor.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <opencv2/imgcodecs.hpp>

#include "core/ground_truth.hpp"
#include "ingest/discover.hpp"
#include "ocr/fake_engine.hpp"
#include "run/run_pipeline.hpp"
#include "synth/synth_book.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

// Generated ledger pages (seed 17, 150 dpi) written to `out`.
synth::SynthOptions ledger_pages(int pages, const std::filesystem::path& out) {
  synth::SynthOptions so;
  so.layout_id = "ks-ledger";
  so.pages = pages;
  so.seed = 17;
  so.dpi_min = so.dpi_max = 150;
  so.out = out;
  return so;
}

TEST(StandardProcessor, EveryGeneratedEntryBecomesOneDraft) {
  testkit::TempDir tmp;
  auto book = synth::synthesize(ledger_pages(2, tmp / "pages"));
  size_t expected = 0;
  for (const auto& p : book.pages) expected += size_t(p.records);

  PipelineConfig config = default_pipeline_config();
  config.layout_id = "ks-ledger";  // the fake engine reads no printed labels
  StandardProcessorFactory factory(
      config, std::make_shared<FakeEngineFactory>([](const OcrRequest&) {
        return FakeEngine::result_of("12", 0.9);  // every cell with ink reads "12"
      }));
  auto found = discover_pages({tmp / "pages"}, {});
  ASSERT_EQ(found.pages.size(), 2u);
  RunOptions opts;
  opts.pages = found.pages;
  opts.threads = 2;
  auto store = Store::open(tmp / "s.sqlite");
  NullProgress progress;
  auto summary = run_pipeline(opts, factory, store, progress);
  ASSERT_EQ(summary.failed, 0) << summary.failures.at(0).reason;
  EXPECT_EQ(summary.done, 2);

  auto records = store.records();
  EXPECT_EQ(records.size(), expected);
  for (const auto& r : records) {
    EXPECT_EQ(r.page.layout_id, "ks-ledger");
    EXPECT_EQ(r.page.sha256.size(), 64u);
    ASSERT_FALSE(r.draft.fields.empty());
    for (const auto& [key, f] : r.draft.fields) {
      if (f.box.empty()) continue;
      EXPECT_LE(f.box.x + f.box.w, r.page.width + 1) << key;
      EXPECT_LE(f.box.y + f.box.h, r.page.height + 1) << key;
    }
  }
}

TEST(StandardProcessor, ABadFileIsAFailedPageNotAnException) {
  testkit::TempDir tmp;
  std::ofstream(tmp / "broken.png") << "not really a png";
  PipelineConfig config = default_pipeline_config();
  StandardProcessorFactory factory(config, std::make_shared<FakeEngineFactory>(
                                               [](const OcrRequest&) { return OcrResult{}; }));
  PageRef ref;
  ref.path = (tmp / "broken.png").string();
  auto result = factory.make()->process(ref);
  EXPECT_FALSE(result.error.empty());
  EXPECT_TRUE(result.records.empty());
}

TEST(StandardProcessor, APageNoLayoutMatchedIsTriedAgainAtItsSizesResolution) {
  // A blank page matches no layout. Its PNG gives no resolution and its size suggests 126 dpi,
  // not the assumed 300: it is preprocessed and registered a second time. The same pixels in a
  // TIFF that says 126 dpi are registered once.
  testkit::TempDir tmp;
  cv::Mat blank(1435, 1000, CV_8UC3, cv::Scalar::all(235));
  cv::imwrite((tmp / "KS.2018.01.p0001.png").string(), blank);
  cv::imwrite((tmp / "KS.2018.01.p0002.tif").string(), blank,
              {cv::IMWRITE_TIFF_RESUNIT, 2, cv::IMWRITE_TIFF_XDPI, 126, cv::IMWRITE_TIFF_YDPI, 126});
  auto calls = std::make_shared<int>(0);
  StandardProcessorFactory factory(default_pipeline_config(),
                                   std::make_shared<FakeEngineFactory>([calls](const OcrRequest&) {
                                     ++*calls;
                                     return OcrResult{};
                                   }));
  auto found = discover_pages({tmp.path()}, {});
  ASSERT_EQ(found.pages.size(), 2u);
  std::map<std::string, int> calls_per_page;
  for (const auto& ref : found.pages) {
    *calls = 0;
    auto result = factory.make()->process(ref);
    EXPECT_EQ(result.error, "no layout matched") << ref.path;
    calls_per_page[std::filesystem::path(ref.path).extension().string()] = *calls;
  }
  ASSERT_GT(calls_per_page[".tif"], 0);
  EXPECT_GT(calls_per_page[".png"], calls_per_page[".tif"]);
}

TEST(StandardProcessor, PlacesAreReadWithTheUnitsTheBooksFoldersName) {
  // One ledger page twice: in its commune's folders and loose. Every line of every cell reads
  // one badly written place (a place cell holds two lines, so the value is that twice); only
  // the page that knows its book's units reads its district and province as the book's.
  testkit::TempDir tmp;
  synth::SynthOptions so = ledger_pages(1, tmp / "Quảng Trị" / "Hướng Hóa" / "Ba Tầng" / "ks" / "2017.01");
  so.year = 2017;
  auto book = synth::synthesize(so);
  ASSERT_EQ(book.pages.size(), 1u);
  std::filesystem::create_directories(tmp / "loose");
  std::filesystem::copy_file(book.pages[0].image, tmp / "loose" / book.pages[0].image.filename());

  PipelineConfig config = default_pipeline_config();
  config.layout_id = "ks-ledger";
  StandardProcessorFactory factory(config, std::make_shared<FakeEngineFactory>([](const OcrRequest&) {
                                     return FakeEngine::result_of("Xã 8a 7ồng, huyện Hướng /lóa, tỉnh Quảng 7r/", 0.9);
                                   }));
  auto found = discover_pages({tmp.path()}, {});
  ASSERT_EQ(found.pages.size(), 2u);
  std::map<bool, std::vector<std::string>> places;  // by whether the page is in its commune's folder
  for (const auto& ref : found.pages) {
    auto result = factory.make()->process(ref);
    ASSERT_TRUE(result.error.empty()) << result.error;
    for (const auto& record : result.records)
      for (const auto& [key, f] : record.fields)
        if (f.type == FieldType::Place && !f.value.empty()) places[!ref.book.commune.empty()].push_back(f.value);
  }
  ASSERT_FALSE(places[true].empty());
  ASSERT_EQ(places[true].size(), places[false].size());
  const std::string units = ", huyện Hướng Hóa, tỉnh Quảng Trị";
  for (const auto& v : places[true]) EXPECT_TRUE(v.ends_with(units)) << v;
  for (const auto& v : places[false]) EXPECT_FALSE(v.ends_with(units)) << v;
}

}  // namespace
}  // namespace ledger
