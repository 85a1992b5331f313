// Benchmark: how fast evaluation scores drafts against ground truth (no baseline OCR), and how
// long writing the report takes, on generated in-memory pages. Prints numbers.
#include <chrono>
#include <cstdio>
#include <random>

#include "evaluate/evaluate.hpp"
#include "evaluate/report_html.hpp"
#include "evaluate/report_json.hpp"

int main(int argc, char** argv) {
  using namespace ledger;
  const int pages = argc > 1 ? std::atoi(argv[1]) : 2000;
  const char* keys[] = {"so", "nksHoTen", "nksNgaySinh", "nksGioiTinh", "nksDanToc", "nksNoiSinh", "meHoTen", "chaHoTen"};
  const char* values[] = {"11/2017", "Lưu Ngọc Hoà", "19.10.1985", "Nam", "Kinh", "Xã Hướng Phùng, Huyện Hướng Hóa",
                          "Nguyễn Thị Thuỷ", "Trần Văn Đức"};
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<GtPage> gt;
  std::vector<DraftPage> drafts;
  for (int p = 0; p < pages; ++p) {
    GtPage g;
    g.rel_image = "p" + std::to_string(p) + ".png";
    g.gt.layout = "ks-ledger";
    DraftPage d;
    d.image = g.rel_image;
    d.layout = "ks-ledger";
    for (int r = 0; r < 12; ++r) {
      GtRecord gr;
      DraftRecord dr;
      dr.record = r;
      for (int k = 0; k < 8; ++k) {
        Box box{100 * k, 100 + 60 * r, 90, 50};
        gr.fields.push_back({keys[k], GtField{values[k], box, k % 2 == 0}});
        DraftField f;
        f.confidence = u(rng);
        f.value = u(rng) < f.confidence ? values[k] : std::string(values[k]) + "x";
        f.raw = f.value;
        f.status = f.confidence > 0.9 ? FieldStatus::Accept : FieldStatus::Review;
        f.box = box;
        dr.fields.push_back({keys[k], f});
      }
      g.gt.records.push_back(gr);
      d.records.push_back(dr);
    }
    gt.push_back(std::move(g));
    drafts.push_back(std::move(d));
  }
  EvalOptions o;
  o.baseline = false;
  auto t0 = std::chrono::steady_clock::now();
  EvalReport r = evaluate(gt, drafts, o);
  auto t1 = std::chrono::steady_clock::now();
  std::string html = report_html(r);
  std::string json = report_json(r).dump(2);
  auto t2 = std::chrono::steady_clock::now();
  const double s_eval = std::chrono::duration<double>(t1 - t0).count();
  const double s_rep = std::chrono::duration<double>(t2 - t1).count();
  std::printf("pages %d, fields %ld\n", pages, r.overall.fields);
  std::printf("evaluate: %.3f s, %.0f fields/s\n", s_eval, r.overall.fields / s_eval);
  std::printf("report (html %zu bytes, json %zu bytes): %.3f s\n", html.size(), json.size(), s_rep);
  return 0;
}
