// Hand-made ground truth and drafts with known answers, shared by the evaluation tests.
#pragma once
#include "evaluate/evaluate.hpp"

namespace ledger::evalfix {

inline GtPage form_page() {
  GtPage p;
  p.rel_image = "KS.2017.01.p0012.png";
  p.gt.image = p.rel_image;
  p.gt.layout = "ks-2016";
  GtRecord r;
  r.fields = {
      {"nksHoTen", GtField{"Lưu Ngọc Hoà", Box{100, 100, 400, 50}, true}},
      {"nksNgaySinh", GtField{"19.10.1985", Box{100, 200, 200, 50}, true}},
      {"nksGioiTinh", GtField{"Nam", Box{100, 300, 100, 50}, false}},
      {"nksDanToc", GtField{"Kinh", std::nullopt, true}},
      {"nksSoDinhDanh", GtField{"", std::nullopt, std::nullopt}},
      {"so", GtField{"11/2017", Box{10, 10, 100, 40}, true}},
  };
  p.gt.records = {r};
  return p;
}

inline DraftField field(std::string value, std::string raw, double conf, FieldStatus status, Box box = {}) {
  DraftField f;
  f.value = std::move(value);
  f.raw = std::move(raw);
  f.confidence = conf;
  f.status = status;
  f.box = box;
  return f;
}

/// A draft that gets every field right, with boxes equal to the GT's.
inline DraftPage perfect_draft(const GtPage& gt) {
  DraftPage d;
  d.image = gt.rel_image;
  d.layout = gt.gt.layout;
  for (size_t i = 0; i < gt.gt.records.size(); ++i) {
    DraftRecord rec;
    rec.record = int(i);
    for (const auto& [key, f] : gt.gt.records[i].fields)
      rec.fields.push_back({key, field(f.value, f.value, 1.0, f.value.empty() ? FieldStatus::Blank : FieldStatus::Accept,
                                       f.box ? *f.box : Box{})});
    d.records.push_back(std::move(rec));
  }
  return d;
}

/// The crafted errors (see evaluate_test.cpp for the expected numbers):
///   nksHoTen      "LƯU NGỌC HÒA" accept 0.95, same box      -> right (case, tone placement)
///   nksNgaySinh   "19.10.1986" raw "19/10/1986" review 0.45 -> wrong, 1 edit (raw 3)
///   nksGioiTinh   "Nữ" accept 0.92, box elsewhere           -> wrong, slips through, box missed
///   nksDanToc     "Kinh" review 0.85                        -> right
///   nksSoDinhDanh "" blank 0.99                             -> right
///   so            absent                                    -> missing
inline DraftPage crafted_draft() {
  DraftPage d;
  d.image = "KS.2017.01.p0012.png";
  d.layout = "ks-2016";
  DraftRecord rec;
  rec.fields = {
      {"nksHoTen", field("LƯU NGỌC HÒA", "LƯU NGỌC HÒA", 0.95, FieldStatus::Accept, Box{100, 100, 400, 50})},
      {"nksNgaySinh", field("19.10.1986", "19/10/1986", 0.45, FieldStatus::Review, Box{100, 200, 200, 50})},
      {"nksGioiTinh", field("Nữ", "Nữ", 0.92, FieldStatus::Accept, Box{300, 300, 100, 50})},
      {"nksDanToc", field("Kinh", "Kinh", 0.85, FieldStatus::Review)},
      {"nksSoDinhDanh", field("", "", 0.99, FieldStatus::Blank)},
  };
  d.records = {rec};
  return d;
}

/// Words a plain whole-page OCR might give for form_page().
inline std::vector<TsvWord> baseline_words() {
  return {
      {"LƯU", Box{110, 110, 80, 30}, 90, 1},  {"NGỌC", Box{200, 110, 90, 30}, 90, 1},
      {"HOÀ", Box{300, 110, 80, 30}, 90, 1},  {"19/10/1985", Box{110, 210, 150, 30}, 80, 2},
      {"Nam", Box{110, 310, 60, 30}, 95, 3},  {"11/2017", Box{20, 15, 80, 30}, 70, 4},
      {"Họ,", Box{5, 110, 40, 30}, 95, 1},  // a printed label left of the value box
  };
}

}  // namespace ledger::evalfix
