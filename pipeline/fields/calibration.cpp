// Calibration features, the logistic model, its fit and its file (see calibration.hpp).
#include "fields/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numeric>
#include <opencv2/core.hpp>
#include <random>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/compare.hpp"
#include "fields/routing.hpp"

namespace ledger {
namespace {

constexpr const char* kSchema = "ledger-calibration/1";
constexpr TypeGroup kGroups[] = {TypeGroup::Name, TypeGroup::Date, TypeGroup::Code, TypeGroup::Place,
                                 TypeGroup::Number};

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  double e = std::exp(z);
  return e / (1.0 + e);
}

nlohmann::ordered_json model_json(const LogisticModel& m) {
  return {{"intercept", m.intercept}, {"weights", m.weights}, {"mean", m.mean}, {"scale", m.scale}};
}

LogisticModel model_from(const nlohmann::json& j, size_t dims, const std::string& where) {
  LogisticModel m;
  m.intercept = j.at("intercept").get<double>();
  m.weights = j.at("weights").get<std::vector<double>>();
  m.mean = j.at("mean").get<std::vector<double>>();
  m.scale = j.at("scale").get<std::vector<double>>();
  if (m.weights.size() != dims || m.mean.size() != dims || m.scale.size() != dims)
    throw ConfigError(where + ": a model has " + std::to_string(m.weights.size()) + " weights, expected " +
                      std::to_string(dims));
  return m;
}

std::string today() {
  std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&t));
  return buf;
}

}  // namespace

TypeGroup type_group(FieldType t) {
  switch (t) {
    case FieldType::Name: return TypeGroup::Name;
    case FieldType::Date:
    case FieldType::DateWords: return TypeGroup::Date;
    case FieldType::Sex:
    case FieldType::Ethnicity:
    case FieldType::Nationality:
    case FieldType::Checkbox: return TypeGroup::Code;
    case FieldType::Place:
    case FieldType::Text: return TypeGroup::Place;
    case FieldType::Number:
    case FieldType::IdNumber: return TypeGroup::Number;
  }
  return TypeGroup::Place;
}

std::string_view to_string(TypeGroup g) {
  switch (g) {
    case TypeGroup::Name: return "name";
    case TypeGroup::Date: return "date";
    case TypeGroup::Code: return "code";
    case TypeGroup::Place: return "place";
    case TypeGroup::Number: return "number";
  }
  return "place";
}

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> names = {
      "mean_conf",    "min_conf",     "char_margin",      "char_min",       "hand",
      "ink_ratio",    "lexicon_distance", "lexicon_margin", "parsed",       "corrected",
      "norm_reasons", "rule_reasons", "date_words",       "length",         "changed",
      "read_issues",  "unmatched_parts",
      "group_name",   "group_date",   "group_code",       "group_place",    "group_number"};
  return names;
}

size_t measured_feature_count() { return feature_names().size() - std::size(kGroups); }

std::vector<std::pair<std::string, double>> measure_features(const FieldReading& reading,
                                                             const NormalizedValue& value,
                                                             const FeatureContext& ctx) {
  // Character alternatives: the weakest character decides (one doubtful digit spoils a date).
  double margin = reading.min_conf, char_min = reading.min_conf;
  bool any_char = false;
  for (const auto& c : reading.chars) {
    if (c.alternatives.empty() || c.alternatives.front().first == " ") continue;
    double p1 = c.alternatives.front().second;
    double p2 = c.alternatives.size() > 1 ? c.alternatives[1].second : 0.0;
    if (!any_char) margin = char_min = 1.0, any_char = true;
    margin = std::min(margin, p1 - p2);
    char_min = std::min(char_min, p1);
  }
  double changed = tone_key(clean_text(value.value)) != tone_key(clean_text(reading.text)) ? 1 : 0;
  const auto& names = feature_names();
  std::vector<double> v = {reading.mean_conf,
                           reading.min_conf,
                           margin,
                           char_min,
                           reading.hand ? 1.0 : 0.0,
                           reading.ink_ratio,
                           std::min(value.lexicon_distance, 5.0),
                           std::clamp(value.lexicon_margin, 0.0, 2.0),
                           value.parsed ? 1.0 : 0.0,
                           value.corrected ? 1.0 : 0.0,
                           double(std::min<size_t>(value.reasons.size(), 3)),
                           double(std::min(ctx.rule_reasons, 3)),
                           double(ctx.date_words),
                           std::log1p(double(utf8_length(value.value))),
                           changed,
                           double(std::min<size_t>(reading.issues.size(), 3)),
                           double(std::min(value.unmatched_parts, 3))};
  std::vector<std::pair<std::string, double>> out;
  for (size_t i = 0; i < v.size(); ++i) out.emplace_back(names[i], v[i]);
  return out;
}

