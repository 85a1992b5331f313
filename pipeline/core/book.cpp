// What a page's file name and folder tell about its book (see book.hpp).
#include "core/book.hpp"

namespace ledger {

std::string BookInfo::unit() const {
  std::string out;
  for (const std::string* part : {&commune, &district, &province}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ", ";
    out += *part;
  }
  return out;
}

std::string BookInfo::book_id() const {
  std::string id = type.empty() ? "?" : type;
  id += "." + (year ? std::to_string(*year) : std::string("?"));
  id += "." + (volume.empty() ? std::string("?") : volume);
  for (const std::string* part : {&province, &district, &commune})
    if (!part->empty()) id += "/" + *part;
  return id;
}

}  // namespace ledger
