// The store's tables of look-alike groups (`field_groups`, `field_group_members`), added to the
// run's SQLite file next to the store's own tables, and reading/writing them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "records/sqlite_db.hpp"

namespace ledger::groups {

/// One crop of a group.
struct GroupMember {
  std::int64_t field_id = 0, record_id = 0, page_id = 0;
  std::string key;
  std::string value;                          // the pipeline's value
  double confidence = 0;
  std::string status;                         // "accept", "review"
  std::optional<std::string> reviewed_value;  // a clerk's value, when saved
  Box box;
  std::string role = "member";                // "member": to fill; "evidence": an accepted look-alike
  bool removed = false;                       // taken out of the group by a clerk
  /// A sequence group's member whose reading its book's witness contradicts: the value that
  /// witness gives it (its file's page plus the book's offset), filled instead of the reading.
  std::optional<std::string> proposed;
};

/// A group of crops of one field type in one book: look-alikes (or long values read alike) that
/// share one value; a book's entry numbers that continue the sure ones around them and its
/// registration days in order between them (kind "sequence": each member keeps its own value,
/// groups/entry_sequence.hpp, groups/date_order.hpp); or dates whose digits and words, read
/// apart, agree (kind "agreeing": each member keeps its own value, group_fields.hpp note 9).
struct FieldGroup {
  std::int64_t id = 0;
  std::string book_id;
  std::string commune;         // the book's commune (pages.commune), for the clerks' scope
  std::string field_type;      // "sex", "ethnicity", ...
  std::string field_key;       // the members' key when they share one, else ""
  std::string proposed_value;
  double confidence = 0;
  std::string source = "none";  // "reading", "clerk", "none"
  std::string kind = "look-alike";  // "look-alike", "sequence" or "agreeing"

  /// Whether each member keeps its own reading (sequence and agreeing groups), rather than
  /// taking one value.
  bool own_values() const { return kind != "look-alike"; }
  std::string confirmed_by, confirmed_at;  // "" while open
  std::string created_at;
  std::vector<GroupMember> members;

  bool confirmed() const { return !confirmed_at.empty(); }
  /// Members to fill that a clerk has not removed.
  int open_members() const;
};

/// SQL subquery of the fields a clerk settled by confirming their group (taken out of it or
/// not): the grouping never groups them again.
inline constexpr const char* kConfirmedMembers =
    "(SELECT m.field_id FROM field_group_members m JOIN field_groups g ON g.id = m.group_id "
    " WHERE g.confirmed_at IS NOT NULL)";

/// Creates the group tables and indexes when absent (idempotent).
/// Notes:
///   1. A table made before a kind existed (no `kind` column, or one whose CHECK lacks
///      "agreeing") is rebuilt with the current schema, keeping every group, its id and its
///      members; its groups without a kind are look-alikes.
///   2. The rebuild switches foreign keys off for its while (dropping the old table would delete
///      the members), so it throws std::logic_error when called inside a transaction.
void ensure_group_tables(sql::Db& db);

/// Inserts `group` with its members (ids ignored); returns the new group id.
std::int64_t insert_group(sql::Db& db, const FieldGroup& group);

/// Deletes the groups of `book_id` that no clerk confirmed ("" = every book's). Returns how many.
int delete_open_groups(sql::Db& db, const std::string& book_id);

/// Which groups to list.
struct GroupQuery {
  std::string book_id;      // "" = all books
  std::string field_type;   // "" = all types
  bool open_only = false;   // only groups not yet confirmed
};

/// Groups matching `q`, largest open first, with their members (crops whose field row is gone
/// after a re-run are left out): fields to fill first, then evidence; a sequence group's in
/// book order.
std::vector<FieldGroup> load_groups(sql::Db& db, const GroupQuery& q = {});
/// One group, or nothing when there is no such id.
std::optional<FieldGroup> load_group(sql::Db& db, std::int64_t id);

/// Records a clerk's confirmation: the value (source "clerk"), who and when, and the removed
/// members. The fields themselves are written by the caller (review/group_api.hpp), in the same
/// transaction.
void mark_confirmed(sql::Db& db, std::int64_t group_id, const std::string& value, const std::string& clerk,
                    const std::string& at, const std::vector<std::int64_t>& removed_field_ids);

}  // namespace ledger::groups
