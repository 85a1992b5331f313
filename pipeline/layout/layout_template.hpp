// The model of a book layout as written in config/layouts/*.yaml: printed anchors, form fields
// with their value regions, or table columns. All positions are page-relative (fractions of the
// page's width and height), so one template fits scans of any resolution.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/field_type.hpp"
#include "core/geometry.hpp"

namespace ledger {

enum class LayoutKind { Form, Table };

/// A point on the page in fractions of width and height (YAML writes percent).
struct PagePoint {
  double x = 0, y = 0;
};

/// Printed text used to register a scan to the template: where its first letter sits.
struct Anchor {
  std::string text;
  PagePoint at;
  std::string key;  // the field whose label this is ("" for titles, captions, headers)
};

/// One printed choice of a checkbox field: its label and the box to tick.
struct CheckboxChoice {
  std::string label;
  PagePoint at;       // label's first letter
  PageRect box;       // the tick box, relative to `at`
  std::string code;   // the value when ticked (MoJ code)
};

/// A field of a form page: a printed label followed by dotted line(s) holding the value.
struct FormField {
  std::string key;              // MoJ column name: "nksHoTen"
  FieldType type = FieldType::Text;
  std::string label;            // printed label before the value: "Họ, chữ đệm, tên:"
  PagePoint at;                 // label's first letter (top-left of its text line)
  std::vector<PageRect> lines;  // one rect per dotted line, relative to `at`
  bool required = false;
  std::vector<CheckboxChoice> choices;  // checkbox fields only
};

/// A column of a table page.
struct TableColumn {
  std::string header;  // printed header: "Họ và tên"
  std::string key;
  FieldType type = FieldType::Text;
  double width = 0;    // fraction of the table's width
  bool required = false;
};

/// The ruled table of a table page.
struct TableSpec {
  PageRect region;          // the ruled grid's expected extent on the page
  double header_height = 0; // fraction of page height taken by the header row
  int min_rows = 1, max_rows = 30, typical_rows = 12;
  int lines_per_row = 1;    // a row may hold two text lines
  std::vector<TableColumn> columns;
};

/// A book layout loaded from YAML.
struct LayoutTemplate {
  std::string id;          // "ks-2016"
  std::string title;       // human description
  LayoutKind kind = LayoutKind::Form;
  std::string book_type;   // "KS"
  int year_from = 0, year_to = 9999;  // years of books using it
  double page_width_mm = 210, page_height_mm = 297;
  double text_height = 0.011;  // printed label cap-to-baseline height, fraction of page height
  std::vector<Anchor> anchors; // printed text besides field labels (titles, section heads)
  std::vector<FormField> fields;  // form pages
  TableSpec table;                // table pages
  std::string source_file;        // where it was loaded from

  /// Field keys in layout order (form fields or table columns).
  std::vector<std::string> field_keys() const;
  /// Every printed text with its position: anchors, field labels, checkbox labels, (headers).
  std::vector<Anchor> all_anchors() const;
  /// Type of a field key; FieldType::Text when the key is unknown.
  FieldType type_of(const std::string& key) const;
  /// The form field with this key, nullptr when none (or a table layout).
  const FormField* find_field(const std::string& key) const;
  /// Table layouts: each column's rectangle over the whole ruled region (header included), in
  /// page fractions, left to right; empty for forms.
  std::vector<PageRect> column_rects() const;
};

}  // namespace ledger
