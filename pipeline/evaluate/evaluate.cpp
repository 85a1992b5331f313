// Scoring draft records against ground truth (see evaluate.hpp).
#include "evaluate/evaluate.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "core/geometry.hpp"
#include "evaluate/matching.hpp"
#include "evaluate/scoring.hpp"

namespace ledger {

namespace {

std::string hand_group(const GtField& f) {
  if (!f.hand) return "unknown";
  return *f.hand ? "handwritten" : "typed";
}

// Scores one GT field against its draft field (null when missing) and the baseline reading
// (null when the baseline did not run).
FieldTally score_field(const std::string& key, const GtField& gt, const DraftField* draft,
                       const std::string* baseline, const EvalOptions& options,
                       std::vector<ConfidencePoint>& points) {
  FieldTally t;
  const FieldType type = field_type_for_key(key);
  const long len = long(truth_length(gt.value));
  // Normalising text dominates the cost of scoring (bench/eval_scoring): key the truth once.
  const std::string truth_key = scoring_key(type, gt.value);
  auto edits = [&](const std::string& predicted, bool right) {
    return right ? 0L : long(char_edits_unmatched(type, predicted, gt.value));
  };
  t.fields = 1;
  t.gt_blank = gt.value.empty() ? 1 : 0;
  t.truth_chars = len;
  t.keys_scratch = len + 1;
  if (gt.box) {
    t.boxes_expected = 1;
    if (draft && iou(*gt.box, draft->box) >= options.min_box_iou) t.boxes_located = 1;
    if (draft && gt.box->area() > 0 && intersect(*gt.box, draft->box).area() * 2 >= gt.box->area())
      t.boxes_covered = 1;
  }
  if (!draft) {
    t.missing = 1;
    t.correct = gt.value.empty() ? 1 : 0;
    t.raw_edits = t.value_edits = len;
    t.keys_draft = len + 1;
    t.to_look = 1;
  } else {
    const bool right = scoring_key(type, draft->value) == truth_key;
    t.correct = right ? 1 : 0;
    t.with_confidence = 1;
    t.value_edits = edits(draft->value, right);
    t.raw_edits = draft->raw == draft->value ? t.value_edits
                                             : edits(draft->raw, scoring_key(type, draft->raw) == truth_key);
    points.push_back({draft->confidence, right});
    if (draft->status == FieldStatus::Review) {
      t.review = 1;
      t.to_look = 1;
      t.keys_draft = right ? 1 : t.value_edits + 1;
    } else {
      t.prefilled = 1;
      t.prefilled_correct = right ? 1 : 0;
    }
  }
  if (baseline) {
    t.base_fields = 1;
    const bool right = scoring_key(type, *baseline) == truth_key;
    t.base_correct = right ? 1 : 0;
    t.base_edits = edits(*baseline, right);
    t.base_keys = right ? 1 : t.base_edits + 1;
  }
  return t;
}

// Baseline words of every page, read in parallel; a page that fails gets nullopt and a warning.
std::vector<std::optional<std::vector<TsvWord>>> read_baseline(const std::vector<GtPage>& gt,
                                                               const EvalOptions& options,
                                                               std::vector<std::string>& warnings) {
  std::vector<std::optional<std::vector<TsvWord>>> words(gt.size());
  std::vector<std::string> errors(gt.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t g = next++; g < gt.size(); g = next++) {
      try {
        words[g] = options.baseline_words ? options.baseline_words(gt[g])
                                          : run_plain_tesseract(gt[g].image_path, options.baseline_lang);
      } catch (const std::exception& e) {
        errors[g] = std::string("baseline skipped: ") + e.what();
      }
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t n = std::min<size_t>(gt.size(), options.baseline_threads > 0 ? options.baseline_threads : cores);
  std::vector<std::thread> pool;
  for (size_t i = 1; i < n; ++i) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (const auto& e : errors)
    if (!e.empty()) warnings.push_back(e);
  return words;
}

}  // namespace

EvalReport evaluate(const std::vector<GtPage>& gt, const std::vector<DraftPage>& drafts,
                    const EvalOptions& options) {
  EvalReport report;
  std::vector<ConfidencePoint> points;
  const std::vector<int> page_match = match_pages(gt, drafts);
  std::vector<std::optional<std::vector<TsvWord>>> page_words(gt.size());
  if (options.baseline) page_words = read_baseline(gt, options, report.warnings);
  for (size_t g = 0; g < gt.size(); ++g) {
    const GroundTruth& page = gt[g].gt;
    const DraftPage* draft = page_match[g] >= 0 ? &drafts[page_match[g]] : nullptr;
    const std::string layout = !page.layout.empty() ? page.layout
                               : (draft && !draft->layout.empty()) ? draft->layout
                                                                   : "(none)";
    LayoutTally lt;
    lt.pages = 1;
    lt.records_expected = long(page.records.size());
    lt.layout_given = page.layout.empty() ? 0 : 1;
    std::vector<int> rec_match(page.records.size(), -1);
    if (draft) {
      lt.pages_with_drafts = 1;
      lt.layout_found = draft->layout.empty() ? 0 : 1;
      lt.layout_correct = (!page.layout.empty() && draft->layout == page.layout) ? 1 : 0;
      rec_match = match_records(page, *draft);
      for (int m : rec_match) lt.records_found += m >= 0 ? 1 : 0;
      lt.records_extra = long(draft->records.size()) - lt.records_found;
    } else {
      report.unmatched_pages.push_back(gt[g].rel_image);
    }
    report.layout.add(lt);
    report.layout_by_layout[layout].add(lt);

    const std::optional<std::vector<TsvWord>>& words = page_words[g];
    for (size_t r = 0; r < page.records.size(); ++r) {
      const DraftRecord* rec = rec_match[r] >= 0 ? &draft->records[rec_match[r]] : nullptr;
      for (const auto& [key, field] : page.records[r].fields) {
        const DraftField* df = rec ? rec->find(key) : nullptr;
        std::string base;
        if (words) {
          Box where = field.box ? *field.box : (df ? df->box : Box{});
          base = words_in_box(*words, where);
        }
        FieldTally t = score_field(key, field, df, words ? &base : nullptr, options, points);
        report.overall.add(t);
        report.by_layout[layout].add(t);
        report.by_field[key].add(t);
        report.by_hand[hand_group(field)].add(t);
      }
    }
    if (words) report.baseline_run = true;
  }
  report.reliability = reliability_bins(points, options.reliability_bins);
  report.ece = expected_calibration_error(report.reliability);
  report.curve = threshold_curve(points, options.curve_steps);
  return report;
}

}  // namespace ledger
