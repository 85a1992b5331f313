// The MoJ "DL Import" sheet for birth books (see moj_columns.hpp).
#include "records/moj_columns.hpp"

#include "core/text.hpp"

namespace ledger {

const std::vector<std::string>& moj_birth_columns() {
  // source: shared/spec/registers.md, "MoJ import template ("DL Import" sheet), birth"
  static const std::vector<std::string> columns{
      "STT", "so", "quyenSo", "trangSo", "ngayDangKy", "loaiDangKy", "noiDangKy", "nguoiKy",
      "chucVuNguoiKy", "nguoiThucHien", "ghiChu", "nksSoDinhDanh", "nksHoTen", "nksGioiTinh",
      "nksNgaySinh", "nksNgaySinhBangChu", "nksNoiSinh", "nksNoiSinhDVHC", "nksQueQuan",
      "nksDanToc", "nksQuocTich", "nksQuocTichStr", "nksQuocTichKhac", "nksQuocTichKhacStr",
      "nksLoaiKhaiSinh", "nksMatTich", "nksMatTichNgayGhiChuTuyenBo", "nksMatTichCanCuTuyenBo",
      "nksMatTichNgayGhiChuHuyTuyenBo", "nksMatTichCanCuHuyTuyenBo", "nksHanCheNangLucHanhVi",
      "nksHanCheNangLucHanhViNgayGhiChuTuyenBo", "nksHanCheNangLucHanhViCanCuTuyenBo",
      "nksHanCheNangLucHanhViNgayGhiChuHuyTuyenBo", "nksHanCheNangLucHanhViNgayCanCuHuyTuyenBo",
      "meSoDinhDanhCaNhan", "meHoTen", "meNgaySinh", "meDanToc", "meQuocTich", "meQuocTichStr",
      "meQuocTichKhac", "meQuocTichKhacStr", "meLoaiCuTru", "meNoiCuTru", "meLoaiGiayToTuyThan",
      "meSoGiayToTuyThan", "chaSoDinhDanhCaNhan", "chaHoTen", "chaNgaySinh", "chaDanToc",
      "chaQuocTich", "chaQuocTichStr", "chaQuocTichKhac", "chaQuocTichKhacStr", "chaLoaiCuTru",
      "chaNoiCuTru", "chaLoaiGiayToTuyThan", "chaSoGiayToTuyThan", "nycHoTen", "nycQuanHe",
      "nycLoaiGiayToTuyThan", "nycGiayToKhac", "nycSoGiayToTuyThan", "nycNgayCapGiayToTuyThan",
      "nycNoiCapGiayToTuyThan", "soDangKyNuocNgoai", "ngayDangKyNuocNgoai", "cqNuocNgoaiDaDangKy",
      "qgNuocNgoaiDaDangKy"};
  return columns;
}

std::string moj_sex_code(std::string_view value) {
  std::string key = tone_key(value);
  if (key.empty()) return "";
  if (key == tone_key("Nam") || key == "1") return "1";
  if (key == tone_key("Nữ") || key == "2") return "2";
  return "3";
}

std::string moj_registration_code(std::string_view value) {
  std::string v = clean_text(value);
  if (v.size() == 1 && v[0] >= '1' && v[0] <= '6') return v;
  std::string key = tone_key(strip_diacritics(v));
  if (key.empty()) return "";
  // Printed choice labels of the ks-2016 right column, accents stripped.
  if (key.find("dung han") != std::string::npos) return "1";
  if (key.find("dang ky lai") != std::string::npos) return "2";
  if (key.find("ghi vao so") != std::string::npos) return "3";
  if (key.find("qua han") != std::string::npos) return "4";
  if (key.find("ban chinh") != std::string::npos) return "5";
  return "6";
}

std::vector<MojCell> moj_birth_row(const StoredRecord& record, int stt) {
  const auto& columns = moj_birth_columns();
  const BookInfo& book = record.page.ref.book;
  std::vector<MojCell> row(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    const std::string& col = columns[i];
    MojCell& cell = row[i];
    if (const DraftField* f = record.draft.find(col)) {
      auto reviewed = record.reviewed_values.find(col);
      if (reviewed != record.reviewed_values.end()) {
        cell.text = reviewed->second;
      } else {
        cell.text = f->value;
        cell.needs_review = f->status == FieldStatus::Review;
      }
    }
    if (col == "STT") {
      cell.text = std::to_string(stt);
    } else if (col == "quyenSo" && cell.text.empty() && !book.volume.empty()) {
      cell.text = book.volume + (book.year ? "/" + std::to_string(*book.year) : "");
    } else if (col == "trangSo" && cell.text.empty() && book.book_page) {
      cell.text = std::to_string(*book.book_page);
    } else if (col == "noiDangKy" && cell.text.empty()) {
      cell.text = book.unit();
    } else if (col == "nksGioiTinh") {
      cell.text = moj_sex_code(cell.text);
    } else if (col == "loaiDangKy") {
      cell.text = moj_registration_code(cell.text);
    }
  }
  return row;
}

}  // namespace ledger
