// Plausible register entries for generated pages: names by syllable frequency, consistent dates
// (birth before registration, parents 18–45 years older), Quảng Trị places valid for the book's
// year, ethnic groups with their aliases, MoJ formats. Each value has the normalised form (the
// ground truth) and the form an officer would write.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "synth/rng.hpp"
#include "synth/synth_lexicon.hpp"

namespace ledger::synth {

/// One field's content: what the ground truth says and what is written on the page.
struct SynthValue {
  std::string value;               // normalised (registers.md "Field keys and values"); "" = blank
  std::string text;                // as written: "05/3/2010", "NGUYỄN VĂN AN", "Vân Kiều"
  std::vector<std::string> parts;  // dates written in three blanks (day, month, year), else empty
};

/// One register entry, by field key.
struct SynthRecord {
  std::vector<std::pair<std::string, SynthValue>> fields;
  const SynthValue* find(const std::string& key) const;
};

/// The book the entries belong to.
struct SynthBook {
  std::string layout_id = "ks-2016";  // decides the era's habits (`so` style, id numbers)
  int year = 2017;                    // year the book opened
  std::string volume = "01";
  Commune unit;                       // registering commune
};

/// Makes the entries of one book in order: entry numbers and registration dates rise.
class RecordGenerator {
 public:
  RecordGenerator(const SynthLexicon& lexicon, SynthBook book, uint64_t seed);

  /// The next entry. Every key the generator knows is filled (blank where the entry has no
  /// value): so, ngayDangKy, loaiDangKy, trangSo, nks*, me*, cha*, nyc*, nguoiKy, nguoiThucHien, ghiChu.
  /// `page` is the 1-based page of the book the entry is written on (trangSo).
  SynthRecord next(int page);

  const SynthBook& book() const { return book_; }
  /// The book's signing officer and registrar, "Họ Tên" (same on every page of a book).
  const std::string& signer() const { return signer_; }
  const std::string& registrar() const { return registrar_; }

 private:
  std::string person_name(bool female, const std::string& surname);
  std::string place_text(const Commune& c, int style);
  const Commune& any_commune();

  const SynthLexicon& lex_;
  SynthBook book_;
  Rng rng_;
  int entry_ = 0;
  long reg_day_ = 0;  // days since 1970-01-01 of the previous registration
  bool so_with_year_ = true;
  std::string signer_, signer_title_, registrar_;
  std::vector<const Commune*> communes_;
};

/// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
long days_from_civil(int y, int m, int d);
void civil_from_days(long z, int& y, int& m, int& d);

}  // namespace ledger::synth
