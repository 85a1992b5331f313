// Duplicates over a store: reading, reporting, marking (see duplicates_report.hpp).
#include "campaign/duplicates_report.hpp"

#include "core/html.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "records/sqlite_db.hpp"
#include "records/store.hpp"

namespace ledger {

namespace {

std::string esc(const std::string& s) { return html_escape(s); }

const char* kIssuePrefix = "possible-duplicate:";

}  // namespace

std::string record_ref(const std::string& rel_path, int page, int page_count, int record) {
  if (page_count > 1 || page > 1) return rel_path + "#" + std::to_string(page) + "#" + std::to_string(record);
  return rel_path + "#" + std::to_string(record);
}

StorePersons read_store_persons(const std::filesystem::path& store) {
  if (!std::filesystem::is_regular_file(store)) throw InputError(store.string(), "no such store");
  Store s = Store::open(store);
  StorePersons out;
  s.for_each_record({}, [&](const StoredRecord& r) {
    DraftRecord draft = r.draft;
    for (auto& [key, field] : draft.fields) {
      auto it = r.reviewed_values.find(key);
      if (it != r.reviewed_values.end()) field.value = it->second;
    }
    const PageRef& ref = r.page.ref;
    out.persons.push_back(person_from_draft(draft, ref.book, record_ref(ref.rel_path, ref.page, ref.page_count, draft.record)));
    out.record_ids.push_back(r.id);
  });
  return out;
}

std::vector<std::filesystem::path> write_duplicates_report(const DuplicateReport& report,
                                                           const std::vector<PersonRecord>& records,
                                                           const std::vector<PersonRecord>& earlier,
                                                           const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw InputError(dir.string(), "cannot create folder: " + ec.message());
  auto rec = [&](size_t i) -> const PersonRecord& {
    return i < records.size() ? records[i] : earlier.at(i - records.size());
  };
  auto score = [](double s) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", s);
    return std::string(buf);
  };
  std::vector<std::vector<std::string>> rows;
  size_t same_reg = 0, against = 0;
  for (const auto& p : report.pairs) {
    const PersonRecord &a = rec(p.a), &b = rec(p.b);
    const std::string reasons = join_words(p.reasons);
    rows.push_back({to_string(p.rule), score(p.score), a.id, b.id, p.b_earlier ? "earlier-export" : "store",
                    a.unit, a.quyen_so, a.so, a.name, a.birth_date, a.mother, a.father, b.unit, b.quyen_so, b.so,
                    b.name, b.birth_date, b.mother, b.father, reasons});
    same_reg += p.rule == DuplicateRule::SameRegistration;
    against += p.b_earlier;
  }
  auto csv = dir / "duplicates.csv", html = dir / "duplicates.html";
  write_csv(csv, {"rule", "score", "id_a", "id_b", "b_from", "unit_a", "quyenSo_a", "so_a", "name_a", "birth_a",
                  "mother_a", "father_a", "unit_b", "quyenSo_b", "so_b", "name_b", "birth_b", "mother_b",
                  "father_b", "reasons"},
            rows);
  std::ofstream out(html, std::ios::binary);
  if (!out) throw InputError(html.string(), "cannot write");
  out << "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>Duplicates</title><style>"
      << "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
      << "padding:3px 6px}</style></head><body><h1>Duplicates</h1><p>" << report.records << " records checked";
  if (report.earlier) out << " against " << report.earlier << " records of the earlier export";
  out << ": " << report.pairs.size() << " pairs (" << same_reg << " same registration, "
      << report.pairs.size() - same_reg << " likely same person; " << against
      << " with the earlier export). Likely duplicates are never merged: a clerk decides.</p>"
      << "<table><tr><th>rule</th><th>score</th><th>record</th><th>name, born, mother</th><th>other record</th>"
      << "<th>name, born, mother</th><th>reasons</th></tr>";
  const size_t shown = 500;  // the CSV holds them all; the page stays light
  for (size_t i = 0; i < rows.size() && i < shown; ++i) {
    const auto& r = rows[i];
    out << "<tr><td>" << r[0] << "</td><td>" << r[1] << "</td><td>" << esc(r[2]) << "</td><td>" << esc(r[8]) << ", "
        << esc(r[9]) << ", " << esc(r[10]) << "</td><td>" << esc(r[3]) << "</td><td>" << esc(r[15]) << ", "
        << esc(r[16]) << ", " << esc(r[17]) << "</td><td>" << esc(r[19]) << "</td></tr>";
  }
  out << "</table>";
  if (rows.size() > shown) out << "<p>" << rows.size() - shown << " more pairs in duplicates.csv.</p>";
  out << "</body></html>\n";
  if (!out) throw InputError(html.string(), "write failed");
  return {csv, html};
}

int mark_store_duplicates(const std::filesystem::path& store, const StorePersons& persons,
                          const DuplicateReport& report) {
  auto wanted = duplicate_issues(report);
  std::map<std::string, std::int64_t> row_of;
  for (size_t i = 0; i < persons.persons.size(); ++i) row_of[persons.persons[i].id] = persons.record_ids[i];
  std::map<std::int64_t, std::vector<std::string>> add;
  for (const auto& [id, issues] : wanted) {
    auto it = row_of.find(id);
    if (it != row_of.end()) add[it->second] = issues;
  }
  sql::Db db(store);
  sql::Transaction tx(db);
  // Every record that has (or gets) a duplicate issue is rewritten: stale ones are dropped.
  std::map<std::int64_t, nlohmann::json> current;
  {
    sql::Stmt s(db, "SELECT id, issues FROM records WHERE instr(issues, 'possible-duplicate:') > 0");
    while (s.step()) current[s.int64(0)] = nlohmann::json::parse(s.text(1), nullptr, false);
  }
  for (const auto& [row, _] : add)
    if (!current.count(row)) {
      sql::Stmt s(db, "SELECT issues FROM records WHERE id = ?");
      s.bind(1, row);
      if (s.step()) current[row] = nlohmann::json::parse(s.text(0), nullptr, false);
      s.reset();
    }
  sql::Stmt update(db, "UPDATE records SET issues = ? WHERE id = ?");
  int marked = 0;
  for (auto& [row, issues] : current) {
    nlohmann::json list = nlohmann::json::array();
    if (issues.is_array())
      for (const auto& v : issues)
        if (!(v.is_string() && v.get<std::string>().rfind(kIssuePrefix, 0) == 0)) list.push_back(v);
    auto it = add.find(row);
    if (it != add.end()) {
      for (const auto& issue : it->second) list.push_back(issue);
      ++marked;
    }
    update.bind(1, list.dump()).bind(2, row).run();
  }
  tx.commit();
  return marked;
}

}  // namespace ledger
