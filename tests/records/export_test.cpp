// Exports: the DL Import row (column order, codes, book fallbacks), CSV with BOM and quoting,
// one xlsx workbook per book.
#include "records/export.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "records/moj_columns.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

PageResult birth_page(const std::string& name, const std::string& volume, int year) {
  PageResult r;
  r.ref.path = "/scans/" + name;
  r.ref.rel_path = name;
  r.ref.book.type = "KS";
  r.ref.book.year = year;
  r.ref.book.volume = volume;
  r.ref.book.commune = "Xã Hướng Phùng";
  r.sha256 = name;
  r.layout_id = "ks-2016";
  DraftRecord rec;
  auto field = [](const std::string& v, FieldStatus s = FieldStatus::Accept) {
    DraftField f;
    f.value = v;
    f.status = s;
    return f;
  };
  rec.fields = {{"so", field("01/" + std::to_string(year))},
                {"ngayDangKy", field("05.03." + std::to_string(year))},
                {"nksHoTen", field("Nguyễn Văn \"An\", con")},
                {"nksGioiTinh", field("Nữ")},
                {"loaiDangKy", field("Quá hạn", FieldStatus::Review)}};
  r.records.push_back(rec);
  return r;
}

int column(const std::string& name) {
  const auto& c = moj_birth_columns();
  return int(std::find(c.begin(), c.end(), name) - c.begin());
}

TEST(MojColumns, SeventyColumnsInTheTemplateOrder) {
  const auto& c = moj_birth_columns();
  ASSERT_EQ(c.size(), 70u);
  EXPECT_EQ(c.front(), "STT");
  EXPECT_EQ(c[1], "so");
  EXPECT_EQ(c.back(), "qgNuocNgoaiDaDangKy");
}

TEST(MojColumns, RowUsesCodesAndBookFallbacks) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  store.write_page(birth_page("a.png", "01", 2018), {1, 1}, store.begin_batch(""));
  auto records = store.records();
  ASSERT_EQ(records.size(), 1u);
  auto row = moj_birth_row(records[0], 7);
  ASSERT_EQ(row.size(), 70u);
  EXPECT_EQ(row[column("STT")].text, "7");
  EXPECT_EQ(row[column("so")].text, "01/2018");
  EXPECT_EQ(row[column("quyenSo")].text, "01/2018");
  EXPECT_EQ(row[column("ngayDangKy")].text, "05.03.2018");
  EXPECT_EQ(row[column("nksGioiTinh")].text, "2");
  EXPECT_EQ(row[column("loaiDangKy")].text, "4");
  EXPECT_TRUE(row[column("loaiDangKy")].needs_review);
  EXPECT_EQ(row[column("noiDangKy")].text, "Xã Hướng Phùng");
  EXPECT_TRUE(row[column("meHoTen")].text.empty());
  EXPECT_EQ(moj_sex_code("NAM"), "1");
  EXPECT_EQ(moj_sex_code(""), "");
  EXPECT_EQ(moj_registration_code("Đúng hạn"), "1");
  EXPECT_EQ(moj_registration_code("2"), "2");
}

TEST(Export, CsvHasBomHeaderAndQuotedRows) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("");
  store.write_page(birth_page("a.png", "01", 2018), {1, 1}, batch);
  store.write_page(birth_page("b.png", "02", 2019), {1, 1}, batch);
  std::ostringstream out;
  ExportOptions opts;
  opts.format = ExportFormat::Csv;
  auto summary = export_store(store, opts, out);
  EXPECT_EQ(summary.records, 2u);
  std::string text = out.str();
  ASSERT_EQ(text.rfind("\xEF\xBB\xBFSTT,so,quyenSo,", 0), 0u);
  EXPECT_NE(text.find("\"Nguyễn Văn \"\"An\"\", con\""), std::string::npos) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
}

