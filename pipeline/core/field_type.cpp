// The kinds of value a register field holds (see field_type.hpp).
#include "core/field_type.hpp"

#include <array>
#include <utility>

namespace ledger {
namespace {
constexpr std::array<std::pair<FieldType, std::string_view>, 11> kNames{{
    {FieldType::Name, "name"},
    {FieldType::Date, "date"},
    {FieldType::DateWords, "date-words"},
    {FieldType::Sex, "sex"},
    {FieldType::Ethnicity, "ethnicity"},
    {FieldType::Nationality, "nationality"},
    {FieldType::Place, "place"},
    {FieldType::Number, "number"},
    {FieldType::IdNumber, "id-number"},
    {FieldType::Text, "text"},
    {FieldType::Checkbox, "checkbox"},
}};
}  // namespace

std::string_view to_string(FieldType t) {
  for (const auto& [type, name] : kNames)
    if (type == t) return name;
  return "text";
}

std::optional<FieldType> parse_field_type(std::string_view s) {
  for (const auto& [type, name] : kNames)
    if (name == s) return type;
  return std::nullopt;
}

bool is_numeric(FieldType t) {
  return t == FieldType::Date || t == FieldType::Number || t == FieldType::IdNumber;
}

}  // namespace ledger
