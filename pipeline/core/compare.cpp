// The ground-truth scoring rule (see compare.hpp).
#include "core/compare.hpp"

#include "core/text.hpp"

namespace ledger {

std::string comparison_key(FieldType type, const std::string& value) {
  std::string v = clean_text(value);
  if (v.empty()) return v;
  switch (type) {
    case FieldType::Name:
    case FieldType::Place:
      return tone_key(v);
    default:
      return v;
  }
}

bool values_match(FieldType type, const std::string& a, const std::string& b) {
  return comparison_key(type, a) == comparison_key(type, b);
}

}  // namespace ledger
