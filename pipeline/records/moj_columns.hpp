// The MoJ "DL Import" sheet for birth books (shared/spec/registers.md): its 70 columns in order
// and how a stored draft record becomes one row (codes for sex and registration type).
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "records/store.hpp"

namespace ledger {

/// The 70 column names of the birth "DL Import" sheet, in order.
const std::vector<std::string>& moj_birth_columns();

/// One cell of a row: the text to write and whether a clerk still has to check it.
struct MojCell {
  std::string text;
  bool needs_review = false;
};

/// The row of `record` in the "DL Import" sheet, one cell per moj_birth_columns() entry.
///   record  a stored record (a reviewed value wins over the draft value)
///   stt     the running number written in column STT (1-based within the workbook)
/// Notes:
///   1. quyenSo comes from the record when it has the field, else from the book
///      ("<volume>/<year>", e.g. "01/2018"); trangSo likewise falls back to the book page.
///   2. nksGioiTinh becomes its code (1 Nam, 2 Nữ, 3 other); loaiDangKy text becomes its code
///      (1 đúng hạn, 2 đăng ký lại, 3 ghi vào sổ, 4 quá hạn, 5 cấp bản chính, 6 không xác định).
///   3. noiDangKy falls back to the book's unit; columns the layout does not have stay empty.
std::vector<MojCell> moj_birth_row(const StoredRecord& record, int stt);

/// The sex code of a normalised value: "1" Nam, "2" Nữ, "3" anything else, "" when empty.
std::string moj_sex_code(std::string_view value);
/// The loaiDangKy code of a value already a code ("1".."6") or a printed choice label.
std::string moj_registration_code(std::string_view value);

}  // namespace ledger
