// The generator's random numbers: a small seeded generator with its own distributions, so that
// the same seed gives the same pages on every compiler and standard library (std's are not portable).
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace ledger::synth {

/// SplitMix64-seeded xoshiro256** with portable uniform, normal and weighted draws.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& s : s_) s = splitmix(seed);
  }
  /// A child generator for a named sub-stream (page n, record k): independent of draw order.
  Rng fork(uint64_t salt) const { return Rng(s_[0] ^ (salt * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull)); }

  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// Uniform in [0, 1).
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }
  /// Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Uniform integer in [lo, hi] (both inclusive).
  int range(int lo, int hi) { return hi <= lo ? lo : lo + int(next() % uint64_t(hi - lo + 1)); }
  /// True with probability p.
  bool chance(double p) { return uniform() < p; }
  /// Normal with mean 0 and the given sigma (Box-Muller).
  double normal(double sigma = 1.0) {
    double u1 = uniform(), u2 = uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    return sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  /// Index drawn with the given non-negative weights (0 when all are zero or empty).
  size_t weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    if (total <= 0) return 0;
    double r = uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.size() - 1;
  }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[size_t(range(0, int(v.size()) - 1))]; }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t splitmix(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t s_[4];
};

}  // namespace ledger::synth
