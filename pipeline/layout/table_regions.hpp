// Field regions of a table page: the detected ruling mapped onto the template's columns, one
// record per inked row below the header, one region per cell.
#pragma once
#include <vector>

#include "core/page.hpp"
#include "layout/grid_detect.hpp"
#include "layout/layout_template.hpp"

namespace ledger {

struct TableMatch {
  bool ok = false;                   // a grid was found
  Transform transform;               // template -> page pixels (region onto the ruled area)
  Box bounds;                        // the ruled area
  std::vector<int> column_x;         // n+1 column boundaries, pixels
  int columns_matched = 0;           // template boundaries that found a printed rule
  int header_bottom = 0;             // first body pixel row
  bool ruled_rows = false;           // rows came from rules (else from text bands)
  std::vector<Box> rows;             // every body row, inked or not
  std::vector<RecordRegions> records;  // inked rows, top to bottom
  double score = 0;                  // 0..1: how well the ruling fits the template
};

/// Maps `grid` (found on `page.binary`) onto the table of `layout`.
/// Notes:
///   1. The table's left and right edges are the pair of vertical rules under which the most
///      template boundaries meet a rule: a scan edge or margin rule is not taken for the frame.
///   2. Each template column boundary (from the widths, over the ruled area's width) snaps to the
///      nearest vertical rule within a third of the narrower neighbouring column; a boundary
///      without a rule stays where the widths put it. So extra or missing rules do not shift the
///      other columns.
///   3. Rows are the spaces between horizontal rules spanning half the table; a register without
///      row rules (most old ledgers) gets one row per band of handwriting instead.
///   4. A cell's lines: the cell split at the widest gaps between its ink bands, at most
///      `lines_per_row` lines; an empty cell is one line.
TableMatch table_regions(const CleanPage& page, const LayoutTemplate& layout, const Grid& grid);

}  // namespace ledger
