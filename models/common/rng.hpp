// models/common/rng.hpp — sovsim's own random bit stream and the few distributions we sample.
// std::*_distribution differs between standard libraries, so nothing that reaches an output may
// use it (DESIGN.md, Determinism). xoshiro256** (Blackman & Vigna 2018) is small, fast and gives
// the same stream on every platform; splitmix64 expands one seed into its 256-bit state and
// derives independent sub-streams, so adding a generator does not perturb the others.
#pragma once

#include <cmath>
#include <cstdint>

namespace sovsim {

class Rng {
 public:
  // A stream identified by (seed, stream_id): equal pairs give equal streams.
  explicit Rng(uint64_t seed, uint64_t stream_id = 0) {
    uint64_t x = seed ^ (0x9E3779B97F4A7C15ULL * (stream_id + 1));
    for (auto& word : state_) word = splitmix64(x);
  }

  uint64_t next_u64() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits (the full mantissa of a double).
  double uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  // Uniform integer in [0, n); n > 0. Lemire's multiply-shift; bias < n / 2^64, negligible here.
  uint64_t below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(next_u64()) * n) >> 64);
  }

  // Exponential with the given mean (> 0), by inversion; 1 - u avoids log(0).
  double exponential(double mean) { return -mean * std::log(1.0 - uniform01()); }

  // Standard normal by Box-Muller (one of the pair; simple and portable).
  double normal() {
    const double u1 = 1.0 - uniform01();
    const double u2 = uniform01();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }

  // Log-normal parameterised the way people read it: its median and the sigma of log(x).
  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint64_t state_[4];
};

}  // namespace sovsim
