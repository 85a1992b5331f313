// Reading one layout file (config/layouts/*.yaml) into a LayoutTemplate, with every check a
// clerk-IT person needs to fix a broken file: each problem names FILE:LINE and what is wrong.
#pragma once
#include <filesystem>
#include <string>

#include "layout/layout_template.hpp"

namespace ledger {

/// Loads and validates a layout file.
///   file: a YAML layout (see config/layouts/ks-2016.yaml for the format).
/// Returns the template with every position converted from percent to page fractions.
/// Throws ConfigError "FILE:LINE: problem" on a YAML syntax error, a missing or unknown key, an
/// unknown field type, a duplicate field key, a percent outside 0..100, a form without fields, a
/// table without columns or whose widths do not add up to ~100, a checkbox without choices.
/// Notes:
///   1. Positions inside the page are checked after adding the relative line/box rectangles to
///      their label's `at`, so a value box that would fall off the page is caught too.
///   2. Unknown keys are errors, not warnings: a misspelt `requried:` would otherwise silently
///      make a field optional.
LayoutTemplate load_layout(const std::filesystem::path& file);

/// Same as load_layout but from text; `name` stands for the file name in messages.
LayoutTemplate parse_layout(const std::string& yaml_text, const std::string& name);

}  // namespace ledger
