// `ledger-ocr train-digits`: trains the handwritten digit classifier on the digits installed by
// the set-up script (opencv-doc) and writes models/digits/ with its provenance and held-out score.
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
  uint64_t seed = ledger::TrainOptions{}.seed;
  int augment = ledger::TrainOptions{}.augment, scan = ledger::TrainOptions{}.scan, per_digit = 0;
  bool search = false;
};

int run_train(const Opts& o) {
  std::ifstream in(o.data, std::ios::binary);
  if (!in) {
    std::cerr << o.data << ": cannot read (install opencv-doc: scripts/setup.sh)\n";
    return ledger::cli::kFailed;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ledger::TrainOptions t;
  t.data = o.data;
  t.data_sha256 = ledger::sha256_hex(bytes);
  t.seed = o.seed;
  t.augment = o.augment;
  t.scan = o.scan;
  t.search = o.search;
  t.per_digit = o.per_digit;
  auto t0 = std::chrono::steady_clock::now();
  auto model = ledger::train_digits(t);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  model.save(o.out);
  const auto& p = model.provenance();
  std::cout << "trained on " << p.train_samples << " digits (augmented) in " << secs << " s, C " << p.C
            << ", gamma " << p.gamma << ", " << p.support_vectors << " support vectors\n"
            << "validation accuracy " << p.validation_accuracy << "\nheld-out accuracy " << p.heldout_accuracy
            << " on " << p.heldout_samples << " digits\nwrote " << o.out << "\n";
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
       sub.add_flag("--search", o->search, "grid-search C and gamma on the validation split");
       return std::function<int()>([o] { return run_train(*o); });
     }}};
