// Tests for the layout files in config/layouts and the loader's error messages.
#include "layout/layout_loader.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "layout/layout_library.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

// Field keys in printed order, as listed in shared/spec/registers.md.
const std::vector<std::string> kKs2016 = {
    "so", "ngayDangKy", "loaiDangKy", "ghiChu", "nksHoTen", "nksNgaySinh", "nksNgaySinhBangChu",
    "nksGioiTinh", "nksDanToc", "nksQuocTich", "nksNoiSinh", "nksQueQuan", "nksSoDinhDanh",
    "meHoTen", "meNgaySinh", "meDanToc", "meQuocTich", "meNoiCuTru", "chaHoTen", "chaNgaySinh",
    "chaDanToc", "chaQuocTich", "chaNoiCuTru", "nycHoTen", "nycGiayTo", "nguoiKy",
    "nguoiThucHien", "trangSo"};
const std::vector<std::string> kKs2006 = {
    "trangSo", "so", "ghiChu", "nksHoTen", "nksGioiTinh", "nksNgaySinh", "nksNgaySinhBangChu",
    "nksNoiSinh", "nksDanToc", "nksQuocTich", "nksQueQuan", "chaHoTen", "chaDanToc",
    "chaQuocTich", "meHoTen", "meDanToc", "meQuocTich", "nycHoTen", "nycQuanHe", "ngayDangKy",
    "nguoiKy", "nguoiThucHien"};
const std::vector<std::string> kKsLedger = {
    "so", "ngayDangKy", "nksHoTen", "nksNgaySinh", "nksGioiTinh", "nksDanToc", "nksNoiSinh",
    "chaHoTen", "meHoTen", "meNoiCuTru", "nycHoTen", "ghiChu"};

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::string error_of(const std::string& yaml) {
  try {
    parse_layout(yaml, "broken.yaml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

const char* kGoodForm = R"(id: t
kind: form
book_type: KS
years: [2000, 2001]
page: {width_mm: 200, height_mm: 287}
fields:
  - key: a
    type: name
    label: "A:"
    at: [10, 10]
    lines: [[5, -0.5, 20, 2]]
)";

TEST(LayoutFiles, EveryShippedLayoutLoadsWithTheRegisterKeys) {
  auto lib = LayoutLibrary::load_dir(testkit::source_dir() / "config/layouts");
  ASSERT_NE(lib.find("ks-2016"), nullptr);
  ASSERT_NE(lib.find("ks-2006"), nullptr);
  ASSERT_NE(lib.find("ks-ledger"), nullptr);
  // Same keys as registers.md (the file orders the right column first, so compare as sets) and
  // the child's fields in printed order.
  EXPECT_EQ(sorted(lib.find("ks-2016")->field_keys()), sorted(kKs2016));
  EXPECT_EQ(sorted(lib.find("ks-2006")->field_keys()), sorted(kKs2006));
  EXPECT_EQ(lib.find("ks-ledger")->field_keys(), kKsLedger);
  EXPECT_EQ(lib.find("ks-ledger")->kind, LayoutKind::Table);
  EXPECT_EQ(lib.find("ks-2016")->kind, LayoutKind::Form);
}

TEST(LayoutFiles, FormGeometryIsOnThePageAndConverted) {
  auto t = load_layout(testkit::source_dir() / "config/layouts/ks-2016.yaml");
  const FormField* name = t.find_field("nksHoTen");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->type, FieldType::Name);
  EXPECT_TRUE(name->required);
  EXPECT_GT(name->at.y, 0.065);  // between the section title and the birth date (registers.md)
  EXPECT_LT(name->at.y, 0.146);
  const FormField* place = t.find_field("nksNoiSinh");
  ASSERT_NE(place, nullptr);
  EXPECT_EQ(place->lines.size(), 2u);
  const FormField* kind = t.find_field("loaiDangKy");
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->type, FieldType::Checkbox);
  std::vector<std::string> codes;
  for (const auto& c : kind->choices) codes.push_back(c.code);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "1"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "4"), codes.end());
  for (const auto& f : t.fields)
    for (const auto& l : f.lines) {
      EXPECT_GE(f.at.x + l.x, 0) << f.key;
      EXPECT_LE(f.at.x + l.x + l.w, 1.0) << f.key;
      EXPECT_LE(f.at.y + l.y + l.h, 1.0) << f.key;
    }
  // Labels, choices and anchors all become registration anchors.
  EXPECT_GE(t.all_anchors().size(), t.fields.size() + t.anchors.size());
}

TEST(LayoutFiles, TableColumnsTileTheRegion) {
  auto t = load_layout(testkit::source_dir() / "config/layouts/ks-ledger.yaml");
  auto rects = t.column_rects();
  ASSERT_EQ(rects.size(), 12u);
  EXPECT_NEAR(rects.front().x, t.table.region.x, 1e-9);
  EXPECT_NEAR(rects.back().x + rects.back().w, t.table.region.x + t.table.region.w, 1e-9);
  EXPECT_EQ(t.table.lines_per_row, 2);
  size_t headers = 0;
  for (const auto& a : t.all_anchors()) headers += !a.key.empty();
  EXPECT_EQ(headers, 12u);
}

