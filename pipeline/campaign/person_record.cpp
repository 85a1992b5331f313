// Comparison facts from drafts and exports (see person_record.hpp).
#include "campaign/person_record.hpp"

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace ledger {

std::string quyen_so_of(const BookInfo& book) {
  if (!book.year) return "";
  return (book.volume.empty() ? std::string("01") : book.volume) + "/" + std::to_string(*book.year);
}

PersonRecord person_from_draft(const DraftRecord& draft, const BookInfo& book, std::string id) {
  auto value = [&](const char* key) -> std::string {
    const DraftField* f = draft.find(key);
    return f ? f->value : std::string();
  };
  PersonRecord p;
  p.id = std::move(id);
  p.unit = book.unit();
  p.quyen_so = value("quyenSo");
  if (p.quyen_so.empty()) p.quyen_so = quyen_so_of(book);
  p.so = value("so");
  if (p.so.empty()) p.so = book.entry;  // one-record-per-file scans carry it in the name
  p.name = value("nksHoTen");
  p.birth_date = value("nksNgaySinh");
  p.mother = value("meHoTen");
  p.father = value("chaHoTen");
  p.sex = value("nksGioiTinh");
  return p;
}

std::vector<PersonRecord> read_export_records(const std::filesystem::path& file) {
  std::string ext = to_lower(file.extension().string());
  if (ext == ".xlsx" || ext == ".xls")
    throw InputError(file.string(), "XLSX exports cannot be read; save the sheet as CSV (UTF-8)");
  CsvTable t = read_csv(file);
  int name = t.column("nksHoTen");
  if (name < 0) throw InputError(file.string(), "no nksHoTen column (MoJ import column names expected)");
  int stt = t.column("STT"), so = t.column("so"), quyen = t.column("quyenSo"),
      unit = t.column("noiDangKy"), date = t.column("nksNgaySinh"), me = t.column("meHoTen"),
      cha = t.column("chaHoTen"), sex = t.column("nksGioiTinh");
  std::string base = file.filename().string();
  std::vector<PersonRecord> out;
  out.reserve(t.rows.size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    PersonRecord p;
    std::string n = clean_text(t.cell(row, stt));
    p.id = base + "#" + (n.empty() ? std::to_string(i + 1) : "STT" + n);
    p.unit = t.cell(row, unit);
    p.quyen_so = t.cell(row, quyen);
    p.so = t.cell(row, so);
    p.name = t.cell(row, name);
    p.birth_date = t.cell(row, date);
    p.mother = t.cell(row, me);
    p.father = t.cell(row, cha);
    p.sex = t.cell(row, sex);
    if (clean_text(p.name).empty() && clean_text(p.so).empty()) continue;  // empty sheet row
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace ledger
