// Fixtures of the cluster tests: shard stores filled with made-up page results (no images), and
// tiny real PNG pages for planning.
#pragma once
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "records/store.hpp"

namespace ledger::testkit {

/// A done page of `records` records, two fields each, values derived from the path; `sha` is
/// its pixel identity. An `error` makes it a failed page.
inline PageResult fake_result(const std::string& rel_path, const std::string& sha, int records = 2,
                              const std::string& error = "") {
  PageResult r;
  r.ref.path = "/scans/" + rel_path;
  r.ref.rel_path = rel_path;
  r.ref.book.type = "KS";
  r.ref.book.year = 2017;
  r.ref.book.volume = rel_path.substr(0, 2);  // "b1/..." -> volume "b1": one book per folder
  r.ref.book.matched = true;
  r.sha256 = sha;
  r.error = error;
  r.layout_id = error.empty() ? "ks-2016" : "";
  if (!error.empty()) return r;
  for (int i = 0; i < records; ++i) {
    DraftRecord rec;
    rec.record = i;
    DraftField name, so;
    name.value = "Nguyễn Văn " + rel_path + " " + std::to_string(i);
    name.status = FieldStatus::Review;
    name.confidence = 0.5;
    // Entry numbers rise through the book (".../p2.png" holds 21, 22, ...): sequence checks pass.
    char page_digit = rel_path.size() > 4 ? rel_path[rel_path.size() - 5] : '0';
    so.value = std::to_string((page_digit - '0') * 10 + i + 1);
    so.status = FieldStatus::Accept;
    so.confidence = 0.99;
    rec.fields.emplace_back("nksHoTen", name);
    rec.fields.emplace_back("so", so);
    r.records.push_back(rec);
  }
  return r;
}

/// Writes `pages` into the store `file` (one batch), in order.
inline void write_store(const std::filesystem::path& file, const std::vector<PageResult>& pages) {
  Store store = Store::open(file);
  auto batch = store.begin_batch("test");
  for (const auto& p : pages) store.write_page(p, SourceStamp{100, 1}, batch);
  store.finish_batch(batch, int(pages.size()), 0, 0);
}

/// Writes a small PNG whose pixels encode `seed` (different seeds, different bytes).
inline void write_png(const std::filesystem::path& file, int seed) {
  std::filesystem::create_directories(file.parent_path());
  cv::Mat m(24, 32, CV_8UC3, cv::Scalar(seed % 256, (seed * 7) % 256, (seed * 13) % 256));
  cv::imwrite(file.string(), m);
}

}  // namespace ledger::testkit
