// Reading and validating layout YAML files (see layout_loader.hpp).
#include "layout/layout_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.hpp"

namespace ledger {
namespace {

// Walks the YAML tree with the file name at hand, so every error can say FILE:LINE.
class Reader {
 public:
  explicit Reader(std::string name) : name_(std::move(name)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& problem) const {
    int line = 0;
    if (at.IsDefined() && !at.Mark().is_null()) line = at.Mark().line + 1;
    throw ConfigError(name_ + ":" + std::to_string(line) + ": " + problem);
  }

  void expect_map(const YAML::Node& n, const std::string& what) const {
    if (!n.IsMap()) fail(n, what + " must be a mapping (key: value)");
  }

  // Rejects keys outside `allowed` (a misspelt key would otherwise be ignored silently).
  void only_keys(const YAML::Node& map, const std::set<std::string>& allowed,
                 const std::string& what) const {
    for (const auto& kv : map) {
      auto key = kv.first.as<std::string>();
      if (!allowed.count(key)) fail(kv.first, "unknown key '" + key + "' in " + what);
    }
  }

  YAML::Node need(const YAML::Node& map, const std::string& key, const std::string& what) const {
    YAML::Node n = map[key];
    if (!n.IsDefined() || n.IsNull()) fail(map, what + " has no '" + key + "'");
    return n;
  }

  std::string str(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) fail(n, what + " must be text");
    return n.as<std::string>();
  }

  double num(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) fail(n, what + " must be a number");
    try {
      return n.as<double>();
    } catch (const YAML::Exception&) {
      fail(n, what + " must be a number, not '" + n.as<std::string>() + "'");
    }
  }

  int integer(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) fail(n, what + " must be a whole number");
    try {
      return n.as<int>();
    } catch (const YAML::Exception&) {
      fail(n, what + " must be a whole number, not '" + n.as<std::string>() + "'");
    }
  }

  bool boolean(const YAML::Node& n, const std::string& what) const {
    try {
      return n.as<bool>();
    } catch (const YAML::Exception&) {
      fail(n, what + " must be true or false");
    }
  }

  std::vector<double> numbers(const YAML::Node& n, size_t count, const std::string& what) const {
    if (!n.IsSequence() || n.size() != count)
      fail(n, what + " must be a list of " + std::to_string(count) + " numbers");
    std::vector<double> v;
    for (const auto& e : n) v.push_back(num(e, what));
    return v;
  }

  double percent(const YAML::Node& n, double value, const std::string& what) const {
    if (!(value >= 0 && value <= 100))
      fail(n, what + " is " + fmt(value) + "%, outside the page (0..100)");
    return value / 100.0;
  }

  PagePoint point(const YAML::Node& n, const std::string& what) const {
    auto v = numbers(n, 2, what);
    return {percent(n, v[0], what + " x"), percent(n, v[1], what + " y")};
  }

  // A rectangle relative to `origin`; the absolute rectangle must stay on the page.
  PageRect relative_rect(const YAML::Node& n, PagePoint origin, const std::string& what) const {
    auto v = numbers(n, 4, what);
    if (v[2] <= 0 || v[3] <= 0) fail(n, what + " needs a positive width and height");
    percent(n, origin.x * 100 + v[0], what + " left edge");
    percent(n, origin.y * 100 + v[1], what + " top edge");
    percent(n, origin.x * 100 + v[0] + v[2], what + " right edge");
    percent(n, origin.y * 100 + v[1] + v[3], what + " bottom edge");
    return {v[0] / 100, v[1] / 100, v[2] / 100, v[3] / 100};
  }

  FieldType type(const YAML::Node& n) const {
    auto s = str(n, "type");
    auto t = parse_field_type(s);
    if (!t)
      fail(n, "unknown type '" + s +
                  "' (name, date, date-words, sex, ethnicity, nationality, place, number, "
                  "id-number, text, checkbox)");
    return *t;
  }

  static std::string fmt(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
  }

 private:
  std::string name_;
};

void read_anchors(const Reader& r, const YAML::Node& list, LayoutTemplate& t) {
  if (!list.IsSequence()) r.fail(list, "anchors must be a list");
  for (const auto& a : list) {
    r.expect_map(a, "an anchor");
    r.only_keys(a, {"text", "at"}, "an anchor");
    Anchor anchor;
    anchor.text = r.str(r.need(a, "text", "an anchor"), "anchor text");
    if (anchor.text.empty()) r.fail(a, "anchor text is empty");
    anchor.at = r.point(r.need(a, "at", "anchor '" + anchor.text + "'"), "anchor at");
    t.anchors.push_back(anchor);
  }
}

