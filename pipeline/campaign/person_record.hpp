// The few facts of a record that duplicate detection compares (who, born when, to whom, where
// registered), built from a draft record or from a row of an earlier MoJ export.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/book.hpp"
#include "core/page.hpp"

namespace ledger {

/// One registration as duplicate detection sees it. Values are as written or normalised
/// (`registers.md`); the detector builds its own comparison keys.
struct PersonRecord {
  std::string id;          // e.g. "KS/2017/01/KS.2017.01.p0012.png#1#0" or "export.csv#17"
  std::string unit;        // registering unit (noiDangKy / the book's commune)
  std::string quyen_so;    // book, "01/2017"
  std::string so;          // entry number, "11" or "11/2017"
  std::string name;        // nksHoTen
  std::string birth_date;  // nksNgaySinh: "dd.mm.yyyy", "yyyy" or ""
  std::string mother;      // meHoTen
  std::string father;      // chaHoTen
  std::string sex;         // "Nam", "Nữ", MoJ code "1"/"2", or ""
};

/// The book number `quyenSo` of a book: "<volume>/<year>" ("01/2017"), or "" without a year.
std::string quyen_so_of(const BookInfo& book);

/// Builds the comparison facts of one draft record.
/// \param draft  the record (field keys nksHoTen, nksNgaySinh, meHoTen, chaHoTen, so, nksGioiTinh;
///               quyenSo when the layout has it, else taken from `book`)
/// \param book   the book the page belongs to (unit, type, year, volume)
/// \param id     the record's id, reported back in duplicate pairs
PersonRecord person_from_draft(const DraftRecord& draft, const BookInfo& book, std::string id);

/// Reads an earlier export (records already in the MoJ database) with the import template's
/// column names (so, quyenSo, noiDangKy, nksHoTen, nksNgaySinh, meHoTen, chaHoTen, nksGioiTinh).
/// Ids are "<file name>#<row>" (1-based data row), or "<file name>#STT<n>" when STT is filled.
/// Notes:
///  1. CSV only. XLSX is refused with an InputError asking for CSV: the project has a writer
///     (libxlsxwriter) but no XLSX reader.
///  2. Throws InputError naming the file when it is unreadable or has no nksHoTen column.
std::vector<PersonRecord> read_export_records(const std::filesystem::path& file);

}  // namespace ledger
