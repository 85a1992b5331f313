// Writing the project's self-contained HTML reports (evaluation, campaign progress, duplicates):
// the one escaping rule they share.
#pragma once
#include <string>

namespace ledger {

/// Escapes &, <, > and " so that `s` can stand in HTML text or a quoted attribute.
std::string html_escape(const std::string& s);

}  // namespace ledger
