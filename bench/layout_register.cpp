// Benchmark of the layout stage on pages with ground truth (e.g. `ledger-ocr synth` output):
// layout chosen, anchors found, how well field regions cover the written values, and time.
// Run with OMP_THREAD_LIMIT=1 (as ledger-ocr does) so the CPU times mean one core.
// Usage: layout_register DIR [--hint] [--layouts DIR] [--text-px N] [--window FRACTION]   (DIR holds NAME.png + NAME.gt.json)
#include <ctime>
#include <iostream>
#include <map>

#include <opencv2/imgcodecs.hpp>

#include "core/ground_truth.hpp"
#include "layout/register_page.hpp"
#include "ocr/tesseract_engine.hpp"
#include "preprocess/preprocess.hpp"

using namespace ledger;

namespace {

Box to_source(const CleanPage& p, const Box& b) {
  Point c[4] = {{double(b.x), double(b.y)}, {double(b.x + b.w), double(b.y)},
                {double(b.x), double(b.y + b.h)}, {double(b.x + b.w), double(b.y + b.h)}};
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (auto& q : c) {
    Point s = clean_to_source(p, q);
    x0 = std::min(x0, s.x), y0 = std::min(y0, s.y), x1 = std::max(x1, s.x), y1 = std::max(y1, s.y);
  }
  return {int(x0), int(y0), int(x1 - x0), int(y1 - y0)};
}

// Counts the time spent in OCR, to tell it from the image work of the stage.
class TimedEngine : public OcrEngine {
 public:
  explicit TimedEngine(OcrEngine& e) : e_(e) {}
  OcrResult recognize(const OcrRequest& r) override {
    std::clock_t c0 = std::clock();
    auto res = e_.recognize(r);
    seconds += double(std::clock() - c0) / CLOCKS_PER_SEC;
    ++calls;
    return res;
  }
  std::string name() const override { return e_.name(); }
  double seconds = 0;  // CPU time: the machine this runs on is often shared
  int calls = 0;

 private:
  OcrEngine& e_;
};

struct Stats {
  int pages = 0, right_layout = 0, fields = 0, contained = 0, iou50 = 0;
  double seconds = 0, anchors = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: layout_register DIR [--hint] [--layouts DIR]\n";
    return 2;
  }
  std::filesystem::path dir = argv[1], layouts_dir = default_layout_dir();
  bool hint = false;
  RegisterOptions opts;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--hint") hint = true;
    if (a == "--text-px" && i + 1 < argc) opts.anchors.text_px = std::atoi(argv[++i]);
    if (a == "--window" && i + 1 < argc) opts.anchors.window = std::atof(argv[++i]);
    if (a == "--layouts" && i + 1 < argc) layouts_dir = argv[++i];
  }
  LayoutLibrary lib = LayoutLibrary::load_dir(layouts_dir);
  TesseractEngine tess("", "vie");
  TimedEngine ocr(tess);
  std::map<std::string, Stats> by_layout;
  for (const auto& sidecar : find_sidecars(dir)) {
    GroundTruth gt = read_ground_truth(sidecar);
    PageImage img;
    img.bgr = cv::imread((sidecar.parent_path() / gt.image).string(), cv::IMREAD_COLOR);
    img.dpi = gt.dpi.value_or(300);
    if (hint) img.ref.layout_hint = gt.layout;
    CleanPage clean = preprocess(img);
    std::clock_t c0 = std::clock();
    double ocr0 = ocr.seconds;
    int calls0 = ocr.calls;
    RegisteredPage r = register_page(clean, lib, ocr, opts);
    double secs = double(std::clock() - c0) / CLOCKS_PER_SEC;  // CPU seconds
    Stats& s = by_layout[gt.layout];
    s.pages++, s.seconds += secs;
    s.right_layout += r.layout_id == gt.layout;
    s.anchors += r.anchors_expected ? double(r.anchors_found) / r.anchors_expected : 0;
    std::cout << sidecar.filename().string() << ": layout " << (r.layout_id.empty() ? "-" : r.layout_id)
              << " score " << r.layout_score << " anchors " << r.anchors_found << "/" << r.anchors_expected
              << " records " << r.records.size() << " " << secs << " cpu-s (ocr " << ocr.seconds - ocr0
              << " s, " << ocr.calls - calls0 << " windows)";
    for (const auto& i : r.issues) std::cout << " [" << i << "]";
    std::cout << "\n";
    // Each GT value box against the union of the regions of its key (tables: the record whose
    // row holds the box's centre).
    for (const auto& rec : gt.records) {
      for (const auto& [key, f] : rec.fields) {
        if (!f.box || f.box->empty() || key == "loaiDangKy") continue;
        Box got;
        for (const auto& rr : r.records)
          for (const auto& region : rr.fields) {
            if (region.key != key) continue;
            Box u;
            for (const auto& l : region.lines) u = unite(u, to_source(r.page, l));
            int cy = f.box->y + f.box->h / 2;
            if (!rr.row.empty()) {
              Box row = to_source(r.page, rr.row);
              if (cy < row.y || cy >= row.y + row.h) continue;
            }
            got = u;
          }
        s.fields++;
        double inside = got.empty() ? 0 : double(intersect(got, *f.box).area()) / f.box->area();
        s.contained += inside >= 0.8;
        if (inside < 0.8)
          std::cout << "  miss " << key << ": GT [" << f.box->x << "," << f.box->y << " " << f.box->w << "x"
                    << f.box->h << "] region [" << got.x << "," << got.y << " " << got.w << "x" << got.h
                    << "] inside " << inside << "\n";
        s.iou50 += iou(got, *f.box) >= 0.5;
      }
    }
  }
  std::cout << "layout\tpages\tright-layout\tanchors\tfields\tGT box >=80% inside\tIoU>=0.5\tcpu-s/page\n";
  for (const auto& [id, s] : by_layout)
    std::cout << id << "\t" << s.pages << "\t" << s.right_layout << "\t" << s.anchors / std::max(1, s.pages)
              << "\t" << s.fields << "\t" << double(s.contained) / std::max(1, s.fields) << "\t"
              << double(s.iou50) / std::max(1, s.fields) << "\t" << s.seconds / std::max(1, s.pages) << "\n";
  return 0;
}