TEST(LayoutLoader, GoodMinimalFormLoads) {
  auto t = parse_layout(kGoodForm, "good.yaml");
  ASSERT_EQ(t.fields.size(), 1u);
  EXPECT_NEAR(t.fields[0].lines[0].w, 0.20, 1e-12);
  EXPECT_NEAR(t.fields[0].at.x, 0.10, 1e-12);
}

TEST(LayoutLoader, SyntaxErrorNamesFileAndLine) {
  std::string bad = std::string(kGoodForm) + "anchors: [ {text: x, at: [1, 2]\n";  // unclosed
  std::string msg = error_of(bad);
  EXPECT_NE(msg.find("broken.yaml:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("syntax"), std::string::npos) << msg;
}

TEST(LayoutLoader, UnknownTypeNamesItsLine) {
  std::string yaml = kGoodForm;
  yaml.replace(yaml.find("type: name"), 10, "type: nmae");
  std::string msg = error_of(yaml);
  EXPECT_EQ(msg.rfind("broken.yaml:8:", 0), 0u) << msg;
  EXPECT_NE(msg.find("nmae"), std::string::npos) << msg;
}

TEST(LayoutLoader, MissingKeyNamesTheFieldsLine) {
  std::string yaml = kGoodForm;
  yaml.replace(yaml.find("  - key: a\n    "), 15, "  - ");
  std::string msg = error_of(yaml);
  EXPECT_EQ(msg.rfind("broken.yaml:7:", 0), 0u) << msg;
  EXPECT_NE(msg.find("'key'"), std::string::npos) << msg;
}

TEST(LayoutLoader, RejectsEachKindOfMistake) {
  auto with = [](std::string from, std::string to) {
    std::string y = kGoodForm;
    y.replace(y.find(from), from.size(), to);
    return error_of(y);
  };
  EXPECT_NE(with("at: [10, 10]", "at: [10, 120]").find("outside the page"), std::string::npos);
  EXPECT_NE(with("[5, -0.5, 20, 2]", "[5, -0.5, 95, 2]").find("right edge"), std::string::npos);
  EXPECT_NE(with("label:", "lable:").find("unknown key"), std::string::npos);
  std::string dup = std::string(kGoodForm) +
                    "  - {key: a, type: date, label: B, at: [10, 20], lines: [[5, 0, 9, 2]]}\n";
  EXPECT_NE(error_of(dup).find("broken.yaml:12: duplicate field key 'a'"), std::string::npos)
      << error_of(dup);
  std::string checkbox = std::string(kGoodForm) + "  - {key: c, type: checkbox}\n";
  EXPECT_NE(error_of(checkbox).find("no choices"), std::string::npos);
  std::string nofields = "id: t\nkind: form\nbook_type: KS\nyears: [1, 2]\n"
                         "page: {width_mm: 1, height_mm: 1}\nfields: []\n";
  EXPECT_NE(error_of(nofields).find("without fields"), std::string::npos);
  std::string table = "id: t\nkind: table\nbook_type: KS\nyears: [1, 2]\n"
                      "page: {width_mm: 1, height_mm: 1}\n"
                      "table: {region: [0, 0, 100, 100], header_height: 5, columns: %s}\n";
  auto table_with = [&](const std::string& cols) {
    std::string y = table;
    y.replace(y.find("%s"), 2, cols);
    return error_of(y);
  };
  EXPECT_NE(table_with("[]").find("no columns"), std::string::npos);
  EXPECT_NE(table_with("[{header: A, key: a, type: name, width: 60}]").find("add up to 60"),
            std::string::npos);
  EXPECT_EQ(table_with("[{header: A, key: a, type: name, width: 60},"
                       " {header: B, key: b, type: date, width: 40}]"),
            "");
}

TEST(LayoutLibrary, CollectsErrorsOfAllFilesAndPicksCandidates) {
  testkit::TempDir dir;
  std::ofstream(dir / "a.yaml") << "id: [\n";
  std::ofstream(dir / "b.yaml") << "id: b\nkind: sheet\n";
  try {
    LayoutLibrary::load_dir(dir.path());
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("a.yaml:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("b.yaml:2: unknown kind"), std::string::npos) << msg;
  }
  auto lib = LayoutLibrary::load_dir(testkit::source_dir() / "config/layouts");
  BookInfo book;
  book.type = "KS";
  book.year = 2010;
  auto c = lib.candidates(book);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]->id, "ks-2006");
  EXPECT_EQ(lib.candidates(BookInfo{}).size(), lib.all().size());
}

}  // namespace
}  // namespace ledger