TEST(Export, CsvRoundTripGivesBackTheStoredValues) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("");
  store.write_page(birth_page("a.png", "01", 2018), {1, 1}, batch);
  std::ostringstream out;
  ExportOptions opts;
  opts.format = ExportFormat::Csv;
  export_store(store, opts, out);
  CsvTable table = parse_csv(out.str());
  EXPECT_EQ(table.header, moj_birth_columns());
  ASSERT_EQ(table.rows.size(), 1u);
  const auto& row = table.rows[0];
  EXPECT_EQ(table.cell(row, table.column("so")), "01/2018");
  EXPECT_EQ(table.cell(row, table.column("ngayDangKy")), "05.03.2018");
  EXPECT_EQ(table.cell(row, table.column("nksHoTen")), "Nguyễn Văn \"An\", con");
  EXPECT_EQ(table.cell(row, table.column("nksGioiTinh")), "2");  // MoJ code of Nữ
}

// Reads row 1 of the first sheet of an xlsx with Python's zipfile (an xlsx reader the test
// machine has), so the check does not trust the writer's own code.
std::vector<std::string> xlsx_header(const std::filesystem::path& file) {
  std::string cmd =
      "python3 -c \"import sys,zipfile,re,html\n"
      "z=zipfile.ZipFile(sys.argv[1])\n"
      "ss=[html.unescape(re.sub('<[^>]+>','',m)) for m in re.findall(r'<si>(.*?)</si>',z.read('xl/sharedStrings.xml').decode(),re.S)] if 'xl/sharedStrings.xml' in z.namelist() else []\n"
      "sheet=z.read('xl/worksheets/sheet1.xml').decode()\n"
      "row=re.search(r'<row r=\\\"1\\\"[^>]*>(.*?)</row>',sheet,re.S).group(1)\n"
      "for c in re.findall(r'<c ([^>]*)>(.*?)</c>',row,re.S):\n"
      "  v=re.search(r'<v>(.*?)</v>',c[1]); t=re.search(r'<t[^>]*>(.*?)</t>',c[1],re.S)\n"
      "  print(ss[int(v.group(1))] if 't=\\\"s\\\"' in c[0] else html.unescape(t.group(1) if t else v.group(1)))\n"
      "\" '" + file.string() + "'";
  std::vector<std::string> cells;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return cells;
  char buf[4096];
  std::string line;
  while (fgets(buf, sizeof buf, p)) {
    line = buf;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    cells.push_back(line);
  }
  pclose(p);
  return cells;
}

TEST(Export, XlsxOpensWithTheSeventyTemplateColumnsInOrder) {
  if (std::system("python3 -c 'import zipfile' >/dev/null 2>&1") != 0) GTEST_SKIP() << "no python3";
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("");
  store.write_page(birth_page("a.png", "01", 2018), {1, 1}, batch);
  std::ostringstream unused;
  ExportOptions opts;
  opts.format = ExportFormat::Xlsx;
  opts.out = tmp / "xlsx";
  auto summary = export_store(store, opts, unused);
  ASSERT_EQ(summary.files.size(), 1u);
  auto header = xlsx_header(summary.files[0]);
  EXPECT_EQ(header.size(), 70u);
  EXPECT_EQ(header, moj_birth_columns());
}

TEST(Export, XlsxWritesOneWorkbookPerBook) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("");
  store.write_page(birth_page("a.png", "01", 2018), {1, 1}, batch);
  store.write_page(birth_page("a2.png", "01", 2018), {1, 1}, batch);
  store.write_page(birth_page("b.png", "02", 2019), {1, 1}, batch);
  auto death = birth_page("c.png", "01", 2019);
  death.ref.book.type = "KT";
  store.write_page(death, {1, 1}, batch);
  std::ostringstream unused;
  ExportOptions opts;
  opts.format = ExportFormat::Xlsx;
  opts.out = tmp / "xlsx";
  auto summary = export_store(store, opts, unused);
  EXPECT_EQ(summary.records, 3u);
  EXPECT_EQ(summary.skipped, 1u);
  ASSERT_EQ(summary.files.size(), 2u);
  for (const auto& f : summary.files) {
    std::ifstream in(f, std::ios::binary);
    char magic[2] = {};
    in.read(magic, 2);
    EXPECT_EQ(std::string(magic, 2), "PK") << f;  // a zip container
  }
  opts.out = "";
  EXPECT_THROW(export_store(store, opts, unused), InputError);
  EXPECT_THROW(parse_export_format("pdf"), ConfigError);
}

}  // namespace
}  // namespace ledger
