// The review station's group view (see group_api.hpp).
#include "review/group_api.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "groups/group_store.hpp"
#include "review/access.hpp"
#include "review/audit.hpp"
#include "review/locks.hpp"
#include "review/review_db.hpp"

namespace ledger::review {

using nlohmann::json;

namespace {

bool in_scope(const UnitScope& scope, const std::string& commune) {
  return scope.all || std::find(scope.communes.begin(), scope.communes.end(), commune) != scope.communes.end();
}

// Members a confirmation would fill: to fill, not taken out, no clerk's value yet.
int unfilled(const groups::FieldGroup& g) {
  return int(std::count_if(g.members.begin(), g.members.end(), [](const groups::GroupMember& m) {
    return m.role == "member" && !m.removed && !m.reviewed_value;
  }));
}

json summary_of(const groups::FieldGroup& g) {
  int evidence = 0;
  for (const auto& m : g.members) evidence += m.role == "evidence";
  return {{"id", g.id}, {"kind", g.kind}, {"book", g.book_id}, {"type", g.field_type}, {"key", g.field_key},
          {"proposed_value", g.proposed_value}, {"confidence", g.confidence}, {"source", g.source},
          {"size", g.members.size()}, {"to_fill", unfilled(g)}, {"evidence", evidence},
          {"confirmed_by", g.confirmed_by}, {"confirmed_at", g.confirmed_at}};
}

groups::FieldGroup group_in_scope(sql::Db& db, const Clerk& clerk, std::int64_t id) {
  auto g = groups::load_group(db, id);
  if (!g || g->members.empty()) throw HttpError(404, "no group " + std::to_string(id));
  if (!in_scope(scope_of(db, clerk), g->commune)) throw HttpError(403, "this group's book is not in your units");
  return *g;
}

}  // namespace

json list_groups(sql::Db& db, const Clerk& clerk, const std::string& book, const std::string& type,
                 bool open_only) {
  const UnitScope scope = scope_of(db, clerk);
  json out = json::array();
  for (const auto& g : groups::load_groups(db, {book, type, open_only}))
    if (in_scope(scope, g.commune) && (!open_only || unfilled(g) > 0)) out.push_back(summary_of(g));
  return out;
}

json group_view(sql::Db& db, const Clerk& clerk, std::int64_t group_id) {
  const auto g = group_in_scope(db, clerk, group_id);
  json j = summary_of(g);
  j["members"] = json::array();
  for (const auto& m : g.members)
    j["members"].push_back({{"field_id", m.field_id}, {"record_id", m.record_id}, {"page_id", m.page_id},
                            {"key", m.key}, {"value", m.value}, {"confidence", m.confidence},
                            {"status", m.status}, {"role", m.role}, {"removed", m.removed},
                            {"proposed", m.proposed ? json(*m.proposed) : json()},
                            {"reviewed_value", m.reviewed_value ? json(*m.reviewed_value) : json()}});
  return j;
}

json confirm_group(sql::Db& db, const Clerk& clerk, std::int64_t group_id, const std::string& value,
                   const std::vector<std::int64_t>& removed) {
  const std::string clean = clean_text(value);
  sql::Transaction tx(db);  // BEGIN IMMEDIATE: the checks and the writes are one step
  const auto g = group_in_scope(db, clerk, group_id);
  const bool sequence = g.own_values();  // each member keeps its own reading
  if (clean.empty() && !sequence) throw HttpError(400, "a group needs a value to confirm");
  if (g.confirmed())
    throw HttpError(409, "group already confirmed by " + g.confirmed_by, {{"by", g.confirmed_by}});
  std::set<std::int64_t> gone(removed.begin(), removed.end());
  for (auto id : gone)
    if (std::none_of(g.members.begin(), g.members.end(), [&](const auto& m) { return m.field_id == id; }))
      throw HttpError(400, "field " + std::to_string(id) + " is not in group " + std::to_string(group_id));

  const std::string at = utc_now();
  int filled = 0, locked = 0, reviewed = 0;
  sql::Stmt update(db, "UPDATE fields SET reviewed_value = ? WHERE id = ? AND reviewed_value IS NULL");
  for (const auto& m : g.members) {
    if (m.role != "member" || m.removed || gone.count(m.field_id)) continue;
    if (m.reviewed_value) { ++reviewed; continue; }
    if (other_holder(db, clerk, m.record_id)) { ++locked; continue; }
    const std::string& filled_with = sequence ? m.proposed.value_or(m.value) : clean;
    update.bind(1, filled_with).bind(2, m.field_id).run();
    insert_audit(db, m.record_id, m.key, filled_with == m.value ? "confirm" : "correct", clerk.name, &m.value,
                 &filled_with);
    ++filled;
  }
  groups::mark_confirmed(db, group_id, sequence ? "" : clean, clerk.name, at, {gone.begin(), gone.end()});
  tx.commit();
  return {{"id", group_id}, {"value", sequence ? "" : clean}, {"filled", filled}, {"removed", gone.size()},
          {"skipped_locked", locked}, {"skipped_reviewed", reviewed}};
}

}  // namespace ledger::review