std::vector<double> features_of(const DraftField& field) {
  const auto& names = feature_names();
  size_t measured = measured_feature_count();
  std::vector<double> x(names.size(), 0.0);
  for (size_t i = 0; i < measured; ++i)
    for (const auto& [k, v] : field.evidence)
      if (k == names[i]) x[i] = v;
  TypeGroup g = type_group(field.type);
  for (size_t i = 0; i < std::size(kGroups); ++i) x[measured + i] = kGroups[i] == g ? 1.0 : 0.0;
  return x;
}

double LogisticModel::predict(const std::vector<double>& x) const {
  double z = intercept;
  for (size_t i = 0; i < weights.size() && i < x.size(); ++i) z += weights[i] * (x[i] - mean[i]) / scale[i];
  return sigmoid(z);
}

double CalibrationModel::predict(const std::vector<double>& features, FieldType type) const {
  if (!fitted_) {
    // Conservative default: never sure, still ordered by the engine's own confidence.
    double conf = features.empty() ? 0.0 : features[0];
    return std::clamp(0.5 * conf, 0.0, 0.5);
  }
  auto it = per_group_.find(type_group(type));
  return it != per_group_.end() ? it->second.predict(features) : global_.predict(features);
}

std::vector<std::string> CalibrationModel::out_of_range(const std::vector<double>& features) const {
  std::vector<std::string> out;
  const auto& names = feature_names();
  for (size_t i = 0; i < feature_min_.size() && i < feature_max_.size() && i < features.size(); ++i) {
    // A feature that never varied while fitting got no weight: it cannot mislead the model.
    if (feature_max_[i] <= feature_min_[i]) continue;
    double margin = 0.1 * (feature_max_[i] - feature_min_[i]);
    if (features[i] < feature_min_[i] - margin - 1e-9 || features[i] > feature_max_[i] + margin + 1e-9)
      out.push_back(names[i]);
  }
  return out;
}

std::string CalibrationModel::to_json() const {
  nlohmann::ordered_json j;
  j["schema"] = kSchema;
  j["features"] = feature_names();
  j["fitted"] = fitted_;
  j["accept_threshold"] = accept_threshold_;
  j["max_error_rate"] = max_error_rate_;
  j["blank_confidence"] = blank_confidence_;
  j["feature_min"] = feature_min_;
  j["feature_max"] = feature_max_;
  j["global"] = model_json(global_);
  nlohmann::ordered_json groups = nlohmann::ordered_json::object();
  for (const auto& [g, m] : per_group_) groups[std::string(to_string(g))] = model_json(m);
  j["groups"] = groups;
  const auto& p = provenance_;
  j["provenance"] = {{"seed", p.seed},
                     {"pages", p.pages},
                     {"samples", p.samples},
                     {"date", p.date},
                     {"source", p.source},
                     {"heldout_ece", p.heldout_ece},
                     {"heldout_accept_error", p.heldout_accept_error},
                     {"heldout_coverage", p.heldout_coverage}};
  return j.dump(2) + "\n";
}

void CalibrationModel::save(const std::filesystem::path& file) const {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw ConfigError(file.string() + ": cannot write calibration model");
  out << to_json();
  if (!out) throw ConfigError(file.string() + ": write failed");
}

CalibrationModel CalibrationModel::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": cannot read calibration model");
  CalibrationModel m;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    if (j.value("schema", "") != kSchema)
      throw ConfigError(file.string() + ": not a " + kSchema + " file");
    if (j.at("features").get<std::vector<std::string>>() != feature_names())
      throw ConfigError(file.string() + ": fitted on other features than this program computes; refit it");
    m.fitted_ = j.value("fitted", true);
    m.accept_threshold_ = j.at("accept_threshold").get<double>();
    m.max_error_rate_ = j.value("max_error_rate", 0.005);
    m.blank_confidence_ = j.value("blank_confidence", 0.95);
    size_t dims = feature_names().size();
    m.global_ = model_from(j.at("global"), dims, file.string());
    if (j.contains("feature_min") && j.contains("feature_max")) {
      m.feature_min_ = j["feature_min"].get<std::vector<double>>();
      m.feature_max_ = j["feature_max"].get<std::vector<double>>();
      if (m.feature_min_.size() != dims || m.feature_max_.size() != dims)
        throw ConfigError(file.string() + ": feature ranges do not match the features");
    }
    if (j.contains("groups"))
      for (auto& [name, gm] : j["groups"].items())
        for (TypeGroup g : kGroups)
          if (to_string(g) == name) m.per_group_[g] = model_from(gm, dims, file.string());
    if (j.contains("provenance")) {
      const auto& p = j["provenance"];
      m.provenance_.seed = p.value("seed", 0u);
      m.provenance_.pages = p.value("pages", 0);
      m.provenance_.samples = p.value("samples", 0);
      m.provenance_.date = p.value("date", "");
      m.provenance_.source = p.value("source", "");
      m.provenance_.heldout_ece = p.value("heldout_ece", -1.0);
      m.provenance_.heldout_accept_error = p.value("heldout_accept_error", -1.0);
      m.provenance_.heldout_coverage = p.value("heldout_coverage", -1.0);
    }
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(file.string() + ": " + e.what());
  }
  return m;
}

