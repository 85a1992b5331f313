// The grouping pass over a store (see group_fields.hpp).
#include "groups/group_fields.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "fields/record_rules.hpp"
#include "groups/agreeing_dates.hpp"
#include "groups/clustering.hpp"
#include "groups/date_order.hpp"
#include "groups/entry_sequence.hpp"
#include "groups/file_names.hpp"
#include "groups/group_store.hpp"
#include "groups/proposal.hpp"
#include "groups/read_alike.hpp"
#include "groups/sure_neighbour.hpp"
#include "groups/vocabulary_vote.hpp"
#include "groups/word_descriptor.hpp"
#include "groups/word_image.hpp"
#include "groups/written_twice.hpp"
#include "ingest/load_page.hpp"
#include "records/store.hpp"

#include <oneapi/tbb/parallel_for.h>

namespace ledger::groups {

namespace {

struct Crop {
  std::int64_t field_id = 0, page_id = 0, record_id = 0;
  std::string key, type, value, status;
  double confidence = 0;
  bool clerk = false;  // has a clerk's value
  bool contradicted = false;  // flagged by a whole-book check (fields/record_rules.hpp)
  Box box;
  WordDescriptor desc;
};

// The closed vocabularies the options point at, or the built-in ones.
const Lexicons& lexicons_of(const GroupingOptions& o) { return o.lexicons ? *o.lexicons : Lexicons::builtin(); }

// Books with done pages: all, one (`only`), or those a batch wrote pages of (`batch` > 0).
std::vector<std::string> books_of(sql::Db& db, const std::string& only, long long batch) {
  std::vector<std::string> out;
  sql::Stmt s(db, "SELECT DISTINCT book_id FROM pages WHERE status = 'done' AND (?1 = 0 OR book_id IN "
                  "(SELECT book_id FROM pages WHERE batch_id = ?1)) ORDER BY book_id");
  s.bind(1, static_cast<std::int64_t>(batch));
  while (s.step())
    if (only.empty() || s.text(0) == only) out.push_back(s.text(0));
  return out;
}


std::set<std::string> type_names(const std::vector<FieldType>& types) {
  std::set<std::string> out;
  for (auto t : types) out.insert(std::string(to_string(t)));
  return out;
}

// The book's candidate crops of the `wanted` types, in page order, without members of
// confirmed groups.
std::vector<Crop> crops_of(sql::Db& db, const std::string& book, const std::set<std::string>& wanted) {
  sql::Stmt s(db, std::string("SELECT f.id, r.page_id, f.key, f.type, f.value, f.status, f.confidence, "
                              "f.reviewed_value, f.box_x, f.box_y, f.box_w, f.box_h, "
                              "EXISTS (SELECT 1 FROM json_each(f.reasons) WHERE value IN (?, ?)), r.id FROM fields f "
                              "JOIN records r ON r.id = f.record_id JOIN pages p ON p.id = r.page_id "
                              "WHERE p.book_id = ? AND p.status = 'done' AND f.status != 'blank' "
                              "AND f.box_w > 0 AND f.box_h > 0 AND f.id NOT IN ") +
                      kConfirmedMembers + " ORDER BY p.id, r.record, f.ord");
  s.bind(1, kEntryOutOfSequence).bind(2, kRegistrationOutOfOrder).bind(3, book);
  std::vector<Crop> out;
  while (s.step()) {
    Crop c;
    c.field_id = s.int64(0);
    c.page_id = s.int64(1);
    c.key = s.text(2);
    c.type = s.text(3);
    if (!wanted.count(c.type)) continue;
    c.value = s.text(4);
    c.status = s.text(5);
    c.confidence = s.real(6);
    if (!s.is_null(7)) {
      c.clerk = true;
      c.value = s.text(7);
      c.confidence = 1.0;
    }
    c.box = {int(s.int64(8)), int(s.int64(9)), int(s.int64(10)), int(s.int64(11))};
    c.contradicted = s.int64(12) != 0;
    c.record_id = s.int64(13);
    out.push_back(std::move(c));
  }
  return out;
}

// Decodes each page once and describes its crops of the `wanted` types, pages in parallel
// (each crop is written by its own page's task). Returns the number of unreadable pages.
int describe_crops(sql::Db& db, std::vector<Crop>& crops, const std::set<std::string>& wanted) {
  struct Page {
    PageRef ref;
    int line = 0;  // the form's line height (form_line_height)
    std::vector<Crop*> crops;
  };
  std::map<std::int64_t, std::vector<Crop*>> by_page;
  for (auto& c : crops)
    if (wanted.count(c.type)) by_page[c.page_id].push_back(&c);
  std::vector<Page> pages;
  sql::Stmt s(db, "SELECT path, page, height FROM pages WHERE id = ?");
  for (auto& [page_id, list] : by_page) {
    s.bind(1, page_id);
    if (!s.step()) continue;
    Page p;
    p.ref.path = s.text(0);
    p.ref.page = int(s.int64(1));
    p.line = form_line_height(int(s.int64(2)));
    p.crops = std::move(list);
    s.reset();
    pages.push_back(std::move(p));
  }
  std::atomic<int> unreadable = 0;
  tbb::parallel_for(size_t(0), pages.size(), [&](size_t i) {
    PageImage img;
    try {
      img = load_page(pages[i].ref, IngestOptions{});
    } catch (const InputError&) {
      ++unreadable;
      return;
    }
    for (Crop* c : pages[i].crops) c->desc = describe_word(word_image(img.bgr, c->box, pages[i].line));
  });
  return unreadable;
}

// The suggestion for a group no sure reading backs, in place of `best_reading` (propose's
// answer, source "none"; group_fields.hpp note 3a): the vocabulary entry its readings vote
// for; else, for a closed vocabulary, the value of the nearest crop read surely elsewhere in
// the book (another group of the same word in the same hand, split off by the strict
// threshold), or nothing: "rh" for a group of "Kinh" would only be a value for the clerk to
// delete; else the best reading.
//   crops, idx  the run's crops; cl  the group, as indices into idx
Proposal unbacked_proposal(const std::vector<Crop>& crops, const std::vector<int>& idx, const std::vector<int>& cl,
                           const std::vector<MemberReading>& readings, const std::string& type,
                           const GroupingOptions& o, Proposal best_reading) {
  Proposal p = std::move(best_reading);
  const FieldType ft = parse_field_type(type).value_or(FieldType::Text);
  const Lexicons& lx = lexicons_of(o);
  if (const Vote v = vote_vocabulary(readings, ft, lx); !v.value.empty()) {
    p.value = v.value;
    p.confidence = 0.5 * v.share * o.purity;
    return p;
  }
  if (!has_vocabulary(ft)) return p;
  p = Proposal{};
  std::vector<const WordDescriptor*> members;
  std::vector<SureCrop> sure;
  const std::set<int> in(cl.begin(), cl.end());
  for (int k = 0; k < int(idx.size()); ++k) {
    const Crop& c = crops[size_t(idx[size_t(k)])];
    if (in.count(k)) members.push_back(&c.desc);
    else if (c.clerk || c.confidence >= o.sure_confidence) sure.push_back({&c.desc, c.value});
  }
  if (const std::string near = nearest_sure_value(members, sure); in_vocabulary(near, ft, lx)) {
    p.value = near;
    p.confidence = 0.5 * o.purity;
  }
  return p;
}

// A group of the crops `members` (indices into `crops`) sharing one value, with the proposal
// of their readings (proposal.hpp), or nothing when none of them is left to fill.
std::optional<FieldGroup> value_group(const std::vector<Crop>& crops, const std::vector<int>& members,
                                      const std::string& book, const std::string& type, const GroupingOptions& o,
                                      std::vector<MemberReading>& readings) {
  FieldGroup g;
  g.book_id = book;
  g.field_type = type;
  std::set<std::string> keys;
  for (int i : members) {
    const Crop& c = crops[size_t(i)];
    GroupMember m;
    m.field_id = c.field_id;
    m.key = c.key;
    m.role = c.status == "review" && !c.clerk ? "member" : "evidence";
    g.members.push_back(m);
    readings.push_back({c.value, c.confidence, c.clerk});
    keys.insert(c.key);
  }
  if (g.open_members() == 0) return std::nullopt;
  g.field_key = keys.size() == 1 ? *keys.begin() : "";
  const Proposal p = propose(readings, o.sure_confidence, o.purity);
  g.proposed_value = p.value;
  g.confidence = p.confidence;
  g.source = p.source;
  return g;
}

// Clusters the crops `idx` (one book, one type) and adds the groups worth storing to `out`.
void group_run(const std::vector<Crop>& crops, const std::vector<int>& idx, const std::string& book,
               const std::string& type, const GroupingOptions& o, std::vector<FieldGroup>& out) {
  auto clusters = complete_linkage(
      int(idx.size()),
      [&](int a, int b) { return word_distance(crops[size_t(idx[size_t(a)])].desc, crops[size_t(idx[size_t(b)])].desc); },
      o.threshold);
  for (const auto& cl : clusters) {
    if (cl.size() < 2) break;  // largest first: the rest are single crops
    std::vector<int> members;
    for (int k : cl) members.push_back(idx[size_t(k)]);
    std::vector<MemberReading> readings;
    auto g = value_group(crops, members, book, type, o, readings);
    if (!g) continue;
    if (g->source == "none") {
      const Proposal p = unbacked_proposal(crops, idx, cl, readings, type, o,
                                           {g->proposed_value, g->confidence, g->source});
      g->proposed_value = p.value;
      g->confidence = p.confidence;
      g->source = p.source;
    }
    out.push_back(std::move(*g));
  }
}

// The fields `groups` hold to fill: a field joins one group at most.
std::set<std::int64_t> members_to_fill(const std::vector<FieldGroup>& groups) {
  std::set<std::int64_t> out;
  for (const auto& g : groups)
    for (const auto& m : g.members)
      if (m.role == "member") out.insert(m.field_id);
  return out;
}

// Readings of one value in one hand, grouped for agreeing, fail alike (`UBWD` for `UBND` twice):
// only an accepted or typed member backs the proposal of `g`.
void only_evidence_backs(FieldGroup& g) {
  const bool evidence =
      std::any_of(g.members.begin(), g.members.end(), [](const GroupMember& m) { return m.role == "evidence"; });
  if (!evidence) g.source = "none";
}

// Adds the read-alike groups of one book (group_fields.hpp note 7) to `out`, which holds its
// other groups: their members to fill are not grouped again.
void read_alike_groups(const std::vector<Crop>& crops, const std::string& book, const GroupingOptions& o,
                       std::vector<FieldGroup>& out, int& made) {
  const std::set<std::int64_t> taken = members_to_fill(out);
  // A long value repeats across columns (a place of birth and a home town), but a date of one
  // column read like one of another is a coincidence (an entry's birthday, another's
  // registration day): dates are grouped per key. A reading its book contradicts (a day out
  // of order) is not grouped by what it reads.
  const std::set<std::string> types = type_names(o.reading_types), closed = type_names(o.vocabulary_types);
  const std::string date(to_string(FieldType::Date));
  const Lexicons& lx = lexicons_of(o);
  std::map<std::string, std::vector<int>> runs;
  for (int i = 0; i < int(crops.size()); ++i) {
    const Crop& c = crops[size_t(i)];
    if (taken.count(c.field_id) || c.contradicted) continue;
    // A closed vocabulary's fields group only when read as one of its entries.
    const bool entry = closed.count(c.type) && in_vocabulary(c.value, *parse_field_type(c.type), lx);
    if (types.count(c.type) || entry)
      runs[c.type == date ? c.type + "|" + c.key : c.type].push_back(i);
  }
  for (const auto& [run, idx] : runs) {
    std::vector<std::string> readings;
    for (int i : idx) readings.push_back(crops[size_t(i)].value);
    const std::string& type = crops[size_t(idx.front())].type;
    // One letter makes another person (`Trần Thị Khương`, `Trần Thị Phương`): names read
    // alike only when read the same.
    ReadAlikeOptions alike = o.read_alike;
    if (type == to_string(FieldType::Name)) alike.max_edit_share = 0;
    if (closed.count(type)) {  // one entry, however short
      alike.max_edit_share = 0;
      alike.min_chars = 1;
    }
    for (const auto& cl : cluster_readings(readings, alike)) {
      if (cl.size() < 2) break;  // largest first: the rest are single readings
      std::vector<int> members;
      for (int k : cl) members.push_back(idx[size_t(k)]);
      std::vector<MemberReading> member_readings;
      if (auto g = value_group(crops, members, book, type, o, member_readings)) {
        only_evidence_backs(*g);
        out.push_back(std::move(*g));
        ++made;
      }
    }
  }
}

// Adds the groups of values written twice in a record (group_fields.hpp note 11) to `out`,
// which holds the book's other groups. A pair of which one field is already held by a group
// with one value has the other join that group; a pair both held is left as it is.
void written_twice_groups(const std::vector<Crop>& crops, const std::string& book, const GroupingOptions& o,
                          std::vector<FieldGroup>& out, int& made) {
  std::map<std::int64_t, size_t> holder;  // field to fill -> the group of `out` holding it
  for (size_t g = 0; g < out.size(); ++g)
    for (const auto& m : out[g].members)
      if (m.role == "member") holder[m.field_id] = g;
  std::map<std::pair<std::int64_t, std::string>, int> by_key;  // (record, key) -> crop
  for (int i = 0; i < int(crops.size()); ++i) by_key[{crops[size_t(i)].record_id, crops[size_t(i)].key}] = i;
  const auto to_fill = [&](int i) { return crops[size_t(i)].status == "review" && !crops[size_t(i)].clerk; };
  std::set<int> paired;
  for (const auto& [record_key, i] : by_key) {
    const Crop& c = crops[size_t(i)];
    for (const auto& twin : o.twin_keys) {
      if (twin.key != c.key || paired.count(i)) continue;
      std::vector<int> partners;
      std::vector<TwinCandidate> candidates;
      for (const auto& k : twin.partners) {
        const auto it = by_key.find({c.record_id, k});
        const bool free = it != by_key.end() && !paired.count(it->second);
        partners.push_back(free ? it->second : -1);
        TwinCandidate candidate;
        if (free) {
          const Crop& q = crops[size_t(it->second)];
          candidate.reading = q.value;
          if (!c.desc.empty() && !q.desc.empty()) candidate.image_distance = word_distance(c.desc, q.desc);
        }
        candidates.push_back(std::move(candidate));
      }
      const int t = twin_of(c.value, candidates, parse_field_type(c.type).value_or(FieldType::Text), o.twins);
      if (t < 0) continue;
      const int p = partners[size_t(t)];
      if (crops[size_t(p)].type != c.type) continue;  // a group holds one field type
      const auto hi = holder.find(c.field_id), hp = holder.find(crops[size_t(p)].field_id);
      if (hi != holder.end() && hp != holder.end()) continue;
      if (hi != holder.end() || hp != holder.end()) {
        // One is held: the other, when left to fill, joins its group if that has one value.
        const auto& [held, other] = hi != holder.end() ? std::pair{hi, p} : std::pair{hp, i};
        FieldGroup& g = out[held->second];
        if (g.own_values() || !to_fill(other)) continue;
        g.members.push_back({.field_id = crops[size_t(other)].field_id, .key = crops[size_t(other)].key});
        if (g.field_key != crops[size_t(other)].key) g.field_key = "";
      } else {
        std::vector<MemberReading> member_readings;
        auto g = value_group(crops, {i, p}, book, c.type, o, member_readings);
        if (!g) continue;
        only_evidence_backs(*g);
        out.push_back(std::move(*g));
        ++made;
      }
      paired.insert({i, p});
    }
  }
}

// Which entries of a key to fill are backed: by the sure ones around them (fit_sequence,
// fit_date_order) or by their file names (file_names.hpp), as group_fields() combines them.
using SequenceFitter = std::function<std::vector<SequenceFit>(const std::vector<SequenceEntry>&)>;

// The year the book opened (pages.book_year), when its file names tell it.
std::optional<int> book_year_of(sql::Db& db, const std::string& book) {
  sql::Stmt s(db, "SELECT book_year FROM pages WHERE book_id = ? AND book_year IS NOT NULL LIMIT 1");
  s.bind(1, book);
  if (s.step()) return int(s.int64(0));
  return std::nullopt;
}

// Adds to `fits` the entries `more` finds agreeing that `fits` does not (with `more`'s backers),
// and `more`'s proposals for entries that neither finds agreeing and `fits` proposes nothing for.
void either(std::vector<SequenceFit>& fits, const std::vector<SequenceFit>& more) {
  for (size_t i = 0; i < fits.size(); ++i)
    if (!fits[i].agrees && more[i].agrees) fits[i] = more[i];
    else if (!fits[i].agrees && fits[i].proposed.empty()) fits[i].proposed = more[i].proposed;
}

// The sequence group of one key in one book (group_fields.hpp notes 6 and 8), or nothing when
// no field to fill fits the sure entries around it.
std::optional<FieldGroup> sequence_group(sql::Db& db, const std::string& book, const std::string& key,
                                         const GroupingOptions& o, const SequenceFitter& fit) {
  struct Row {
    std::int64_t field_id;
    double confidence;  // 1 for a clerk's value
  };
  std::vector<Row> rows;
  std::vector<SequenceEntry> entries;
  std::string type;
  sql::Stmt s(db, std::string("SELECT f.id, f.value, f.status, f.confidence, f.reviewed_value, f.type, f.id IN ") +
                      kConfirmedMembers +
                      ", p.book_page, p.entry, p.reg_date FROM fields f JOIN records r ON r.id = f.record_id "
                      "JOIN pages p ON p.id = r.page_id "
                      "WHERE p.book_id = ? AND p.status = 'done' AND f.key = ? AND f.status != 'blank' "
                      "ORDER BY p.rel_path, p.page, r.record, f.ord");
  s.bind(1, book).bind(2, key);
  while (s.step()) {
    const bool clerk = !s.is_null(4);
    const bool accepted = s.text(2) == "accept";
    SequenceEntry e;
    e.value = clerk ? s.text(4) : s.text(1);
    // Only what needs no clerk backs a number: a hand that writes its 1 like a 7 is misread the
    // same way on every page, so two unsure readings agreeing ("73", "74") prove nothing.
    e.sure = clerk || accepted;
    e.to_fill = !clerk && !accepted && s.int64(6) == 0;
    if (!s.is_null(7)) e.file_page = int(s.int64(7));
    if (o.named_entry_keys.count(key)) e.named = s.text(8);
    if (o.named_day_keys.count(key)) e.named = s.text(9);
    type = s.text(5);
    rows.push_back({s.int64(0), clerk ? 1.0 : s.real(3)});
    entries.push_back(std::move(e));
  }
  const auto fits = fit(entries);
  FieldGroup g;
  g.book_id = book;
  g.field_type = type;
  g.field_key = key;
  g.kind = "sequence";
  g.source = "reading";
  std::set<int> backers;
  for (int i = 0; i < int(fits.size()); ++i) {
    if (!fits[size_t(i)].agrees) {
      if (!fits[size_t(i)].proposed.empty())  // the witness's value, for the clerk to check
        g.members.push_back(
            {.field_id = rows[size_t(i)].field_id, .key = key, .proposed = fits[size_t(i)].proposed});
      continue;
    }
    g.members.push_back({.field_id = rows[size_t(i)].field_id, .key = key});
    for (int n : {fits[size_t(i)].before, fits[size_t(i)].after})
      if (n >= 0) backers.insert(n);
  }
  if (g.members.empty()) return std::nullopt;
  double least = 1.0;
  for (int n : backers) {  // sure, so never a member themselves
    least = std::min(least, rows[size_t(n)].confidence);
    g.members.push_back({.field_id = rows[size_t(n)].field_id, .key = key, .role = "evidence"});
  }
  // A value proposed from the book's witness against the member's own reading is a suggestion
  // to check, as a vote is (note 3a).
  const bool proposes =
      std::any_of(g.members.begin(), g.members.end(), [](const GroupMember& m) { return m.proposed.has_value(); });
  g.confidence = (proposes ? 0.5 * least : least) * o.purity;
  return g;
}

}  // namespace

GroupingSummary group_fields(const std::filesystem::path& store, const GroupingOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  { auto s = Store::open(store); }  // the store's schema, when absent
  sql::Db db(store);
  sqlite3_busy_timeout(db.handle(), 10000);
  db.exec("PRAGMA foreign_keys=ON;");
  ensure_group_tables(db);

  GroupingSummary sum;
  for (const auto& book : books_of(db, o.book_id, o.batch)) {
    ++sum.books;
    const std::set<std::string> look_types = type_names(o.types);
    std::set<std::string> all_types = type_names(o.reading_types);
    all_types.insert(look_types.begin(), look_types.end());
    std::vector<Crop> crops = crops_of(db, book, all_types);
    sum.pages_unreadable += describe_crops(db, crops, look_types);
    std::map<std::string, std::vector<int>> by_type;
    for (int i = 0; i < int(crops.size()); ++i)
      if (!crops[size_t(i)].desc.empty()) {
        by_type[crops[size_t(i)].type].push_back(i);
        ++sum.crops;
      }
    std::vector<FieldGroup> groups;
    for (auto& [type, all] : by_type) {
      // Complete linkage is cubic: a big book's crops of one type are clustered in runs (note
      // 5), in order of aspect ratio; crops further apart in aspect than 25% never group anyway.
      std::stable_sort(all.begin(), all.end(),
                       [&](int a, int b) { return crops[size_t(a)].desc.aspect < crops[size_t(b)].desc.aspect; });
      const size_t run = size_t(std::max(2, o.max_cluster_input));
      for (size_t from = 0; from < all.size(); from += run) {
        const std::vector<int> idx(all.begin() + long(from), all.begin() + long(std::min(all.size(), from + run)));
        group_run(crops, idx, book, type, o, groups);
      }
    }
    // One sequence group per key: numbers the sure ones around them predict, days in order
    // between them, and what the scans' file names confirm (file_names.hpp).
    std::set<std::string> numbered = o.sequence_keys, dated = o.order_keys;
    numbered.insert(o.page_keys.begin(), o.page_keys.end());
    numbered.insert(o.named_entry_keys.begin(), o.named_entry_keys.end());
    numbered.insert(o.page_entry_keys.begin(), o.page_entry_keys.end());
    dated.insert(o.named_day_keys.begin(), o.named_day_keys.end());
    const std::optional<int> year = book_year_of(db, book);
    for (const auto& key : numbered) {
      const auto fit = [&](const std::vector<SequenceEntry>& e) {
        auto fits = o.sequence_keys.count(key) ? fit_sequence(e) : std::vector<SequenceFit>(e.size());
        if (o.page_keys.count(key)) either(fits, fit_page_numbers(e));
        if (o.named_entry_keys.count(key)) either(fits, fit_named_values(e, NamedPart::Entry));
        if (o.page_entry_keys.count(key)) either(fits, fit_entry_pages(e, year));
        return fits;
      };
      if (auto g = sequence_group(db, book, key, o, fit)) {
        groups.push_back(std::move(*g));
        ++sum.sequences;
      }
    }
    for (const auto& key : dated) {
      const auto fit = [&](const std::vector<SequenceEntry>& e) {
        auto fits = o.order_keys.count(key) ? fit_date_order(e, year) : std::vector<SequenceFit>(e.size());
        if (o.named_day_keys.count(key)) either(fits, fit_named_values(e, NamedPart::Day));
        return fits;
      };
      if (auto g = sequence_group(db, book, key, o, fit)) {
        groups.push_back(std::move(*g));
        ++sum.in_order;
      }
    }
    if (o.agreeing)
      for (auto& g : agreeing_date_groups(db, book, members_to_fill(groups), o.purity)) {
        groups.push_back(std::move(g));
        ++sum.agreeing;
      }
    read_alike_groups(crops, book, o, groups, sum.read_alike);
    written_twice_groups(crops, book, o, groups, sum.written_twice);  // last: a field joins one group at most
    sql::Transaction tx(db);
    delete_open_groups(db, book);
    const std::string now = utc_now();
    for (auto& g : groups) {
      g.created_at = now;
      insert_group(db, g);
      ++sum.groups;
      sum.grouped_fields += g.open_members();
      if (g.source != "none") ++sum.proposed;
    }
    tx.commit();
  }
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return sum;
}

}  // namespace ledger::groups
