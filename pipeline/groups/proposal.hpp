// The value proposed for a group of look-alike crops, and how sure it is: taken from the
// members a clerk already typed, else from readings the pipeline is sure of, else the most
// common reading as an unsure suggestion.
#pragma once
#include <string>
#include <vector>

namespace ledger::groups {

/// What one group member says.
struct MemberReading {
  std::string value;        // normalised value (a clerk's when `clerk`)
  double confidence = 0;    // calibrated probability the value is right (fields.confidence)
  bool clerk = false;       // typed or confirmed by a clerk
};

/// A group's proposal.
struct Proposal {
  std::string value;            // "" when no member has a value
  double confidence = 0;        // probability that `value` is every pure member's true value
  std::string source = "none";  // "clerk", "reading" (a sure reading backs it), "none"
};

/// Proposes a value for a group.
///   members          every member's reading (members to fill and accepted look-alikes)
///   sure_confidence  a reading at least this confident counts as evidence ("reading")
///   purity           the share of grouped crops that share their group's value (measured by
///                    bench/grouping_bench): the group itself may be wrong
/// Notes:
///   1. A clerk's value wins (the most frequent one if clerks disagree).
///   2. Otherwise the value with the most confident reading is proposed; its confidence is that
///      reading's, times the chance that no confident member reading another value is right,
///      times `purity`. Readings of one crop-alike in one hand fail together, so agreeing
///      readings are not multiplied as if independent.
///   3. Never used to accept a field: the proposal fills members only when a clerk confirms it.
Proposal propose(const std::vector<MemberReading>& members, double sure_confidence = 0.9,
                 double purity = 0.99);

}  // namespace ledger::groups