void collect_samples(const DraftRecord& draft, const GtRecord& truth,
                     std::vector<CalibrationSample>& samples, BlankTally& blanks) {
  for (const auto& [key, field] : draft.fields) {
    const GtField* gt = truth.find(key);
    if (!gt) continue;  // not recorded in the truth: not scored
    bool blank_call = field.status == FieldStatus::Blank ||
                      (field.raw.empty() && field.value.empty() && field.evidence.size() <= 1);
    if (blank_call) {
      ++blanks.calls;
      blanks.right += clean_text(gt->value).empty();
      continue;
    }
    if (field.evidence.empty()) continue;  // never measured (no region found)
    samples.push_back({features_of(field), values_match(field.type, field.value, gt->value), field.type,
                       field.hand});
  }
}

LogisticModel fit_logistic(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                           double l2, int max_iterations) {
  LogisticModel m;
  size_t n = x.size(), d = n ? x[0].size() : 0;
  m.mean.assign(d, 0.0);
  m.scale.assign(d, 1.0);
  m.weights.assign(d, 0.0);
  if (n == 0) return m;
  for (const auto& row : x)
    for (size_t k = 0; k < d; ++k) m.mean[k] += row[k] / n;
  for (size_t k = 0; k < d; ++k) {
    double var = 0;
    for (const auto& row : x) var += (row[k] - m.mean[k]) * (row[k] - m.mean[k]) / n;
    m.scale[k] = var > 1e-12 ? std::sqrt(var) : 1.0;
  }
  // Standardised design with a trailing 1 for the intercept.
  cv::Mat z(int(n), int(d + 1), CV_64F);
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < d; ++k) z.at<double>(int(i), int(k)) = (x[i][k] - m.mean[k]) / m.scale[k];
    z.at<double>(int(i), int(d)) = 1.0;
  }
  double pos = std::accumulate(y.begin(), y.end(), 0.0);
  double prior = std::clamp((pos + 0.5) / (n + 1.0), 1e-6, 1 - 1e-6);
  cv::Mat beta = cv::Mat::zeros(int(d + 1), 1, CV_64F);
  beta.at<double>(int(d)) = std::log(prior / (1 - prior));
  cv::Mat reg = cv::Mat::eye(int(d + 1), int(d + 1), CV_64F) * l2;
  reg.at<double>(int(d), int(d)) = 1e-9;  // the intercept is not shrunk
  for (int it = 0; it < max_iterations; ++it) {
    cv::Mat eta = z * beta;
    cv::Mat grad = reg * beta;
    cv::Mat hess = reg.clone();
    cv::Mat wz(int(n), int(d + 1), CV_64F);
    cv::Mat resid(int(n), 1, CV_64F);
    for (size_t i = 0; i < n; ++i) {
      double p = sigmoid(eta.at<double>(int(i)));
      resid.at<double>(int(i)) = p - y[i];
      double w = std::max(p * (1 - p), 1e-10);
      for (size_t k = 0; k <= d; ++k) wz.at<double>(int(i), int(k)) = w * z.at<double>(int(i), int(k));
    }
    grad += z.t() * resid;
    hess += z.t() * wz;
    cv::Mat step;
    if (!cv::solve(hess, grad, step, cv::DECOMP_CHOLESKY)) cv::solve(hess, grad, step, cv::DECOMP_SVD);
    beta -= step;
    double mx = 0;
    for (int k = 0; k <= int(d); ++k) mx = std::max(mx, std::abs(step.at<double>(k)));
    if (mx < 1e-9) break;
  }
  for (size_t k = 0; k < d; ++k) m.weights[k] = beta.at<double>(int(k));
  m.intercept = beta.at<double>(int(d));
  return m;
}

