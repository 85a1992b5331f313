// The grouping pass's settings from the settings file, for `ledger-ocr group` and `run --group`:
// the lexicons its vocabulary vote reads, the keys of numbers in sequence and of dates in order.
#pragma once
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
  }
  GroupingSettings(const GroupingSettings&) = delete;
  GroupingSettings& operator=(const GroupingSettings&) = delete;

  Lexicons lexicons;  // ethnic groups and countries for groups no reading backs (groups/vocabulary_vote.hpp)
  groups::GroupingOptions options;
};

}  // namespace ledger::cli
