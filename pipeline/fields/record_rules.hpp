// The reviewers' quality rules and cross-field checks on one draft record, and the book-level
// sequence check; a failed rule adds a reason to the fields involved.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"

namespace ledger {

class LayoutTemplate;

/// Applies the record rules (registers.md "Quality rules"): adds reasons such as
/// "so-format", "ngayDangKy-format", "year-mismatch", "after-registration-date",
/// "parent-age-implausible", "trangSo-not-number", "required-missing" to the fields involved
/// and record-level findings to `record.issues`.
void apply_record_rules(DraftRecord& record, std::optional<int> book_year);

/// Entry numbers within one book should rise with the page order: adds "so-out-of-sequence" to
/// `so` of records that break the sequence. `records` are in page order.
void check_entry_sequence(std::vector<DraftRecord*>& records);

}  // namespace ledger