// Fills a CalibrationModel's private parts (friend of CalibrationModel).
struct CalibrationFitter {
  static CalibrationModel fit(const std::vector<CalibrationSample>& samples, const FitOptions& opts,
                              CalibrationProvenance provenance) {
    CalibrationModel model;
    model.max_error_rate_ = opts.max_error_rate;
    model.blank_confidence_ = opts.blank_confidence;
    provenance.seed = opts.seed;
    provenance.samples = int(samples.size());
    if (provenance.date.empty()) provenance.date = today();
    int pos = 0;
    for (const auto& s : samples) pos += s.correct;
    if (samples.size() < 20 || pos == 0 || pos == int(samples.size())) {
      model.provenance_ = provenance;
      return model;  // nothing to learn from: stay conservative
    }
    std::vector<size_t> order(samples.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(opts.seed);
    std::shuffle(order.begin(), order.end(), rng);
    size_t held = size_t(std::lround(samples.size() * opts.heldout_share));
    std::vector<CalibrationSample> train, test;
    for (size_t i = 0; i < order.size(); ++i) (i < held ? test : train).push_back(samples[order[i]]);

    CalibrationModel trial = fit_models(train, opts);
    std::vector<double> probs;
    std::vector<int> labels;
    for (const auto& s : test) {
      probs.push_back(trial.predict(s.features, s.type));
      labels.push_back(s.correct);
    }
    ThresholdChoice choice = choose_threshold(probs, labels, opts.max_error_rate);
    if (!test.empty()) {
      provenance.heldout_ece = expected_calibration_error(probs, labels);
      provenance.heldout_coverage = choice.coverage;
      provenance.heldout_accept_error = choice.accepted ? double(choice.errors) / choice.accepted : 0.0;
    }
    CalibrationModel full = fit_models(samples, opts);
    size_t dims = samples.front().features.size();
    full.feature_min_.assign(dims, std::numeric_limits<double>::infinity());
    full.feature_max_.assign(dims, -std::numeric_limits<double>::infinity());
    for (const auto& s : samples)
      for (size_t k = 0; k < dims && k < s.features.size(); ++k) {
        full.feature_min_[k] = std::min(full.feature_min_[k], s.features[k]);
        full.feature_max_[k] = std::max(full.feature_max_[k], s.features[k]);
      }
    full.accept_threshold_ = choice.threshold;
    full.max_error_rate_ = opts.max_error_rate;
    full.blank_confidence_ = opts.blank_confidence;
    full.provenance_ = provenance;
    return full;
  }

  static CalibrationModel fit_models(const std::vector<CalibrationSample>& samples, const FitOptions& opts) {
    CalibrationModel m;
    m.fitted_ = true;
    std::vector<std::vector<double>> x;
    std::vector<int> y;
    for (const auto& s : samples) x.push_back(s.features), y.push_back(s.correct);
    m.global_ = fit_logistic(x, y, opts.l2, opts.max_iterations);
    for (TypeGroup g : kGroups) {
      std::vector<std::vector<double>> gx;
      std::vector<int> gy;
      for (const auto& s : samples)
        if (type_group(s.type) == g) gx.push_back(s.features), gy.push_back(s.correct);
      int gpos = std::accumulate(gy.begin(), gy.end(), 0);
      int gneg = int(gy.size()) - gpos;
      if (int(gy.size()) >= opts.min_group_samples && gpos >= opts.min_group_class && gneg >= opts.min_group_class)
        m.per_group_[g] = fit_logistic(gx, gy, opts.l2, opts.max_iterations);
    }
    return m;
  }
};

CalibrationModel fit_calibration(const std::vector<CalibrationSample>& samples, const FitOptions& opts,
                                 CalibrationProvenance provenance) {
  return CalibrationFitter::fit(samples, opts, std::move(provenance));
}

CalibrationModel calibrate_from_matches(
    const std::vector<std::pair<const DraftRecord*, const GtRecord*>>& matches, FitOptions opts,
    CalibrationProvenance provenance) {
  std::vector<CalibrationSample> samples;
  BlankTally blanks;
  for (const auto& [draft, truth] : matches)
    if (draft && truth) collect_samples(*draft, *truth, samples, blanks);
  opts.blank_confidence = blanks.confidence();
  return fit_calibration(samples, opts, std::move(provenance));
}

double expected_calibration_error(const std::vector<double>& probs, const std::vector<int>& labels, int bins) {
  size_t n = std::min(probs.size(), labels.size());
  if (n == 0 || bins <= 0) return 0;
  std::vector<double> sum_p(bins, 0), sum_y(bins, 0), count(bins, 0);
  for (size_t i = 0; i < n; ++i) {
    int b = std::clamp(int(probs[i] * bins), 0, bins - 1);
    sum_p[b] += probs[i];
    sum_y[b] += labels[i] ? 1 : 0;
    count[b] += 1;
  }
  double ece = 0;
  for (int b = 0; b < bins; ++b)
    if (count[b] > 0) ece += std::abs(sum_y[b] - sum_p[b]) / double(n);
  return ece;
}

}  // namespace ledger
