// The Tesseract engine on small rendered crops: plain reading, whitelist, alternatives,
// init errors, and one engine per thread.
#include "ocr/tesseract_engine.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <thread>

#include "core/error.hpp"
#include "core/text.hpp"
#include "ocr/render.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

TesseractEngine& shared_engine() {
  static TesseractEngine engine("", "vie");
  return engine;
}

TEST(TesseractEngine, ReadsAClearLine) {
  OcrRequest req;
  req.image = testocr::render_line("NGUYEN VAN AN 1985");
  OcrResult r = shared_engine().recognize(req);
  EXPECT_LE(edit_distance(r.text, "NGUYEN VAN AN 1985"), 1u) << r.text;
  ASSERT_EQ(r.words.size(), 4u) << r.text;
  EXPECT_GT(r.mean_conf, 0.5);
  EXPECT_LE(r.min_conf, r.mean_conf);
  for (const auto& w : r.words) EXPECT_FALSE(w.box.empty());
  EXPECT_EQ(shared_engine().name(), "tesseract:vie");
}

TEST(TesseractEngine, WhitelistKeepsDigitsAndIsResetAfterwards) {
  OcrRequest req;
  req.image = testocr::render_line("ABC 12.05.2017");
  req.whitelist = "0123456789/.-";
  OcrResult r = shared_engine().recognize(req);
  ASSERT_FALSE(r.text.empty());
  for (char c : r.text) EXPECT_TRUE(c == ' ' || req.whitelist.find(c) != std::string::npos) << r.text;
  EXPECT_NE(r.text.find("12.05.2017"), std::string::npos) << r.text;
  // The next request without a whitelist reads letters again.
  OcrRequest plain;
  plain.image = testocr::render_line("ABC 12.05.2017");
  EXPECT_NE(shared_engine().recognize(plain).text.find("ABC"), std::string::npos);
}

TEST(TesseractEngine, ChoicesFollowTheText) {
  OcrRequest req;
  req.image = testocr::render_line("HOA 2017");
  req.want_choices = true;
  OcrResult r = shared_engine().recognize(req);
  ASSERT_FALSE(r.chars.empty()) << r.text;
  std::string best;
  for (const auto& c : r.chars) {
    ASSERT_FALSE(c.alternatives.empty());
    for (size_t i = 0; i < c.alternatives.size(); ++i) {
      EXPECT_GE(c.alternatives[i].second, 0.0);
      EXPECT_LE(c.alternatives[i].second, 1.0);
      if (i >= 2) EXPECT_LE(c.alternatives[i].second, c.alternatives[i - 1].second);
    }
    best += c.alternatives.front().first;
  }
  EXPECT_EQ(best, r.text);
  // Without asking, no alternatives.
  req.want_choices = false;
  EXPECT_TRUE(shared_engine().recognize(req).chars.empty());
}

TEST(TesseractEngine, ReadsVietnameseWordFromRealScan) {
  auto tif = testkit::shared_dir() / "data/real-scans/tesseract-test-gt/viet.tif";
  if (!std::filesystem::exists(tif)) GTEST_SKIP() << "no " << tif;
  OcrRequest req;
  req.image = cv::imread(tif.string(), cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(req.image.empty());
  EXPECT_EQ(shared_engine().recognize(req).text, nfc("tiếng"));
}

TEST(TesseractEngine, FailedInitNamesFolderAndLanguage) {
  try {
    TesseractEngine e("/nonexistent-tessdata", "vie");
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("/nonexistent-tessdata"), std::string::npos) << what;
    EXPECT_NE(what.find("vie"), std::string::npos) << what;
  }
}

TEST(TesseractEngine, OneEnginePerThread) {
  TesseractEngineFactory factory("", "vie");
  std::vector<std::string> texts(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      auto engine = factory.make();
      OcrRequest req;
      req.image = testocr::render_line(t == 0 ? "2017" : "1985");
      for (int i = 0; i < 3; ++i) texts[t] = engine->recognize(req).text;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(texts[0], "2017");
  EXPECT_EQ(texts[1], "1985");
}

}  // namespace
}  // namespace ledger
