// The generator's opt-in "one hand" books (synth::SynthOptions::one_hand), used to measure
// grouping: every page handwritten, whatever hand_ratio says; the default stays as it was.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/ground_truth.hpp"
#include "synth/synth_book.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

std::string bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SynthOneHand, EveryPageIsHandwrittenAndTheDefaultIsUnchanged) {
  testkit::TempDir tmp;
  synth::SynthOptions o;
  o.pages = 2;
  o.seed = 11;
  o.hand_ratio = 0;  // would type every page
  o.builtin_lexicon = true;
  o.clean = true;
  o.dpi_min = o.dpi_max = 100;
  o.out = tmp / "one";
  o.one_hand = true;
  auto one = synth::synthesize(o);
  ASSERT_EQ(one.pages.size(), 2u);
  for (const auto& p : one.pages) {
    EXPECT_TRUE(p.hand);
    auto gt = read_ground_truth(p.sidecar);
    ASSERT_FALSE(gt.records.empty());
    const GtField* f = gt.records[0].find("nksHoTen");
    ASSERT_TRUE(f && f->hand);
    EXPECT_TRUE(*f->hand);
  }
  // Without the option the same seed types its pages, as before the option existed, and the
  // entries are the same ones (the hand is drawn from its own stream).
  o.one_hand = false;
  o.out = tmp / "typed";
  auto typed = synth::synthesize(o);
  for (size_t i = 0; i < typed.pages.size(); ++i) {
    EXPECT_FALSE(typed.pages[i].hand);
    auto a = read_ground_truth(one.pages[i].sidecar), b = read_ground_truth(typed.pages[i].sidecar);
    ASSERT_EQ(a.records.size(), b.records.size());
    EXPECT_EQ(a.records[0].find("nksHoTen")->value, b.records[0].find("nksHoTen")->value);
    EXPECT_NE(bytes(one.pages[i].image), bytes(typed.pages[i].image));
  }
}

}  // namespace
}  // namespace ledger
