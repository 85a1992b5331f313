// A generated store for the review station (see sample_store.hpp).
#include "review/sample_store.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <cstdio>
#include <random>

#include "core/text.hpp"
#include "records/store.hpp"

namespace ledger::review {

namespace fs = std::filesystem;

namespace {

const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"};
const char* kMiddle[] = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức"};
const char* kGiven[] = {"An", "Bình", "Hoà", "Lan", "Tuấn", "Hương", "Dũng", "Mai", "Phúc"};
const char* kPlace[] = {"Xã Hướng Phùng", "Xã Tân Hợp", "Thị trấn Khe Sanh", "Xã Tân Lập"};

// Birth dates written twice, in digits and in words (a date's `…BangChu` field), for the third
// entry of each page: their words are for review, so the group view shows an agreeing group
// (groups/agreeing_dates.hpp).
const std::pair<const char*, const char*> kBirthInWords[] = {
    {"05.03.2006", "ngày năm, tháng ba, năm hai nghìn không trăm linh sáu"},
    {"12.04.2006", "ngày mười hai, tháng tư, năm hai nghìn không trăm linh sáu"},
    {"21.11.2006", "ngày hai mươi mốt, tháng mười một, năm hai nghìn không trăm linh sáu"},
    {"09.01.2007", "ngày chín, tháng một, năm hai nghìn không trăm linh bảy"},
};

constexpr int kPageW = 1240, kPageH = 1754, kRowH = 260, kTop = 200;

struct FieldSpec {
  const char* key;
  FieldType type;
  int col, line;  // where on the record's row
  bool review;
};
const FieldSpec kFields[] = {
    {"ho_ten", FieldType::Name, 0, 0, true},     {"ngay_sinh", FieldType::Date, 1, 0, false},
    {"gioi_tinh", FieldType::Sex, 0, 1, false},  {"noi_sinh", FieldType::Place, 1, 1, true},
    {"ho_ten_me", FieldType::Name, 0, 2, true},  {"ho_ten_cha", FieldType::Name, 1, 2, false},
};

template <class T, size_t N>
const char* pick(std::mt19937& rng, const T (&a)[N]) {
  return a[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

std::string name(std::mt19937& rng, bool female) {
  return std::string(pick(rng, kFamily)) + " " + (female ? "Thị" : pick(rng, kMiddle)) + " " +
         pick(rng, kGiven);
}

// Draws a field's box and its value (without diacritics: Hershey fonts are ASCII) on the page,
// when the box fits on it.
void draw_field(cv::Mat& img, const DraftField& f, double font_scale) {
  if (f.box.y + f.box.h >= kPageH) return;
  cv::rectangle(img, cv::Rect(f.box.x, f.box.y, f.box.w, f.box.h), cv::Scalar(180, 180, 180), 1);
  cv::putText(img, strip_diacritics(f.value), {f.box.x + 8, f.box.y + f.box.h - 16}, cv::FONT_HERSHEY_SIMPLEX,
              font_scale, cv::Scalar(120, 40, 20), 2);
}

// A value that runs through the book (an entry number, a registration day): accepted, or under
// review on the rows that make the group view show its sequence group.
DraftField running_field(FieldType type, const std::string& value, const Box& box, bool review,
                         double review_confidence) {
  DraftField f;
  f.type = type;
  f.value = f.raw = value;
  f.box = box;
  f.status = review ? FieldStatus::Review : FieldStatus::Accept;
  f.confidence = review ? review_confidence : 0.995;
  if (review) f.reasons = {"low-confidence"};
  return f;
}

}  // namespace

SampleStore write_sample_store(const fs::path& dir, const SampleOptions& o) {
  fs::create_directories(dir);
  SampleStore out{dir / "store.sqlite", dir / "scans", 0};
  fs::create_directories(out.root);
  auto store = Store::open(out.store);
  auto batch = store.begin_batch("review sample store");
  std::mt19937 rng(o.seed);
  int pages = 0;
  for (size_t c = 0; c < o.communes.size(); ++c)
    for (int b = 0; b < o.books_per_commune; ++b)
      for (int p = 1; p <= o.pages_per_book; ++p) {
        PageResult r;
        r.ref.book.type = "KS";
        r.ref.book.year = 2007 + b;
        r.ref.book.volume = "01";
        r.ref.book.province = "Tỉnh Quảng Trị";
        r.ref.book.district = "Huyện Hướng Hoá";
        r.ref.book.commune = o.communes[c];
        r.ref.book.book_page = p;
        r.ref.book.matched = true;
        char file[64];
        std::snprintf(file, sizeof file, "c%02zu/KS.%d.01.p%04d.png", c, 2007 + b, p);
        r.ref.rel_path = file;
        r.ref.path = (out.root / file).string();
        r.width = kPageW;
        r.height = kPageH;
        r.dpi = 150;
        r.layout_id = "sample";
        r.sha256 = std::to_string(o.seed) + "-" + std::to_string(++pages);
        cv::Mat img;
        if (o.images) img = cv::Mat(kPageH, kPageW, CV_8UC3, cv::Scalar(235, 245, 250));
        for (int k = 0; k < o.records_per_page; ++k) {
          DraftRecord rec;
          rec.record = k;
          // The first entry of the first page carries a record-level finding, as the duplicate
          // check would write it, so the demo and the browser test show one.
          if (pages == 1 && k == 0) rec.issues = {"possible-duplicate:sample/page-2#0"};
          bool female = rng() % 2;
          for (const auto& spec : kFields) {
            DraftField f;
            f.type = spec.type;
            std::string key = spec.key;
            if (key == "ngay_sinh") {
              char d[16];
              std::snprintf(d, sizeof d, "%02d.%02d.%d", int(rng() % 28 + 1), int(rng() % 12 + 1),
                            2006 + b);
              f.value = d;
            } else if (key == "gioi_tinh") {
              f.value = female ? "Nữ" : "Nam";
            } else if (key == "noi_sinh") {
              f.value = pick(rng, kPlace);
            } else {
              f.value = name(rng, key == "ho_ten_me" || (key == "ho_ten" && female));
            }
            f.raw = f.value;
            f.box = {60 + spec.col * 580, kTop + k * kRowH + spec.line * 70, 540, 56};
            if (spec.review) {
              f.status = FieldStatus::Review;
              f.confidence = 0.3 + 0.5 * std::uniform_real_distribution<double>(0, 1)(rng);
              f.reasons = {"low-confidence"};
            } else {
              f.status = FieldStatus::Accept;
              f.confidence = 0.995;
            }
            if (o.images) draw_field(img, f, 1.1);
            rec.fields.emplace_back(key, std::move(f));
          }
          auto add_running = [&](const char* key, DraftField f) {
            if (o.images) draw_field(img, f, 1.0);
            rec.fields.emplace_back(key, std::move(f));
          };
          const int entry = (p - 1) * o.records_per_page + k;  // from 0
          const int row_y = kTop + k * kRowH + 210;
          char n[8], d[16];
          // the entry number; the third of a page is for review, so the group view shows a
          // sequence group (groups/entry_sequence.hpp)
          std::snprintf(n, sizeof n, "%02d", entry + 1);
          add_running("so", running_field(FieldType::Number, n, {60, row_y, 160, 44}, k == 2, 0.8));
          // the registration day, rising with the entries; the second of a page is for review,
          // so the group view shows days in order (groups/date_order.hpp)
          std::snprintf(d, sizeof d, "%02d.%02d.%d", 1 + entry % 28, 1 + entry / 28, 2007 + b);
          add_running("ngayDangKy", running_field(FieldType::Date, d, {240, row_y, 260, 44}, k == 1, 0.7));
          // the page number, with the third record: a hand's 1 read as 7 on a book's first page,
          // for review, so the group view shows a number its file's page proposes
          // (groups/file_names.hpp)
          if (k == 2)
            add_running("trangSo", running_field(FieldType::Number, p == 1 ? "7" : std::to_string(p),
                                                 {1040, kTop - 120, 140, 44}, p == 1, 0.6));
          if (k == 2) {
            const auto& [digits, words] = kBirthInWords[entry / o.records_per_page % std::size(kBirthInWords)];
            for (auto& [key, f] : rec.fields)
              if (key == "ngay_sinh") f.value = f.raw = digits;
            DraftField w = running_field(FieldType::DateWords, words, {520, row_y, 680, 44}, true, 0.5);
            if (o.images) draw_field(img, w, 0.55);
            rec.fields.emplace_back("ngay_sinhBangChu", std::move(w));
          }
          r.records.push_back(std::move(rec));
          ++out.records;
        }
        if (o.images) {
          fs::create_directories(fs::path(r.ref.path).parent_path());
          cv::imwrite(r.ref.path, img);
        }
        store.write_page(r, source_stamp(r.ref.path), batch);
      }
  store.finish_batch(batch, pages, 0, 0);
  return out;
}

}  // namespace ledger::review
