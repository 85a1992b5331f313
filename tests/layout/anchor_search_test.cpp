// Tests for label matching against OCR words and the choice of anchor windows.
#include "layout/anchor_search.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "layout/layout_loader.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

std::vector<OcrWord> line(const std::vector<std::string>& texts, int y = 10) {
  std::vector<OcrWord> out;
  int x = 0;
  for (const auto& t : texts) {
    out.push_back({t, 0.9, Box{x, y, 20 * int(t.size()), 20}});
    x += 20 * int(t.size()) + 10;
  }
  return out;
}

TEST(MatchLabel, IgnoresCaseToneMarkPlacementAndPunctuation) {
  auto words = line({"xxx", "HỌ,", "CHỮ", "ĐỆM,", "TÊN", "NGUYỄN"});
  auto hits = match_label("Họ, chữ đệm, tên:", words, 4, 0.75);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].first, 1u);
  EXPECT_EQ(hits[0].last, 4u);
  EXPECT_TRUE(hits[0].whole);
  EXPECT_GT(hits[0].similarity, 0.99);
  // "Hoà" and "Hòa" are the same word for matching.
  EXPECT_FALSE(match_label("Thanh Hoà", line({"Thanh", "Hòa"}), 4, 0.9).empty());
}

TEST(MatchLabel, SurvivesSplitMergedAndMisreadWords) {
  EXPECT_FALSE(match_label("Giới tính:", line({"Giớitính:"}), 4, 0.75).empty());
  EXPECT_FALSE(match_label("Quê quán:", line({"Quê", "quan", "Xã"}), 4, 0.75).empty());
  EXPECT_FALSE(match_label("Nơi sinh:", line({"Nơi", "sỉnh:"}), 4, 0.75).empty());
  EXPECT_TRUE(match_label("Nơi sinh:", line({"Ngày", "tháng"}), 4, 0.75).empty());
  // Words on another line are not consecutive.
  auto two = line({"Nơi"});
  two.push_back({"sinh:", 0.9, Box{80, 200, 100, 20}});
  EXPECT_TRUE(match_label("Nơi sinh:", two, 4, 0.9).empty());
}

TEST(PickAnchors, SpreadsLongLabelsOverThePage) {
  auto L = load_layout(testkit::source_dir() / "config/layouts/ks-2016.yaml");
  AnchorSearchOptions opts;
  auto picked = pick_anchors(L, opts);
  ASSERT_EQ(int(picked.size()), opts.max_anchors);
  double y0 = 1, y1 = 0, x0 = 1, x1 = 0;
  for (const auto& a : picked) {
    EXPECT_GE(utf8_length(a.text), opts.min_chars) << a.text;
    y0 = std::min(y0, a.at.y), y1 = std::max(y1, a.at.y);
    x0 = std::min(x0, a.at.x), x1 = std::max(x1, a.at.x);
  }
  // Top to bottom and left to right column: a well-conditioned fit.
  EXPECT_GT(y1 - y0, 0.6);
  EXPECT_GT(x1 - x0, 0.4);
}

}  // namespace
}  // namespace ledger