CheckboxChoice read_choice(const Reader& r, const YAML::Node& c, const std::string& key) {
  r.expect_map(c, "a choice of " + key);
  r.only_keys(c, {"label", "at", "box", "code"}, "a choice of " + key);
  CheckboxChoice choice;
  choice.label = r.str(r.need(c, "label", "a choice of " + key), "choice label");
  std::string what = "choice '" + choice.label + "'";
  choice.at = r.point(r.need(c, "at", what), what + " at");
  choice.box = r.relative_rect(r.need(c, "box", what), choice.at, what + " box");
  YAML::Node code = c["code"];
  if (!code.IsDefined()) r.fail(c, what + " has no 'code' (write code: \"\" for a flag)");
  choice.code = code.IsNull() ? "" : r.str(code, what + " code");
  return choice;
}

FormField read_field(const Reader& r, const YAML::Node& f) {
  r.expect_map(f, "a field");
  r.only_keys(f, {"key", "type", "label", "at", "lines", "required", "choices"}, "a field");
  FormField field;
  field.key = r.str(r.need(f, "key", "a field"), "key");
  std::string what = "field '" + field.key + "'";
  field.type = r.type(r.need(f, "type", what));
  if (f["required"].IsDefined()) field.required = r.boolean(f["required"], what + " required");
  if (field.type == FieldType::Checkbox) {
    YAML::Node choices = f["choices"];
    if (!choices.IsDefined() || !choices.IsSequence() || choices.size() == 0)
      r.fail(f, "checkbox " + what + " has no choices");
    for (const auto& c : choices) field.choices.push_back(read_choice(r, c, field.key));
    // A checkbox's own label is optional: its first choice stands for it.
    field.label = f["label"].IsDefined() ? r.str(f["label"], what + " label")
                                         : field.choices.front().label;
    field.at = f["at"].IsDefined() ? r.point(f["at"], what + " at") : field.choices.front().at;
    if (f["lines"].IsDefined()) r.fail(f["lines"], "checkbox " + what + " takes choices, not lines");
    return field;
  }
  if (f["choices"].IsDefined()) r.fail(f["choices"], what + " has choices but is not a checkbox");
  field.label = r.str(r.need(f, "label", what), what + " label");
  field.at = r.point(r.need(f, "at", what), what + " at");
  YAML::Node lines = r.need(f, "lines", what);
  if (!lines.IsSequence() || lines.size() == 0)
    r.fail(lines, what + " lines must be a list of [dx, dy, w, h]");
  for (size_t i = 0; i < lines.size(); ++i)
    field.lines.push_back(
        r.relative_rect(lines[i], field.at, what + " line " + std::to_string(i + 1)));
  return field;
}

void read_table(const Reader& r, const YAML::Node& tn, LayoutTemplate& t) {
  r.expect_map(tn, "table");
  r.only_keys(tn, {"region", "header_height", "rows", "lines_per_row", "columns"}, "table");
  TableSpec& spec = t.table;
  YAML::Node region = r.need(tn, "region", "table");
  auto v = r.numbers(region, 4, "table region");
  if (v[2] <= 0 || v[3] <= 0) r.fail(region, "table region needs a positive width and height");
  for (int i = 0; i < 2; ++i) {
    r.percent(region, v[i], "table region " + std::string(i ? "top" : "left"));
    r.percent(region, v[i] + v[i + 2], "table region " + std::string(i ? "bottom" : "right"));
  }
  spec.region = {v[0] / 100, v[1] / 100, v[2] / 100, v[3] / 100};
  YAML::Node hh = r.need(tn, "header_height", "table");
  double header = r.num(hh, "header_height");
  if (header < 0 || header >= v[3]) r.fail(hh, "header_height must be between 0 and the region's height");
  spec.header_height = header / 100;
  if (YAML::Node rows = tn["rows"]; rows.IsDefined()) {
    r.expect_map(rows, "rows");
    r.only_keys(rows, {"min", "max", "typical"}, "rows");
    if (rows["min"].IsDefined()) spec.min_rows = r.integer(rows["min"], "rows min");
    if (rows["max"].IsDefined()) spec.max_rows = r.integer(rows["max"], "rows max");
    if (rows["typical"].IsDefined()) spec.typical_rows = r.integer(rows["typical"], "rows typical");
    if (spec.min_rows < 1 || spec.min_rows > spec.max_rows || spec.typical_rows < spec.min_rows ||
        spec.typical_rows > spec.max_rows)
      r.fail(rows, "rows need 1 <= min <= typical <= max");
  }
  if (YAML::Node lpr = tn["lines_per_row"]; lpr.IsDefined()) {
    spec.lines_per_row = r.integer(lpr, "lines_per_row");
    if (spec.lines_per_row < 1 || spec.lines_per_row > 4) r.fail(lpr, "lines_per_row must be 1..4");
  }
  YAML::Node cols = tn["columns"];
  if (!cols.IsDefined() || !cols.IsSequence() || cols.size() == 0)
    r.fail(cols.IsDefined() ? cols : tn, "table has no columns");
  double total = 0;
  for (const auto& c : cols) {
    r.expect_map(c, "a column");
    r.only_keys(c, {"header", "key", "type", "width", "required"}, "a column");
    TableColumn col;
    col.key = r.str(r.need(c, "key", "a column"), "key");
    std::string what = "column '" + col.key + "'";
    col.header = r.str(r.need(c, "header", what), what + " header");
    col.type = r.type(r.need(c, "type", what));
    if (col.type == FieldType::Checkbox) r.fail(c["type"], "a table column cannot be a checkbox");
    YAML::Node w = r.need(c, "width", what);
    double width = r.num(w, what + " width");
    if (width <= 0 || width > 100) r.fail(w, what + " width must be in (0, 100]");
    col.width = width / 100;
    total += width;
    if (c["required"].IsDefined()) col.required = r.boolean(c["required"], what + " required");
    spec.columns.push_back(col);
  }
  // The widths are a share of the ruled region; a sum far from 100 means a column was forgotten.
  if (std::abs(total - 100) > 1.0)
    r.fail(cols, "column widths add up to " + Reader::fmt(total) + ", not 100");
}

