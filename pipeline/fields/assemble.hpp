// Turning one page's readings into draft records: normalise every field, apply the record
// rules, compute calibrated confidence, and route each field to accept / review / blank.
#pragma once
#include <optional>
#include <vector>

#include "core/page.hpp"
#include "fields/field_models.hpp"
#include "layout/layout_template.hpp"

namespace ledger {

/// One DraftRecord per record of `readings`, with the fields in `layout`'s order.
///   layout     gives the keys, their order and types (its form fields, or its table columns)
///   models     lexicons, calibration, accept threshold
///   book_year  year the book opened, for era-dependent checks (nullopt when unknown)
///   home       the units the book's folders name, smallest first (places.hpp home_units),
///              for places read too badly to match alone (places.hpp note 9); may be empty
/// Notes:
///   1. A blank reading becomes status blank, value "", confidence = the model's blank confidence;
///      review instead when a rule objects (a required key: the layout's, else "so", "ngayDangKy").
///   2. Any reason from the reader ("ocr-failed"), the normaliser or the rules sends the field to
///      review whatever its probability (routing.hpp forces_review); so does a value emptied by
///      normalisation while something was read. Review fields under the threshold get
///      "low-confidence", handwritten ones "handwriting".
///   3. Accepting also needs: the engine's own confidence >= kMinEngineConfidence, enough
///      letters in free text, every feature within the range the model was fitted on
///      ("unusual-<feature>"), and a sure layout (page issue "layout-unsure" or layout score
///      under 0.5 -> reason "layout-unsure").
///   4. `evidence` holds the calibration features by name (calibration.hpp feature_names()).
///   5. A layout key without a reading (the layout found no region) is a review field with
///      reason "not-found"; readings whose key the layout lacks are kept, after the layout's keys.
std::vector<DraftRecord> assemble_records(const PageReadings& readings, const LayoutTemplate& layout,
                                          const FieldModels& models, std::optional<int> book_year,
                                          const std::vector<const PlaceUnit*>& home = {});

}  // namespace ledger
