// The human-readable parts of an evaluation: the headline sentence and the short terminal
// summary (at most 15 lines).
#pragma once
#include <string>

#include "evaluate/eval_report.hpp"

namespace ledger {

/// "Of 1,234 fields, 71% can be pre-filled; 2 of 880 pre-filled fields were wrong (0.23%);
/// clerks would type 38% of the keystrokes of keying from scratch."
std::string report_headline(const EvalReport& report);

/// The terminal summary: headline, layout, trust, clerk effort, baseline; <= 15 lines, each
/// ending in '\n'.
std::string report_summary(const EvalReport& report);

/// 1234567 -> "1,234,567".
std::string with_thousands(long n);
/// 0.2345 -> "23.5%" (`decimals` after the point).
std::string percent(double share, int decimals = 1);

}  // namespace ledger
