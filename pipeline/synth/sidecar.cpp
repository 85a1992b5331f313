// Ground truth of generated pages (see sidecar.hpp).
#include "synth/sidecar.hpp"

#include "synth/degrade.hpp"

namespace ledger::synth {

GroundTruth make_ground_truth(const LayoutTemplate& layout, const std::vector<SynthRecord>& entries,
                              const RenderedPage& page, const cv::Matx33d& H, int width, int height,
                              const SynthBook& book, int page_no, const std::string& image_name) {
  GroundTruth gt;
  gt.image = image_name;
  gt.layout = layout.id;
  GtBook b;
  b.type = layout.book_type.empty() ? "KS" : layout.book_type;
  b.year = book.year;
  b.volume = book.volume;
  b.unit = book.unit.commune + ", " + book.unit.district + ", " + book.unit.province;
  gt.book = b;
  gt.page = page_no;
  gt.dpi = page.dpi;
  for (size_t r = 0; r < page.records.size() && r < entries.size(); ++r) {
    GtRecord rec;
    for (const auto& ink : page.records[r]) {
      GtField f;
      const SynthValue* v = entries[r].find(ink.key);
      const Box box = transform_box(ink.box, H, width, height);
      if (v && !v->value.empty() && !box.empty()) {
        f.value = v->value;
        f.box = box;
        f.hand = ink.hand;
      }
      rec.fields.emplace_back(ink.key, std::move(f));
    }
    gt.records.push_back(std::move(rec));
  }
  return gt;
}

}  // namespace ledger::synth
