// What a page's file name and folder tell about its book: type, year, volume, unit, and for
// one-record-per-file scans the registration date and entry number.
#pragma once
#include <optional>
#include <string>

namespace ledger {

struct BookInfo {
  std::string type;          // "KS", "KH", "KT", ... ("" when unknown)
  std::optional<int> year;   // year the book opened
  std::string volume;        // "01"
  std::string province, district, commune;  // from the folder path, as written
  std::string reg_date;      // "2008-01-28" when the name carries it
  std::string entry;         // "01" when the name carries it
  std::optional<int> book_page;  // page number within the book when the name carries it ("p0012")
  bool matched = false;      // the file name matched a naming pattern (false: type etc. unknown)

  /// "Xã A, Huyện B, Tỉnh C" style unit text from the folder names (commune first), "" if none.
  std::string unit() const;
  /// A stable book id: "KS.2007.01" plus the unit path; used to group pages of one book.
  std::string book_id() const;
};

}  // namespace ledger
