// Test pages written in one synthetic hand (synth/text_renderer.hpp): words drawn with per-word
// jitter the way the generator writes values, and a small store of such pages for the grouping
// pass, built through the public Store API.
#pragma once
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "groups/word_descriptor.hpp"
#include "groups/word_image.hpp"
#include "records/store.hpp"
#include "synth/rng.hpp"
#include "synth/text_renderer.hpp"

namespace ledger::groups::test {

/// The one hand of a test book: a slanted sans in blue ballpoint, jittered per word.
inline synth::TextStyle hand_style(double size_px = 34) {
  synth::TextStyle st;
  st.family = "DejaVu Sans";
  st.italic = true;
  st.shear = 0.2;
  st.size_px = size_px;
  st.hand = true;
  st.ink = {0.1, 0.16, 0.54};
  return st;
}

/// Writes `text` once on its own canvas (a dotted line under it, as on the forms) and returns its
/// descriptor; `seed` draws the jitter, so two seeds are two writings of the same word.
inline WordDescriptor written(const std::string& text, uint64_t seed, double size_px = 34) {
  synth::Canvas c(700, 120);
  synth::Rng rng(seed);
  c.dotted_line(10, 690, 82, 2.5);
  auto e = c.draw_text(text, 30, 80, hand_style(size_px), &rng);
  Box line{10, 40, 680, 48};
  (void)e;
  return describe_word(word_image(c.to_bgr(), line));
}

/// One value of a test page.
struct TestField {
  std::string key;
  FieldType type;
  std::string text;                   // written and stored as the value
  FieldStatus status = FieldStatus::Review;
  double confidence = 0.4;
  std::string read_as;                // the stored reading when it is not the ink's text
};

/// What a one-record file's name says (registers.md "File naming"): its registration day
/// ("2017-01-05") and entry number ("03").
struct FileName {
  std::string reg_date, entry;
};

/// Writes a one-book store: `pages[i]` is one page holding one record with these fields, each
/// written on its own line of a 1000 x 60*n page image under `dir`. Files are named by page
/// (KS.2017.01.p0001.png), or, with `names`, as one-record files named by `names[i]`
/// (KS.2017.01.2017-01-05.03.png). Returns the store path.
inline std::filesystem::path write_hand_store(const std::filesystem::path& dir,
                                              const std::vector<std::vector<TestField>>& pages,
                                              const std::vector<FileName>& names = {}) {
  std::filesystem::create_directories(dir / "scans");
  const auto store_path = dir / "store.sqlite";
  auto store = Store::open(store_path);
  auto batch = store.begin_batch("groups test");
  int page_no = 0;
  for (const auto& fields : pages) {
    ++page_no;
    const int h = 70 * int(fields.size()) + 40;
    synth::Canvas c(1000, h);
    synth::Rng rng(uint64_t(page_no) * 7919);
    PageResult r;
    r.ref.book.type = "KS";
    r.ref.book.year = 2017;
    r.ref.book.volume = "01";
    r.ref.book.commune = "Xã Hướng Phùng";
    r.ref.book.matched = true;
    if (names.empty()) {
      r.ref.book.book_page = page_no;
      r.ref.rel_path = "KS.2017.01.p" + std::to_string(1000 + page_no).substr(1) + ".png";
    } else {
      const FileName& n = names[size_t(page_no - 1)];
      r.ref.book.reg_date = n.reg_date;
      r.ref.book.entry = n.entry;
      r.ref.rel_path = "KS.2017.01." + n.reg_date + "." + n.entry + ".png";
    }
    r.ref.path = (dir / "scans" / r.ref.rel_path).string();
    r.width = 1000;
    r.height = h;
    r.dpi = 200;
    r.layout_id = "test";
    r.sha256 = "hand-" + std::to_string(page_no);
    DraftRecord rec;
    for (size_t i = 0; i < fields.size(); ++i) {
      const auto& f = fields[i];
      const int base = 70 * int(i) + 70;
      c.dotted_line(200, 900, base + 2, 2.5);
      c.draw_text(f.text, 220, base, hand_style(), &rng);
      DraftField d;
      d.value = d.raw = f.read_as.empty() ? f.text : f.read_as;
      d.type = f.type;
      d.status = f.status;
      d.confidence = f.confidence;
      d.box = {200, base - 40, 700, 48};
      d.hand = true;
      rec.fields.emplace_back(f.key, d);
    }
    r.records.push_back(rec);
    cv::imwrite(r.ref.path, c.to_bgr());
    store.write_page(r, source_stamp(r.ref.path), batch);
  }
  store.finish_batch(batch, page_no, 0, 0);
  return store_path;
}

}  // namespace ledger::groups::test
