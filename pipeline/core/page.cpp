// The values that travel down the pipeline (see page.hpp).
#include "core/page.hpp"

namespace ledger {

std::string_view to_string(FieldStatus s) {
  switch (s) {
    case FieldStatus::Accept: return "accept";
    case FieldStatus::Blank: return "blank";
    case FieldStatus::Review: break;
  }
  return "review";
}

DraftField* DraftRecord::find(const std::string& key) {
  for (auto& [k, f] : fields)
    if (k == key) return &f;
  return nullptr;
}

const DraftField* DraftRecord::find(const std::string& key) const {
  for (const auto& [k, f] : fields)
    if (k == key) return &f;
  return nullptr;
}

}  // namespace ledger
