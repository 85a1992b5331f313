// Plausible register entries (see record_generator.hpp).
#include "synth/record_generator.hpp"

#include <algorithm>
#include <cstdio>

#include "core/date_in_words.hpp"
#include "core/text.hpp"

namespace ledger::synth {
namespace {

std::string two(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string dotted(int y, int m, int d) { return two(d) + "." + two(m) + "." + std::to_string(y); }

// How officers write a full date with digits; weights are a guess from registers.md's examples.
std::string written_date(Rng& rng, int y, int m, int d) {
  switch (rng.weighted({3, 3, 2, 1, 1})) {
    case 0: return two(d) + "/" + std::to_string(m) + "/" + std::to_string(y);
    case 1: return two(d) + "/" + two(m) + "/" + std::to_string(y);
    case 2: return std::to_string(d) + "/" + std::to_string(m) + "/" + std::to_string(y);
    case 3: return two(d) + "-" + two(m) + "-" + std::to_string(y);
    default: return dotted(y, m, d);
  }
}

struct Ethnic {
  const char* canonical;
  std::vector<const char*> aliases;  // other spellings seen in registers
  double weight;
};

// Quảng Trị: mostly Kinh; Bru-Vân Kiều and Tà-ôi (Pa Kô) in the western districts. Weights are a
// rough mix for the generator, not census figures.
const std::vector<Ethnic> kEthnic = {
    {"Kinh", {"Kinh"}, 85},
    {"Bru-Vân Kiều", {"Vân Kiều", "Bru Vân Kiều", "Bru-Vân Kiều"}, 8},
    {"Tà-ôi", {"Pa Kô", "Tà Ôi", "Tà-ôi"}, 4},
    {"Mường", {"Mường"}, 1},
    {"Tày", {"Tày"}, 1},
    {"Hoa", {"Hoa"}, 1}};

std::string lower_first_word(const std::string& unit) {
  // "Huyện Hướng Hóa" -> "huyện Hướng Hóa"; type words are lower-case inside an address.
  for (const char* t : {"Thị trấn ", "Thị xã ", "Thành phố ", "Phường ", "Huyện ", "Tỉnh ", "Xã "})
    if (unit.rfind(t, 0) == 0) return to_lower(t) + unit.substr(std::string(t).size());
  return unit;
}

}  // namespace

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + long(doe) - 719468;
}

void civil_from_days(long z, int& y, int& m, int& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = int(doy - (153 * mp + 2) / 5 + 1);
  m = int(mp < 10 ? mp + 3 : mp - 9);
  y = int(yoe) + int(era * 400) + (m <= 2);
}

const SynthValue* SynthRecord::find(const std::string& key) const {
  for (const auto& [k, v] : fields)
    if (k == key) return &v;
  return nullptr;
}

RecordGenerator::RecordGenerator(const SynthLexicon& lexicon, SynthBook book, uint64_t seed)
    : lex_(lexicon), book_(std::move(book)), rng_(seed) {
  communes_ = lex_.communes_in(book_.year);
  if (book_.unit.commune.empty()) {
    // The registering commune is one of Quảng Trị's own (the lexicon also holds neighbours).
    std::vector<const Commune*> home;
    for (const Commune* c : communes_)
      if (c->province == "Tỉnh Quảng Trị") home.push_back(c);
    if (home.empty()) home = communes_;
    book_.unit = *home[size_t(rng_.range(0, int(home.size()) - 1))];
  }
  reg_day_ = days_from_civil(book_.year, 1, 2) + rng_.range(0, 6);
  // ks-2016 books number entries "01/2017"; some officers write only "11" (registers.md).
  so_with_year_ = book_.layout_id == "ks-2016" && rng_.chance(0.85);
  const std::string s1 = lex_.surnames[rng_.weighted([&] {
    std::vector<double> w;
    for (const auto& x : lex_.surnames) w.push_back(x.weight);
    return w;
  }())].text;
  signer_ = person_name(rng_.chance(0.3), s1);
  signer_title_ = rng_.pick(std::vector<std::string>{"Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Chủ tịch Ủy ban nhân dân xã"});
  registrar_ = person_name(rng_.chance(0.6), lex_.surnames[size_t(rng_.range(0, std::min<int>(8, int(lex_.surnames.size()) - 1)))].text);
}

std::string RecordGenerator::person_name(bool female, const std::string& surname) {
  auto draw = [&](const std::vector<Weighted>& list) {
    std::vector<double> w;
    w.reserve(list.size());
    for (const auto& x : list) w.push_back(x.weight);
    return list[rng_.weighted(w)].text;
  };
  // The syllable lists carry no sex: "Thị" and "Văn" are kept to their own, and women's given
  // names come mostly from a short list of common ones.
  static const std::vector<std::string> girls = {"Hoa", "Lan", "Hương", "Trang", "Nhung", "Hằng", "Mai", "Thủy",
                                                 "Hà", "Huyền", "Yến", "Quỳnh", "Linh", "Thảo", "Ngọc", "Phương",
                                                 "Anh", "Nhi", "Vy", "Hạnh", "Loan", "Tuyết"};
  auto middle_for = [&] {
    for (;;) {
      std::string m = draw(lex_.middle_names);
      if (m != (female ? "Văn" : "Thị")) return m;
    }
  };
  std::string middle;
  if (female) middle = rng_.chance(0.55) ? "Thị" : middle_for();
  else middle = rng_.chance(0.4) ? "Văn" : middle_for();
  std::string name = surname + " " + middle;
  // two middle syllables; after "Thị" they are rare and the lists would make them male
  if (rng_.chance(female && middle == "Thị" ? 0.0 : 0.2)) name += " " + middle_for();
  name += " " + (female && rng_.chance(0.7) ? rng_.pick(girls) : draw(lex_.given_names));
  return capitalize_words(nfc(name));
}

const Commune& RecordGenerator::any_commune() {
  // Most people of a commune's book were born and live in that commune.
  if (rng_.chance(0.7)) return book_.unit;
  return *communes_[size_t(rng_.range(0, int(communes_.size()) - 1))];
}

std::string RecordGenerator::place_text(const Commune& c, int style) {
  static const std::vector<std::string> villages = {"Thôn 1", "Thôn 3", "Thôn Tân Hiệp", "Bản Cheng", "Thôn Phú Thành", "Thôn Long Hưng", "Khóm 2"};
  const std::string rest = lower_first_word(c.district) + ", " + lower_first_word(c.province);
  switch (style) {
    case 0: return "Trạm Y tế " + lower_first_word(c.commune) + ", " + rest;
    case 1: return "Bệnh viện Đa khoa " + lower_first_word(c.province);
    case 2: return rng_.pick(villages) + ", " + lower_first_word(c.commune) + ", " + rest;
    default: return c.commune + ", " + rest;
  }
}

SynthRecord RecordGenerator::next(int page) {
  SynthRecord r;
  auto put = [&](const std::string& key, std::string value, std::string text, std::vector<std::string> parts = {}) {
    r.fields.push_back({key, SynthValue{clean_text(value), clean_text(text), std::move(parts)}});
  };
  auto same = [&](const std::string& key, const std::string& v) { put(key, v, v); };
  ++entry_;
  const int year = book_.year;

  // Registration dates rise through the book and stay inside its year.
  reg_day_ = std::min(reg_day_ + rng_.range(0, 3), days_from_civil(year, 12, 31));
  int ry, rm, rd;
  civil_from_days(reg_day_, ry, rm, rd);

  const std::string so = so_with_year_ ? two(entry_) + "/" + std::to_string(year)
                                       : (rng_.chance(0.5) ? two(entry_) : std::to_string(entry_));
  same("so", so);
  put("ngayDangKy", dotted(ry, rm, rd), written_date(rng_, ry, rm, rd),
      {two(rd), std::to_string(rm), std::to_string(ry)});

  // loaiDangKy codes (registers.md): 1 đúng hạn, 4 quá hạn, 2 đăng ký lại.
  const int kind = std::vector<int>{1, 4, 2}[rng_.weighted({80, 12, 8})];
  same("loaiDangKy", std::to_string(kind));
  same("trangSo", std::to_string(page));

  long birth = reg_day_ - (kind == 1 ? rng_.range(1, 60) : kind == 4 ? rng_.range(61, 5 * 365) : rng_.range(365, 30 * 365));
  int by, bm, bd;
  civil_from_days(birth, by, bm, bd);

  const bool capitals = rng_.chance(0.35);  // names often written in capitals
  auto name_field = [&](const std::string& key, const std::string& name) {
    put(key, name, capitals ? to_upper(name) : name);
  };
  auto surname_draw = [&] {
    std::vector<double> w;
    for (const auto& x : lex_.surnames) w.push_back(x.weight);
    return lex_.surnames[rng_.weighted(w)].text;
  };
  auto ethnic_draw = [&]() -> const Ethnic& {
    std::vector<double> w;
    for (const auto& e : kEthnic) w.push_back(e.weight);
    return kEthnic[rng_.weighted(w)];
  };
  auto ethnic_field = [&](const std::string& key, const Ethnic& e) {
    put(key, e.canonical, rng_.chance(0.3) ? std::string(rng_.pick(e.aliases)) : std::string(e.canonical));
  };

  const bool female = rng_.chance(0.49);
  const bool has_father = rng_.chance(0.94);
  const std::string father_surname = surname_draw();
  const std::string mother = person_name(true, surname_draw());
  const std::string father = person_name(false, father_surname);
  const std::string child = person_name(female, has_father ? father_surname : split_words(mother).front());
  const Ethnic& mother_eth = ethnic_draw();
  const Ethnic& father_eth = rng_.chance(0.9) ? mother_eth : ethnic_draw();
  const Commune& home = any_commune();

  name_field("nksHoTen", child);
  same("nksGioiTinh", female ? "Nữ" : "Nam");
  put("nksNgaySinh", dotted(by, bm, bd), written_date(rng_, by, bm, bd));
  const WordsStyle ws{rng_.chance(0.4), rng_.chance(0.4)};
  same("nksNgaySinhBangChu", date_in_words(bd, bm, by, ws));
  ethnic_field("nksDanToc", has_father ? father_eth : mother_eth);
  same("nksQuocTich", "Việt Nam");
  same("nksNoiSinh", place_text(any_commune(), int(rng_.weighted({5, 3, 1, 3}))));
  same("nksQueQuan", rng_.chance(0.85) ? place_text(has_father ? home : any_commune(), 3) : "");
  if (book_.layout_id == "ks-2016" && year >= 2016 && rng_.chance(0.7)) {
    // 12-digit personal id: province 045, century/sex digit, birth year's last two digits.
    std::string id = "045" + std::to_string((by >= 2000 ? 2 : 0) + (female ? 1 : 0)) + two(by % 100);
    for (int i = 0; i < 6; ++i) id += char('0' + rng_.range(0, 9));
    same("nksSoDinhDanh", id);
  } else {
    same("nksSoDinhDanh", "");
  }

  auto parent = [&](const std::string& p, bool present, const std::string& name, const Ethnic& eth, int min_age, int max_age) {
    if (!present) {
      for (const char* k : {"HoTen", "NgaySinh", "DanToc", "QuocTich", "NoiCuTru"}) same(p + k, "");
      return;
    }
    name_field(p + "HoTen", name);
    const int py = by - rng_.range(min_age, max_age);
    if (rng_.chance(0.85)) {
      same(p + "NgaySinh", std::to_string(py));
    } else {
      int pm = rng_.range(1, 12), pd = rng_.range(1, 28);
      put(p + "NgaySinh", dotted(py, pm, pd), written_date(rng_, py, pm, pd));
    }
    ethnic_field(p + "DanToc", eth);
    same(p + "QuocTich", "Việt Nam");
    same(p + "NoiCuTru", place_text(home, 2));
  };
  parent("me", true, mother, mother_eth, 18, 42);
  parent("cha", has_father, father, father_eth, 20, 45);
  // The parents' residence is one address in most entries.
  if (has_father && rng_.chance(0.8)) {
    auto* me = const_cast<SynthValue*>(r.find("meNoiCuTru"));
    auto* cha = const_cast<SynthValue*>(r.find("chaNoiCuTru"));
    *cha = *me;
  }

  // Who came to register: mostly a parent.
  const size_t who = has_father ? rng_.weighted({60, 30, 10}) : rng_.weighted({0, 85, 15});
  std::string nyc = who == 0 ? father : who == 1 ? mother : person_name(rng_.chance(0.5), father_surname);
  name_field("nycHoTen", nyc);
  same("nycQuanHe", who == 0 ? "Cha" : who == 1 ? "Mẹ" : rng_.pick(std::vector<std::string>{"Ông nội", "Bà nội", "Bà ngoại"}));
  std::string paper = year >= 2016 && rng_.chance(0.5) ? "CCCD số 045" : "CMND số 19";
  for (int i = 0; i < (paper.rfind("CCCD", 0) == 0 ? 9 : 7); ++i) paper += char('0' + rng_.range(0, 9));
  same("nycGiayTo", paper);

  same("nguoiKy", signer_ + ", " + signer_title_);
  same("nguoiThucHien", registrar_);
  static const std::vector<std::string> notes = {"Đăng ký quá hạn", "Con ngoài giá thú", "Đã cấp bản sao", "Bổ sung quê quán"};
  same("ghiChu", kind == 4 && rng_.chance(0.5) ? notes[0] : rng_.chance(0.08) ? rng_.pick(notes) : "");
  return r;
}

}  // namespace ledger::synth
