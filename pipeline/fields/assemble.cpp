// Readings to draft records (see assemble.hpp).
#include "fields/assemble.hpp"

#include <algorithm>
#include <map>

#include "fields/normalize.hpp"
#include "fields/record_rules.hpp"
#include "fields/routing.hpp"

namespace ledger {
namespace {

// The layout's keys and types in order, without calling into the layout library.
std::vector<std::pair<std::string, FieldType>> layout_keys(const LayoutTemplate& layout) {
  std::vector<std::pair<std::string, FieldType>> keys;
  auto add = [&](const std::string& key, FieldType type) {
    for (const auto& k : keys)
      if (k.first == key) return;
    keys.emplace_back(key, type);
  };
  if (layout.kind == LayoutKind::Table)
    for (const auto& c : layout.table.columns) add(c.key, c.type);
  else
    for (const auto& f : layout.fields) add(f.key, f.type);
  return keys;
}

void add_reason(DraftField& f, const std::string& reason) {
  if (std::find(f.reasons.begin(), f.reasons.end(), reason) == f.reasons.end()) f.reasons.push_back(reason);
}

void set_evidence(DraftField& f, const std::string& name, double v) {
  for (auto& [k, x] : f.evidence)
    if (k == name) {
      x = v;
      return;
    }
  f.evidence.emplace_back(name, v);
}

const double* evidence(const DraftField& f, const std::string& name) {
  for (const auto& [k, x] : f.evidence)
    if (k == name) return &x;
  return nullptr;
}

// Below this layout score (layout/register_page.hpp: share of anchors or column rules found)
// no field of the page is accepted: the regions may be anything.
constexpr double kMinLayoutScore = 0.5;

// What is known about one field between normalisation and routing.
struct Pending {
  const FieldReading* reading = nullptr;  // null: the layout found no region
  NormalizedValue value;
  size_t reasons_before_rules = 0;
};

}  // namespace

std::vector<DraftRecord> assemble_records(const PageReadings& readings, const LayoutTemplate& layout,
                                          const FieldModels& models, std::optional<int> book_year,
                                          const std::vector<const PlaceUnit*>& home) {
  std::vector<DraftRecord> out;
  auto keys = layout_keys(layout);
  std::vector<std::string> required;
  if (layout.kind == LayoutKind::Table) {
    for (const auto& c : layout.table.columns)
      if (c.required) required.push_back(c.key);
  } else {
    for (const auto& f : layout.fields)
      if (f.required) required.push_back(f.key);
  }
  if (required.empty()) required = default_required_keys();
  for (size_t r = 0; r < readings.records.size(); ++r) {
    const RecordReadings& rec = readings.records[r];
    std::map<std::string, const FieldReading*> by_key;
    for (const auto& f : rec.fields) by_key.emplace(f.key, &f);
    auto order = keys;
    for (const auto& f : rec.fields)
      if (std::none_of(order.begin(), order.end(), [&](const auto& k) { return k.first == f.key; }))
        order.emplace_back(f.key, f.type);

    DraftRecord draft;
    draft.record = int(r);
    std::vector<Pending> pending;
    for (const auto& [key, type] : order) {
      DraftField df;
      df.type = type;
      Pending p;
      auto it = by_key.find(key);
      if (it == by_key.end()) {
        add_reason(df, "not-found");
      } else {
        const FieldReading& reading = *it->second;
        p.reading = &reading;
        df.raw = reading.text;
        df.box = reading.box;
        df.hand = reading.hand;
        for (const auto& issue : reading.issues) add_reason(df, issue);
        if (!reading.blank) {
          FieldContext ctx;
          ctx.key = key;
          ctx.book_year = book_year;
          ctx.home = home;
          ctx.lexicons = &models.lexicons;
          ctx.chars = &reading.chars;
          p.value = normalize_field(type, reading.text, ctx);
          df.value = p.value.value;
          for (const auto& reason : p.value.reasons) add_reason(df, reason);
        }
      }
      p.reasons_before_rules = df.reasons.size();
      pending.push_back(std::move(p));
      draft.fields.emplace_back(key, std::move(df));
    }

    apply_record_rules(draft, book_year, required);

    for (size_t i = 0; i < draft.fields.size(); ++i) {
      DraftField& df = draft.fields[i].second;
      const Pending& p = pending[i];
      if (p.reading && p.reading->blank) {
        df.confidence = models.calibration.blank_confidence();
        set_evidence(df, "ink_ratio", p.reading->ink_ratio);
        // A blank that a rule objects to (a required field) is for a clerk to confirm.
        bool objected = std::any_of(df.reasons.begin(), df.reasons.end(),
                                    [](const std::string& s) { return forces_review(s); });
        df.status = objected ? FieldStatus::Review : FieldStatus::Blank;
        continue;
      }
      if (!p.reading) {
        df.status = FieldStatus::Review;
        df.confidence = 0;
        continue;
      }
      FeatureContext fc;
      fc.rule_reasons = int(df.reasons.size() - p.reasons_before_rules);
      if (const double* agree = evidence(df, "date-words-agree")) fc.date_words = *agree > 0.5 ? 1 : -1;
      for (const auto& [name, v] : measure_features(*p.reading, p.value, fc)) set_evidence(df, name, v);
      df.confidence = models.calibration.predict(features_of(df), df.type);
      df.status = route(df.confidence, false, models.accept_threshold);
      bool forced = std::any_of(df.reasons.begin(), df.reasons.end(),
                                [](const std::string& s) { return forces_review(s); });
      if (df.value.empty() && !df.raw.empty()) {
        forced = true;
        add_reason(df, "unreadable");
      }
      if (df.value.empty() && df.raw.empty()) forced = true;  // ink but nothing recognised
      if (df.status == FieldStatus::Accept) {
        // Checks that only stop an accept: they do not doubt the value, the fit cannot vouch.
        for (const auto& veto : acceptance_vetoes(df, p.reading->mean_conf)) add_reason(df, veto), forced = true;
        for (const auto& name : models.calibration.out_of_range(features_of(df))) {
          add_reason(df, "unusual-" + name);
          forced = true;
        }
      }
      bool unsure_layout = readings.page.layout_score > 0 && readings.page.layout_score < kMinLayoutScore;
      for (const auto& issue : readings.page.issues) unsure_layout = unsure_layout || issue == "layout-unsure";
      if (unsure_layout) {
        add_reason(df, "layout-unsure");
        forced = true;
      }
      if (forced) df.status = FieldStatus::Review;
      if (df.status == FieldStatus::Review) {
        if (df.confidence < models.accept_threshold) add_reason(df, "low-confidence");
        if (df.hand) add_reason(df, "handwriting");
      }
    }
    out.push_back(std::move(draft));
  }
  return out;
}

}  // namespace ledger