LayoutTemplate read_layout(const Reader& r, const YAML::Node& root, const std::string& name) {
  if (!root.IsDefined() || root.IsNull()) r.fail(root, "the file is empty");
  r.expect_map(root, "a layout file");
  r.only_keys(root,
              {"id", "title", "kind", "book_type", "years", "page", "text_height", "anchors",
               "fields", "table"},
              "the layout");
  LayoutTemplate t;
  t.source_file = name;
  t.id = r.str(r.need(root, "id", "the layout"), "id");
  if (t.id.empty()) r.fail(root["id"], "id is empty");
  if (root["title"].IsDefined()) t.title = r.str(root["title"], "title");
  YAML::Node kind = r.need(root, "kind", "the layout");
  std::string k = r.str(kind, "kind");
  if (k == "form") t.kind = LayoutKind::Form;
  else if (k == "table") t.kind = LayoutKind::Table;
  else r.fail(kind, "unknown kind '" + k + "' (form or table)");
  t.book_type = r.str(r.need(root, "book_type", "the layout"), "book_type");
  YAML::Node years = r.need(root, "years", "the layout");
  if (!years.IsSequence() || years.size() != 2) r.fail(years, "years must be [from, to]");
  t.year_from = r.integer(years[0], "years from");
  t.year_to = r.integer(years[1], "years to");
  if (t.year_from > t.year_to) r.fail(years, "years: from is after to");
  YAML::Node page = r.need(root, "page", "the layout");
  r.expect_map(page, "page");
  r.only_keys(page, {"width_mm", "height_mm"}, "page");
  t.page_width_mm = r.num(r.need(page, "width_mm", "page"), "page width_mm");
  t.page_height_mm = r.num(r.need(page, "height_mm", "page"), "page height_mm");
  if (t.page_width_mm <= 0 || t.page_height_mm <= 0) r.fail(page, "page size must be positive");
  if (YAML::Node th = root["text_height"]; th.IsDefined()) {
    double v = r.num(th, "text_height");
    if (v <= 0 || v > 10) r.fail(th, "text_height must be in (0, 10] percent of the page height");
    t.text_height = v / 100;
  }
  if (YAML::Node anchors = root["anchors"]; anchors.IsDefined() && !anchors.IsNull())
    read_anchors(r, anchors, t);

  std::set<std::string> keys;
  auto check_key = [&](const YAML::Node& at, const std::string& key) {
    if (key.empty()) r.fail(at, "empty field key");
    if (!keys.insert(key).second) r.fail(at, "duplicate field key '" + key + "'");
  };
  if (t.kind == LayoutKind::Form) {
    if (root["table"].IsDefined()) r.fail(root["table"], "a form layout has no 'table' (kind: table?)");
    YAML::Node fields = root["fields"];
    if (!fields.IsDefined() || !fields.IsSequence() || fields.size() == 0)
      r.fail(fields.IsDefined() ? fields : root, "form layout without fields");
    for (const auto& f : fields) {
      t.fields.push_back(read_field(r, f));
      check_key(f["key"], t.fields.back().key);
    }
  } else {
    if (root["fields"].IsDefined()) r.fail(root["fields"], "a table layout has no 'fields' (kind: form?)");
    read_table(r, r.need(root, "table", "table layout"), t);
    for (size_t i = 0; i < t.table.columns.size(); ++i)
      check_key(root["table"]["columns"][i]["key"], t.table.columns[i].key);
  }
  return t;
}

}  // namespace

LayoutTemplate parse_layout(const std::string& yaml_text, const std::string& name) {
  Reader r(name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(name + ":" + std::to_string(e.mark.line + 1) + ": YAML syntax: " + e.msg);
  }
  try {
    return read_layout(r, root, name);
  } catch (const ConfigError&) {
    throw;
  } catch (const YAML::Exception& e) {  // a conversion we did not foresee: still say where
    throw ConfigError(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

LayoutTemplate load_layout(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ":0: cannot read the file");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_layout(ss.str(), file.string());
}

}  // namespace ledger
