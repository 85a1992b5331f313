// The one timestamp format the store, the audit trail and the progress reports share, so that
// "when" compares and sorts the same everywhere.
#pragma once
#include <string>

namespace ledger {

/// Now, in UTC, as ISO 8601 to the second: "2026-11-28T12:55:52Z" (sorts as text).
std::string utc_now();

}  // namespace ledger
