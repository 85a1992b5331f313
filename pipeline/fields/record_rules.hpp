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

/// A date written twice: in digits under key K and in words under K + kInWordsSuffix.
inline constexpr const char* kInWordsSuffix = "BangChu";

/// Whether a date's digits ("dd.mm.yyyy" or "yyyy") and its words name the same day (or the
/// same year alone); false when either names none.
bool dates_agree(const std::string& digits, const std::string& words);

/// The flags of the whole-book checks below: a reading the rest of its book contradicts.
inline constexpr const char* kEntryOutOfSequence = "so-out-of-sequence";
inline constexpr const char* kRegistrationOutOfOrder = "ngayDangKy-out-of-order";

/// Entry numbers within one book should rise with the page order: adds "so-out-of-sequence" to
/// `so` of records that break the sequence. `records` are in page order.
void check_entry_sequence(std::vector<DraftRecord*>& records);

/// Registration dates within one book never fall with the page order: adds
/// "ngayDangKy-out-of-order" to an accepted `ngayDangKy` that breaks the order of the book's
/// accepted ones. `records` are in page order.
/// Notes:
///   1. The longest run of accepted dates that never falls is taken as the true order; the other
///      accepted dates are flagged (one misread day breaks only itself).
///   2. Dates under review are not judged: one hand's quirk (a 7 written like a 1) can misread
///      most of a book alike, and a longest run of such readings would flag the right ones.
///   3. A date this check flagged before is judged again with the accepted ones (the flag sent
///      it to review): the flag stays only while it still breaks the order.
void check_registration_order(std::vector<DraftRecord*>& records);

}  // namespace ledger
