// The scoring rule of evaluation (see scoring.hpp).
#include "evaluate/scoring.hpp"

#include "core/compare.hpp"

#include "core/text.hpp"

namespace ledger {

namespace {
bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}
bool starts_with(std::string_view s, std::string_view head) { return s.substr(0, head.size()) == head; }
}  // namespace

FieldType field_type_for_key(std::string_view key) {
  // Order matters: "NgaySinhBangChu" before "NgaySinh", "SoDinhDanh" before plain "So".
  if (ends_with(key, "BangChu")) return FieldType::DateWords;
  if (ends_with(key, "HoTen") || key == "nguoiKy" || key == "nguoiThucHien") return FieldType::Name;
  if (ends_with(key, "NgaySinh") || ends_with(key, "NgayChet") || key == "ngayDangKy" ||
      starts_with(key, "ngay") || ends_with(key, "NgayCapGiayToTuyThan"))
    return FieldType::Date;
  if (ends_with(key, "GioiTinh")) return FieldType::Sex;
  if (ends_with(key, "DanToc")) return FieldType::Ethnicity;
  if (ends_with(key, "QuocTich")) return FieldType::Nationality;
  if (ends_with(key, "NoiSinh") || ends_with(key, "QueQuan") || ends_with(key, "NoiCuTru") ||
      ends_with(key, "NoiChet") || key == "noiDangKy" || ends_with(key, "NoiCapGiayToTuyThan"))
    return FieldType::Place;
  if (ends_with(key, "SoDinhDanh") || ends_with(key, "SoDinhDanhCaNhan") || ends_with(key, "GiayTo") ||
      ends_with(key, "SoGiayToTuyThan"))
    return FieldType::IdNumber;
  if (key == "so" || key == "trangSo" || key == "quyenSo") return FieldType::Number;
  if (starts_with(key, "loai")) return FieldType::Checkbox;
  return FieldType::Text;
}

std::string scoring_key(FieldType type, std::string_view value) {
  return comparison_key(type, std::string(value));  // one rule for evaluation and calibration
}

bool scores_equal(FieldType type, std::string_view predicted, std::string_view truth) {
  return scoring_key(type, predicted) == scoring_key(type, truth);
}

size_t char_edits(FieldType type, std::string_view predicted, std::string_view truth) {
  if (scores_equal(type, predicted, truth)) return 0;
  return char_edits_unmatched(type, predicted, truth);
}

size_t char_edits_unmatched(FieldType type, std::string_view predicted, std::string_view truth) {
  if (type == FieldType::Name || type == FieldType::Place)
    return edit_distance(to_lower(clean_text(predicted)), to_lower(clean_text(truth)));
  return edit_distance(clean_text(predicted), clean_text(truth));
}

size_t truth_length(std::string_view truth) { return utf8_length(clean_text(truth)); }

}  // namespace ledger
