// A generated store for trying the review station, its tests and its benchmark: birth-register
// books of made-up records (some fields flagged for review) with simple page images.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ledger::review {

struct SampleOptions {
  int books_per_commune = 1;
  int pages_per_book = 2;
  int records_per_page = 3;
  bool images = true;  // write page images (PNG) under <dir>/scans; false for big benchmarks
  std::vector<std::string> communes = {"Xã Hướng Phùng", "Xã Tân Hợp"};
  std::uint32_t seed = 1;
};

struct SampleStore {
  std::filesystem::path store;  // <dir>/store.sqlite
  std::filesystem::path root;   // <dir>/scans: the input root the pages were "found" under
  int records = 0;
};

/// Writes a sample store into `dir` (created) through the public Store API.
/// Notes:
///   1. Each record has six fields (ho_ten, ngay_sinh, gioi_tinh, noi_sinh, ho_ten_me,
///      ho_ten_cha); ho_ten, noi_sinh and ho_ten_me are "review" with reason "low-confidence",
///      the others "accept". Then its entry number `so` (for review on a page's third record)
///      and registration day `ngayDangKy` (on its second), rising through the book; and on a
///      page's third record the birth date in words `ngay_sinhBangChu`, for review, agreeing
///      with its digits. So the group view shows entry numbers in sequence, days in order and
///      dates agreeing with their words. A page's third record carries its page number
///      `trangSo`, accepted, except on a book's first page, read "7" (a hand's 1) for review:
///      the group view shows the number its file's page proposes.
///   2. Page images show each field's value (without accents: OpenCV's Hershey fonts are ASCII)
///      inside the field's box, so crops are meaningful.
SampleStore write_sample_store(const std::filesystem::path& dir, const SampleOptions& options = {});

}  // namespace ledger::review
