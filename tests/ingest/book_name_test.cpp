// File-name and folder parsing into BookInfo (ingest/book_name.hpp).
#include "ingest/book_name.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace ledger {
namespace {

TEST(BookName, OneRecordPerFile) {
  BookInfo b = parse_book_info("KS.2007.01.2008-01-28.01.pdf", NamePattern{});
  EXPECT_TRUE(b.matched);
  EXPECT_EQ(b.type, "KS");
  EXPECT_EQ(b.year, 2007);
  EXPECT_EQ(b.volume, "01");
  EXPECT_EQ(b.reg_date, "2008-01-28");
  EXPECT_EQ(b.entry, "01");
  EXPECT_FALSE(b.book_page.has_value());
}

TEST(BookName, PageOfBookAndWholeBook) {
  BookInfo p = parse_book_info("KS/2017/01/KS.2017.01.p0012.png", NamePattern{});
  EXPECT_TRUE(p.matched);
  EXPECT_EQ(p.type, "KS");
  EXPECT_EQ(p.year, 2017);
  EXPECT_EQ(p.book_page, 12);
  EXPECT_TRUE(p.reg_date.empty());
  EXPECT_TRUE(p.commune.empty());  // the type folder has nothing above it

  BookInfo w = parse_book_info("kt.2010.02.TIF", NamePattern{});
  EXPECT_TRUE(w.matched);
  EXPECT_EQ(w.type, "KT");
  EXPECT_EQ(w.year, 2010);
  EXPECT_EQ(w.volume, "02");
}

TEST(BookName, UnitsFromFoldersInNfc) {
  // "Quảng Trị" spelled decomposed (NFD), as some file systems store names.
  std::string nfd_province = "Qua\xCC\x89ng Tri\xCC\xA3";
  BookInfo b = parse_book_info(nfd_province + "/Huyện Hướng Hóa/Xã Hướng Phùng/ks/2007.01/"
                               "KS.2007.01.2008-1-5.12.pdf", NamePattern{});
  EXPECT_TRUE(b.matched);
  EXPECT_EQ(b.province, "Quảng Trị");
  EXPECT_EQ(b.district, "Huyện Hướng Hóa");
  EXPECT_EQ(b.commune, "Xã Hướng Phùng");
  EXPECT_EQ(b.reg_date, "2008-01-05");
  EXPECT_EQ(b.entry, "12");
  EXPECT_EQ(b.unit(), "Xã Hướng Phùng, Huyện Hướng Hóa, Quảng Trị");
}

TEST(BookName, ShortFolderPathFillsNearestUnits) {
  BookInfo b = parse_book_info("Hướng Hóa/Hướng Phùng/kh/2012.03/KH.2012.03.p0001.jpg", NamePattern{});
  EXPECT_EQ(b.type, "KH");
  EXPECT_EQ(b.commune, "Hướng Phùng");
  EXPECT_EQ(b.district, "Hướng Hóa");
  EXPECT_TRUE(b.province.empty());
}

TEST(BookName, MisnamedFilesAreFlagged) {
  for (const char* name : {"scan_0001.png", "KS-2007-01.pdf", "KS.07.01.pdf", "IMG_2034.JPG"}) {
    BookInfo b = parse_book_info(name, NamePattern{});
    EXPECT_FALSE(b.matched) << name;
    EXPECT_TRUE(b.type.empty()) << name;
    EXPECT_FALSE(b.year.has_value()) << name;
  }
  // Units still come from a well-formed folder path.
  BookInfo b = parse_book_info("T/H/X/ks/2007.01/scan_0001.png", NamePattern{});
  EXPECT_FALSE(b.matched);
  EXPECT_EQ(b.commune, "X");
  EXPECT_EQ(b.province, "T");
}

TEST(BookName, CustomTemplate) {
  NamePattern p;
  p.templates = {"{*}_{type}_{year}_{volume}_{page}"};
  BookInfo b = parse_book_info("QuangTri_TĐCC_2015_02_0033.tif", p);
  EXPECT_TRUE(b.matched);
  EXPECT_EQ(b.type, "TĐCC");
  EXPECT_EQ(b.year, 2015);
  EXPECT_EQ(b.book_page, 33);
  EXPECT_FALSE(parse_book_info("KS.2017.01.tif", p).matched);

  NamePattern bad;
  bad.templates = {"{type}.{color}"};
  EXPECT_THROW(parse_book_info("KS.red.png", bad), ConfigError);
}

}  // namespace
}  // namespace ledger
