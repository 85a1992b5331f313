// The grouping pass's settings from the settings file, for `ledger-ocr group` and `run --group`:
// the lexicons its vocabulary vote reads, the keys of numbers in sequence, of dates in order, of
// what file names carry and of values written twice in a record; and how both commands report
// what the pass made.
#pragma once
#include <string>

#include "fields/lexicons.hpp"
#include "groups/group_fields.hpp"
#include "run/pipeline_config.hpp"

namespace ledger::cli {

/// Grouping options that point at their own lexicons (so neither copies nor moves).
struct GroupingSettings {
  explicit GroupingSettings(const PipelineConfig& config) : lexicons(Lexicons::load(config.models_dir / "lexicons")) {
    options.lexicons = &lexicons;
    if (config.sequence_keys) options.sequence_keys = *config.sequence_keys;
    if (config.order_keys) options.order_keys = *config.order_keys;
    if (config.page_keys) options.page_keys = *config.page_keys;
    if (config.named_entry_keys) options.named_entry_keys = *config.named_entry_keys;
    if (config.named_day_keys) options.named_day_keys = *config.named_day_keys;
    if (config.page_entry_keys) options.page_entry_keys = *config.page_entry_keys;
    if (config.twin_keys) {
      options.twin_keys.clear();
      for (const auto& [key, partners] : *config.twin_keys) options.twin_keys.push_back({key, partners});
    }
  }
  GroupingSettings(const GroupingSettings&) = delete;
  GroupingSettings& operator=(const GroupingSettings&) = delete;

  Lexicons lexicons;  // ethnic groups and countries for groups no reading backs (groups/vocabulary_vote.hpp)
  groups::GroupingOptions options;
};

/// What a grouping pass made, as `group` and `run --group` print it: "G groups (S of entry numbers
/// in sequence, D of days in order, A of dates agreeing with their words, R read alike, W written
/// twice in a record) holding F fields to review, P with a backed proposal".
inline std::string group_counts(const groups::GroupingSummary& s) {
  return std::to_string(s.groups) + " groups (" + std::to_string(s.sequences) + " of entry numbers in sequence, " +
         std::to_string(s.in_order) + " of days in order, " + std::to_string(s.agreeing) +
         " of dates agreeing with their words, " + std::to_string(s.read_alike) + " read alike, " +
         std::to_string(s.written_twice) + " written twice in a record) holding " +
         std::to_string(s.grouped_fields) + " fields to review, " + std::to_string(s.proposed) +
         " with a backed proposal";
}

}  // namespace ledger::cli
