// models/time_profile.hpp — a quantity over simulated time that is constant or repeats
// periodically in equal steps: an hourly carbon intensity over a day (24 values), a time-of-use
// electricity tariff over a week (168) or a year (8760). Gives its value at a time and its exact
// integral over any interval in O(1), so the engine can charge energy between two events without
// stepping through the hours in between (docs/energy.md). Pure: no SimGrid, no I/O.
#pragma once

#include <string>
#include <vector>

namespace sovsim::models {

class TimeProfile {
 public:
  // A constant 0.
  TimeProfile();
  // values[i] holds for [i step_s, (i+1) step_s) of the period of values.size() x step_s, and the
  // pattern repeats for ever, both ways. Simulation time 0 falls offset_s into the period (the
  // scenario's start hour of the day or of the week: 9 h into a day-long profile -> 9 x 3600).
  // One value is a constant. The arguments must pass invalid_reason() (a bug otherwise: input is
  // checked by the caller, which reports it against the scenario).
  explicit TimeProfile(std::vector<double> values, double step_s = 3600, double offset_s = 0);
  static TimeProfile constant(double value);

  // Why these arguments do not make a profile ("" if they do): empty values, a non-finite value,
  // a step that is not a positive finite number, a non-finite offset.
  static std::string invalid_reason(const std::vector<double>& values, double step_s,
                                    double offset_s);

  const std::vector<double>& values() const { return values_; }
  double step_s() const { return step_s_; }
  double offset_s() const { return offset_s_; }  // as given (not reduced modulo the period)
  double period_s() const { return period_s_; }
  bool is_constant() const { return values_.size() == 1; }

  // The value in force at time t_s (a step's start belongs to that step).
  double at(double t_s) const;
  // Exact ∫ value dt from t0_s to t1_s, in value-units x seconds: whole periods times the sum of
  // one period, plus the partial steps at both ends from precomputed prefix sums. O(1).
  // integral(t1, t0) = -integral(t0, t1). A constant profile gives value x (t1 - t0) exactly.
  double integral(double t0_s, double t1_s) const;
  // Time average over one period.
  double mean() const { return period_sum_ / period_s_; }

 private:
  // ∫ from the start of the period containing phase u to u, and that period's index.
  double within_period(double phase_s, double* period_index) const;

  std::vector<double> values_;
  double step_s_ = 3600, offset_s_ = 0, period_s_ = 3600;
  std::vector<double> prefix_;  // prefix_[i] = step_s x (values[0] + ... + values[i-1])
  double period_sum_ = 0;       // prefix_.back(): ∫ over one whole period
};

}  // namespace sovsim::models
