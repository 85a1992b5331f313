// Exports of a store (see export.hpp).
#include "records/export.hpp"

#include "core/csv.hpp"

#include <xlsxwriter.h>

#include <fstream>
#include <map>

#include "core/error.hpp"
#include "records/draft_json.hpp"
#include "records/moj_columns.hpp"

namespace ledger {

namespace {

bool is_birth_book(const StoredRecord& r) {
  const auto& type = r.page.ref.book.type;
  return type.empty() || type == "KS";
}

void write_csv(const Store& store, const ExportOptions& options, std::ostream& out,
               ExportSummary& summary) {
  out << "\xEF\xBB\xBF";  // BOM: Excel otherwise reads UTF-8 as the local code page
  const auto& columns = moj_birth_columns();
  for (size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << "\r\n";
  int stt = 0;
  store.for_each_record(options.filter, [&](const StoredRecord& r) {
    if (!is_birth_book(r)) {
      ++summary.skipped;
      return;
    }
    auto row = moj_birth_row(r, ++stt);
    for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_cell(row[i].text);
    out << "\r\n";
    ++summary.records;
  });
}

std::string book_file_name(const BookInfo& book) {
  std::string name = book.book_id();
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ':' || c == '?' || c == '*') c = '_';
  return name + ".xlsx";
}

// One open workbook per book while the records stream by (records come ordered by book, so at
// most one is open at a time).
class Workbook {
 public:
  explicit Workbook(const std::filesystem::path& file) : file_(file) {
    wb_ = workbook_new(file.string().c_str());
    if (!wb_) throw InputError(file.string(), "cannot create workbook");
    ws_ = workbook_add_worksheet(wb_, "DL Import");
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    review_ = workbook_add_format(wb_);
    format_set_bg_color(review_, 0xFFF2A8);
    const auto& columns = moj_birth_columns();
    for (size_t c = 0; c < columns.size(); ++c)
      worksheet_write_string(ws_, 0, lxw_col_t(c), columns[c].c_str(), header_);
    worksheet_freeze_panes(ws_, 1, 0);
  }
  ~Workbook() {
    if (wb_) workbook_close(wb_);
  }
  void add(const std::vector<MojCell>& row) {
    ++rows_;
    for (size_t c = 0; c < row.size(); ++c) {
      if (row[c].text.empty() && !row[c].needs_review) continue;
      // Text cells throughout: "01" and "01/2018" must not become numbers or dates.
      worksheet_write_string(ws_, lxw_row_t(rows_), lxw_col_t(c), row[c].text.c_str(),
                             row[c].needs_review ? review_ : nullptr);
    }
  }
  int rows() const { return rows_; }
  void close() {
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR) throw InputError(file_.string(), lxw_strerror(err));
  }

 private:
  std::filesystem::path file_;
  lxw_workbook* wb_ = nullptr;
  lxw_worksheet* ws_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* review_ = nullptr;
  int rows_ = 0;
};

void write_xlsx(const Store& store, const ExportOptions& options, ExportSummary& summary) {
  if (options.out.empty() || options.out == "-")
    throw InputError("--out", "xlsx export needs a folder to write one workbook per book into");
  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  if (ec) throw InputError(options.out.string(), "cannot create folder: " + ec.message());
  std::unique_ptr<Workbook> current;
  std::string current_book;
  store.for_each_record(options.filter, [&](const StoredRecord& r) {
    if (!is_birth_book(r)) {
      ++summary.skipped;
      return;
    }
    std::string book = r.page.ref.book.book_id();
    if (!current || book != current_book) {
      if (current) current->close();
      auto file = options.out / book_file_name(r.page.ref.book);
      current = std::make_unique<Workbook>(file);
      current_book = book;
      summary.files.push_back(file);
    }
    current->add(moj_birth_row(r, current->rows() + 1));
    ++summary.records;
  });
  if (current) current->close();
}

}  // namespace

ExportFormat parse_export_format(const std::string& name) {
  if (name == "jsonl") return ExportFormat::Jsonl;
  if (name == "csv") return ExportFormat::Csv;
  if (name == "xlsx") return ExportFormat::Xlsx;
  throw ConfigError("unknown export format '" + name + "' (jsonl, csv, xlsx)");
}

ExportSummary export_store(const Store& store, const ExportOptions& options, std::ostream& stream) {
  ExportSummary summary;
  if (options.format == ExportFormat::Xlsx) {
    write_xlsx(store, options, summary);
    return summary;
  }
  std::ofstream file;
  std::ostream* out = &stream;
  if (!options.out.empty() && options.out != "-") {
    file.open(options.out, std::ios::binary);
    if (!file) throw InputError(options.out.string(), "cannot be written");
    out = &file;
    summary.files.push_back(options.out);
  }
  if (options.format == ExportFormat::Jsonl)
    summary.records = export_jsonl(store, *out, options.filter);
  else
    write_csv(store, options, *out, summary);
  out->flush();
  if (!*out) throw InputError(options.out.string(), "write failed");
  return summary;
}

}  // namespace ledger
