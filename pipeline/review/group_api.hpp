// The review station's group view: look-alike crops of one field type in one book
// (groups/group_store.hpp) listed, shown, and confirmed with one value for all their fields;
// a book's entry numbers in sequence and registration days in order confirmed at once, each
// with its own reading.
// The server creates the group tables when it starts (groups::ensure_group_tables).
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "records/sqlite_db.hpp"
#include "review/accounts.hpp"

namespace ledger::review {

/// Groups of the clerk's units, open ones first, largest first.
///   book  "" = every book; type: "" = every field type; open_only: only groups not confirmed
///         that still have a field to fill (`to_fill`: members not taken out, no clerk value)
/// Returns [{id, kind ("look-alike", "sequence" or "agreeing"), book, type, key, proposed_value, confidence,
///           source, size, to_fill, evidence, confirmed_by, confirmed_at}].
nlohmann::json list_groups(sql::Db& db, const Clerk& clerk, const std::string& book,
                           const std::string& type, bool open_only);

/// One group with its members: {..., members: [{field_id, record_id, page_id, key, value,
/// confidence, status, role, removed, reviewed_value|null}]}; a member's crop is
/// GET /api/record/RECORD/crop?key=KEY. HttpError 404 when absent, 403 outside the clerk's units.
nlohmann::json group_view(sql::Db& db, const Clerk& clerk, std::int64_t group_id);

/// Confirms `value` for the group: every member to fill that is not in `removed` gets it as its
/// reviewed value, with an audit row per field ("confirm" when equal to the pipeline's value,
/// else "correct"), in one transaction; the group records the clerk, the time and the removals.
/// Notes:
///   1. Members already holding a clerk's value, and members whose record another clerk has
///      open (a live lock), are left alone and counted; no lock is taken.
///   2. Evidence members (accepted look-alikes) are never written.
///   3. HttpError 400 for an empty value (a look-alike group) or a removed id that is not a
///      member, 404 for no such group, 403 outside the clerk's units, 409 when the group was
///      already confirmed.
///   4. Filling a field bumps its version (the audit row), so a clerk holding the record open
///      with the old version gets the usual 409 on a save.
///   5. A sequence group (kind "sequence": entry numbers or registration days) ignores
///      `value`: each member is filled with its own reading, which the sure ones around it back.
///      So does an agreeing group (kind "agreeing"): each date's digits and words agree.
/// Returns {id, value ("" for a sequence or agreeing group), filled, removed, skipped_locked,
///          skipped_reviewed}.
nlohmann::json confirm_group(sql::Db& db, const Clerk& clerk, std::int64_t group_id, const std::string& value,
                             const std::vector<std::int64_t>& removed);

}  // namespace ledger::review
