// Tests for the entry generator: values in the normalised forms of registers.md, dates that
// agree with each other (birth before registration, parents 18–45 years older, the date in
// words matching the digits), entry numbers rising through a book, determinism.
#include "synth/record_generator.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/date_in_words.hpp"
#include "core/text.hpp"
#include "testkit.hpp"

namespace ledger::synth {
namespace {

struct Date {
  int y = 0, m = 0, d = 0;
};

Date parse_dotted(const std::string& s) {
  Date r;
  EXPECT_EQ(std::sscanf(s.c_str(), "%d.%d.%d", &r.d, &r.m, &r.y), 3) << s;
  return r;
}

int year_of(const std::string& s) { return std::stoi(s.substr(s.size() - 4)); }

std::vector<SynthRecord> book_of(const std::string& layout, int year, int n, uint64_t seed) {
  static const SynthLexicon lex = builtin_synth_lexicon();
  SynthBook book;
  book.layout_id = layout;
  book.year = year;
  RecordGenerator gen(lex, book, seed);
  std::vector<SynthRecord> out;
  for (int i = 0; i < n; ++i) out.push_back(gen.next(i + 1));
  return out;
}

}  // namespace

TEST(RecordGenerator, DatesAreConsistent) {
  const std::regex dotted(R"(\d{2}\.\d{2}\.\d{4})"), year(R"(\d{4})");
  for (const auto& r : book_of("ks-2016", 2017, 200, 42)) {
    const std::string reg = r.find("ngayDangKy")->value, birth = r.find("nksNgaySinh")->value;
    ASSERT_TRUE(std::regex_match(reg, dotted)) << reg;
    ASSERT_TRUE(std::regex_match(birth, dotted)) << birth;
    const Date rd = parse_dotted(reg), bd = parse_dotted(birth);
    EXPECT_EQ(rd.y, 2017);
    EXPECT_LE(days_from_civil(bd.y, bd.m, bd.d), days_from_civil(rd.y, rd.m, rd.d)) << birth << " after " << reg;
    for (const char* p : {"meNgaySinh", "chaNgaySinh"}) {
      const std::string v = r.find(p)->value;
      if (v.empty()) continue;
      ASSERT_TRUE(std::regex_match(v, dotted) || std::regex_match(v, year)) << v;
      const int age = bd.y - year_of(v);
      EXPECT_GE(age, 18) << p << " " << v << " child " << birth;
      EXPECT_LE(age, 45) << p << " " << v << " child " << birth;
    }
    // the date in words says the same date as the digits, in one of the spellings
    const std::string words = r.find("nksNgaySinhBangChu")->value;
    std::set<std::string> spellings;
    for (bool ngan : {false, true})
      for (bool le : {false, true}) spellings.insert(date_in_words(bd.d, bd.m, bd.y, {ngan, le}));
    EXPECT_TRUE(spellings.count(words)) << words << " for " << birth;
  }
}

TEST(RecordGenerator, EntryNumbersRiseThroughTheBook) {
  int previous = 0;
  long previous_day = 0;
  for (const auto& r : book_of("ks-2016", 2018, 60, 7)) {
    const std::string so = r.find("so")->value;
    ASSERT_TRUE(std::regex_match(so, std::regex(R"(\d+(/2018)?)"))) << so;
    const int n = std::stoi(so);
    EXPECT_EQ(n, previous + 1);
    previous = n;
    const Date d = parse_dotted(r.find("ngayDangKy")->value);
    const long day = days_from_civil(d.y, d.m, d.d);
    EXPECT_GE(day, previous_day);
    previous_day = day;
  }
  // ks-2006 books number entries without the year
  for (const auto& r : book_of("ks-2006", 2009, 10, 7)) EXPECT_EQ(r.find("so")->value.find('/'), std::string::npos);
}

TEST(RecordGenerator, ValuesAreNormalised) {
  const std::set<std::string> groups = {"Kinh", "Bru-Vân Kiều", "Tà-ôi", "Mường", "Tày", "Hoa"};
  int alias_written = 0, capitals_written = 0;
  for (const auto& r : book_of("ks-2016", 2019, 200, 3)) {
    for (const auto& [key, v] : r.fields) {
      EXPECT_EQ(v.value, clean_text(v.value)) << key;
      if (key.ends_with("HoTen") && !v.value.empty()) {
        EXPECT_EQ(v.value, capitalize_words(v.value)) << key;
        EXPECT_EQ(tone_key(v.value), tone_key(v.text)) << key;  // written form: same name
        capitals_written += v.text == to_upper(v.value);
      }
      if (key.ends_with("DanToc") && !v.value.empty()) {
        EXPECT_TRUE(groups.count(v.value)) << v.value;
        alias_written += v.text != v.value;
      }
      if (key.ends_with("QuocTich") && !v.value.empty()) {
        EXPECT_EQ(v.value, "Việt Nam");
      }
    }
    const std::string sex = r.find("nksGioiTinh")->value;
    EXPECT_TRUE(sex == "Nam" || sex == "Nữ") << sex;
    const std::string kind = r.find("loaiDangKy")->value;
    EXPECT_TRUE(kind == "1" || kind == "2" || kind == "4") << kind;
  }
  EXPECT_GT(alias_written, 0);     // aliases such as "Vân Kiều" do occur in the written form
  EXPECT_GT(capitals_written, 0);  // and names in capitals
}

TEST(RecordGenerator, SameSeedSameEntries) {
  auto a = book_of("ks-2016", 2017, 5, 99), b = book_of("ks-2016", 2017, 5, 99), c = book_of("ks-2016", 2017, 5, 100);
  bool differs = false;
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].fields.size(), b[i].fields.size());
    for (size_t k = 0; k < a[i].fields.size(); ++k) {
      EXPECT_EQ(a[i].fields[k].second.value, b[i].fields[k].second.value);
      EXPECT_EQ(a[i].fields[k].second.text, b[i].fields[k].second.text);
      differs = differs || a[i].fields[k].second.value != c[i].fields[k].second.value;
    }
  }
  EXPECT_TRUE(differs);
}

TEST(RecordGenerator, PlacesAreValidForTheBooksYear) {
  SynthLexicon lex = builtin_synth_lexicon();
  for (const Commune* c : lex.communes_in(2005)) EXPECT_LE(c->valid_from, 2005);
  for (const Commune* c : lex.communes_in(2021)) EXPECT_GE(c->valid_to, 2021);
}

}  // namespace ledger::synth

namespace ledger::synth {

TEST(SynthLexicon, ProjectListsGiveQuangTriUnitsOfTheirTime) {
  if (!std::filesystem::exists(testkit::source_dir() / "models" / "lexicons" / "places.tsv"))
    GTEST_SKIP() << "models/lexicons not built";
  const SynthLexicon lex = load_synth_lexicon(testkit::source_dir());
  EXPECT_NE(lex.source, "built-in");
  bool found = false;
  for (const Commune* c : lex.communes_in(2017)) {
    found = found || (c->commune == "Xã Hướng Phùng" && c->district == "Huyện Hướng Hóa" && c->province == "Tỉnh Quảng Trị");
    // Bố Trạch belonged to Quảng Bình until the 2025 merger
    if (c->district == "Huyện Bố Trạch") EXPECT_EQ(c->province, "Tỉnh Quảng Bình");
  }
  EXPECT_TRUE(found);
  // entries damaged by a wrong encoding never reach a page
  for (const auto* list : {&lex.surnames, &lex.middle_names, &lex.given_names})
    for (const auto& w : *list) EXPECT_EQ(w.text.find("ť"), std::string::npos) << w.text;
}

}  // namespace ledger::synth
