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
///  Notes:
///   (1) Also: "quyenSo-format", "birth-date-format" (a *NgaySinh value neither yyyy nor
///       dd.mm.yyyy), "impossible-date", "date-words-mismatch" (a date in digits and its
///       `…BangChu` words disagree; both fields). Agreement or not is also recorded as evidence
///       "date-words-agree" (1/0) on both fields, for calibration.
///   (2) `so` without "/yyyy" is as written but not what MoJ imports: record issue
///       "so-without-year", no field reason.
///   (3) Parents: a birth year 12–70 years before the child's, else "parent-age-implausible".
///   (4) Required keys: default_required_keys() ("so", "ngayDangKy"); only keys the record has.
void apply_record_rules(DraftRecord& record, std::optional<int> book_year);
/// The same with the layout's own required keys (FieldRegion::required).
void apply_record_rules(DraftRecord& record, std::optional<int> book_year,
                        const std::vector<std::string>& required_keys);
/// The keys required when the layout says nothing: "so", "ngayDangKy".
const std::vector<std::string>& default_required_keys();

/// Entry numbers within one book should rise with the page order: adds "so-out-of-sequence" to
/// `so` of records that break the sequence. `records` are in page order.
void check_entry_sequence(std::vector<DraftRecord*>& records);

}  // namespace ledger
