// models/time_profile.cpp — see time_profile.hpp.
#include "models/time_profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "models/common/check.hpp"

namespace sovsim::models {

TimeProfile::TimeProfile() : TimeProfile(std::vector<double>{0.0}) {}

TimeProfile::TimeProfile(std::vector<double> values, double step_s, double offset_s)
    : values_(std::move(values)), step_s_(step_s), offset_s_(offset_s) {
  SOVSIM_CHECK(invalid_reason(values_, step_s_, offset_s_).empty(),
               "a TimeProfile's values and step are checked before it is made");
  period_s_ = step_s_ * static_cast<double>(values_.size());
  prefix_.reserve(values_.size() + 1);
  prefix_.push_back(0);
  double sum = 0;
  for (double v : values_) prefix_.push_back(step_s_ * (sum += v));
  period_sum_ = prefix_.back();
}

TimeProfile TimeProfile::constant(double value) { return TimeProfile({value}); }

std::string TimeProfile::invalid_reason(const std::vector<double>& values, double step_s,
                                        double offset_s) {
  if (values.empty()) return "needs at least one value";
  for (size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) return fmt::format("value {} is not a finite number", i);
  }
  if (!std::isfinite(step_s) || step_s <= 0) {
    return fmt::format("step must be a positive number of seconds, found {}", step_s);
  }
  if (!std::isfinite(step_s * static_cast<double>(values.size()))) return "period too long";
  if (!std::isfinite(offset_s)) return "offset must be a finite number of seconds";
  return "";
}

double TimeProfile::within_period(double phase_s, double* period_index) const {
  double k = std::floor(phase_s / period_s_);
  double r = phase_s - k * period_s_;
  if (r >= period_s_) r = 0, k += 1;  // rounding just below a period boundary
  if (r < 0) r = 0;
  const size_t i = std::min(static_cast<size_t>(r / step_s_), values_.size() - 1);
  *period_index = k;
  return prefix_[i] + values_[i] * (r - static_cast<double>(i) * step_s_);
}

double TimeProfile::at(double t_s) const {
  if (is_constant()) return values_.front();
  double r = std::fmod(t_s + offset_s_, period_s_);  // in (-period, period)
  if (r < 0) r += period_s_;
  return values_[std::min(static_cast<size_t>(r / step_s_), values_.size() - 1)];
}

double TimeProfile::integral(double t0_s, double t1_s) const {
  if (is_constant()) return values_.front() * (t1_s - t0_s);
  double k0 = 0, k1 = 0;
  const double w0 = within_period(t0_s + offset_s_, &k0);
  const double w1 = within_period(t1_s + offset_s_, &k1);
  // Whole periods between the two period starts, then the parts inside: the terms stay of the
  // size of one period's integral, however late the times (no cancellation of two large sums).
  return (k1 - k0) * period_sum_ + (w1 - w0);
}

}  // namespace sovsim::models
