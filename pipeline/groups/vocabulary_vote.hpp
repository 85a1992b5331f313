// A group's value from its unsure readings, for field types with a closed vocabulary (ethnic
// groups, countries, sex): each reading votes for its nearest vocabulary entry.
#pragma once
#include <string>
#include <vector>

#include "core/field_type.hpp"
#include "fields/lexicons.hpp"
#include "groups/proposal.hpp"

namespace ledger::groups {

/// What the vote found.
struct Vote {
  std::string value;  // canonical entry ("Kinh", "Việt Nam", "Nữ"); "" when no clear winner
  double share = 0;   // members that voted for it / members with a reading
};

/// Votes for the group's value.
///   members  the group's readings (values as stored)
///   type     the field type: Ethnicity, Nationality or Sex; any other gives no vote
///   lx       the lexicons (ethnic groups and countries)
/// Notes:
///   1. A reading votes for the entry LexiconIndex::best finds within max(2, 0.6 x its length)
///      edits: one hand's misreadings of one word ("Zqnh", "ịnh", "Kỉnh" for "Kinh") scatter,
///      but most stay nearest the word written. Ethnicity and nationality readings under three
///      letters do not vote: "nh" is as near "Mạ" as "Kinh".
///   2. The winner needs at least two votes and more than half of the readings.
///   3. Only a suggestion for the clerk: it never accepts a field (group_fields keeps the
///      group's source "none").
Vote vote_vocabulary(const std::vector<MemberReading>& members, FieldType type, const Lexicons& lx);

/// True for the field types whose values come from a closed vocabulary (ethnicity,
/// nationality, sex): a value outside it is a misreading, never the written value.
bool has_vocabulary(FieldType type);

/// True when `value` is an entry of the type's vocabulary as written (up to case, tone-mark
/// placement and a hyphen for a space): "Kinh", "Mạ", "Bru-Vân Kiều", "Việt Nam", "Nữ"; false
/// for "rh" or for a type without one.
bool in_vocabulary(const std::string& value, FieldType type, const Lexicons& lx);

}  // namespace ledger::groups
