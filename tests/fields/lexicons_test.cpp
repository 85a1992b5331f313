// Tests for loading the lexicons: the committed files load with their sizes, missing files give
// empty lexicons, malformed rows name the file, places follow their eras.
#include "fields/lexicons.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "testkit.hpp"

namespace ledger {

TEST(Lexicons, CommittedFilesLoad) {
  const Lexicons& lx = Lexicons::builtin();
  EXPECT_GT(lx.names(NamePart::Surname).size(), 150u);
  EXPECT_GT(lx.names(NamePart::Middle).size(), 300u);
  EXPECT_GT(lx.names(NamePart::Given).size(), 600u);
  EXPECT_EQ(lx.ethnic_groups().size(), 54u);
  EXPECT_GT(lx.places().size(), 500u);
  EXPECT_GT(lx.syllables().size(), 2000u);
  EXPECT_GE(lx.countries().size(), 5u);
  EXPECT_TRUE(lx.is_syllable("nguyễn"));
  EXPECT_TRUE(lx.is_syllable("HÒA"));
  EXPECT_FALSE(lx.is_syllable("smartphone"));
}

TEST(Lexicons, EveryCommittedFileHasASourceLine) {
  for (const char* f : {"surnames.tsv", "middle_names.tsv", "given_names.tsv", "ethnicities.tsv", "places.tsv",
                        "syllables.txt", "countries.tsv"}) {
    std::ifstream in(testkit::source_dir() / "models" / "lexicons" / f);
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first.rfind("# source: ", 0), 0u) << f;
  }
}

TEST(Lexicons, EthnicGroupsHaveOfficialCodesAndAliases) {
  const Lexicons& lx = Lexicons::builtin();
  const EthnicGroup* kinh = lx.find_ethnic_group("Kinh");
  ASSERT_TRUE(kinh);
  EXPECT_EQ(kinh->code, "01");
  const EthnicGroup* bru = lx.find_ethnic_group("Vân Kiều");
  ASSERT_TRUE(bru);
  EXPECT_EQ(bru->name, "Bru-Vân Kiều");
  EXPECT_EQ(bru->code, "23");
  const EthnicGroup* taoi = lx.find_ethnic_group("pa kô");
  ASSERT_TRUE(taoi);
  EXPECT_EQ(taoi->name, "Tà-ôi");
  EXPECT_EQ(lx.find_ethnic_group("Tà Ôi"), taoi);
}

TEST(Lexicons, PlacesFollowTheirEra) {
  const Lexicons& lx = Lexicons::builtin();
  // Xã Vĩnh Thạch merged into Kim Thạch on 1 Jan 2020; Phường Nam Đông Hà exists from 2025.
  EXPECT_TRUE(lx.place_index(2015).find_exact("Vĩnh Thạch"));
  EXPECT_FALSE(lx.place_index(2021).find_exact("Vĩnh Thạch"));
  EXPECT_FALSE(lx.place_index(2015).find_exact("Kim Thạch"));
  EXPECT_TRUE(lx.place_index(2021).find_exact("Kim Thạch"));
  EXPECT_FALSE(lx.place_index(2015).find_exact("Nam Đông Hà"));
  EXPECT_TRUE(lx.place_index(2025).find_exact("Nam Đông Hà"));
  EXPECT_TRUE(lx.place_index(std::nullopt).find_exact("Vĩnh Thạch"));
  auto idx = lx.place_index(2015).find_exact("Hướng Phùng");
  ASSERT_TRUE(idx);
  auto units = lx.places_of(2015, *idx);
  ASSERT_FALSE(units.empty());
  EXPECT_EQ(units[0]->name, "Xã Hướng Phùng");
  EXPECT_EQ(units[0]->level, 3);
}

TEST(Lexicons, MissingFilesGiveEmptyLexicons) {
  testkit::TempDir dir;
  Lexicons lx = Lexicons::load(dir.path());
  EXPECT_TRUE(lx.names(NamePart::Surname).empty());
  EXPECT_TRUE(lx.ethnic_groups().empty());
  EXPECT_TRUE(lx.places().empty());
  EXPECT_TRUE(lx.place_index(2010).empty());
  EXPECT_FALSE(lx.is_syllable("an"));
}

TEST(Lexicons, DefaultConstructedIsEmptyAndSafe) {
  Lexicons lx;
  EXPECT_TRUE(lx.place_index(2010).empty());
  EXPECT_TRUE(lx.places_of(2010, 0).empty());
  EXPECT_FALSE(lx.is_syllable("an"));
  EXPECT_EQ(lx.find_ethnic_group("Kinh"), nullptr);
}

TEST(Lexicons, MalformedRowNamesTheFile) {
  testkit::TempDir dir;
  std::ofstream(dir / "places.tsv") << "# source: test\n45\t1\tTỉnh Quảng Trị\n";
  try {
    Lexicons::load(dir.path());
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("places.tsv"), std::string::npos);
  }
  std::ofstream(dir / "places.tsv", std::ios::trunc) << "45\t1\tTỉnh Quảng Trị\t\tabc\t\n";
  EXPECT_THROW(Lexicons::load(dir.path()), ConfigError);
}

TEST(Lexicons, SplitUnitType) {
  EXPECT_EQ(split_unit_type("Xã Hướng Phùng"), (std::pair<std::string, std::string>{"Xã", "Hướng Phùng"}));
  EXPECT_EQ(split_unit_type("thị trấn Khe Sanh").first, "thị trấn");
  EXPECT_EQ(split_unit_type("Thành phố Đông Hà").second, "Đông Hà");
  EXPECT_EQ(split_unit_type("Thôn 3").first, "");
  EXPECT_EQ(split_unit_type("Xuân Hòa").first, "");  // "Xuân" is not "Xã"
}

}  // namespace ledger
