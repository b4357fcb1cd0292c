// sim/telemetry/power_meter.hpp — the IT power each site draws right now, and the peaks: the
// ledger moves it as GPUs go busy or idle and capacity enters or leaves service; admission
// under a site power cap reads it (sim/engine/capacity_manager.hpp). Peaks are sampled at the
// end of each instant, so a job that stops and another that starts at the same time are not a
// spike. Facility power is IT power × the site's PUE. It also integrates each site's IT power
// over time: the energy the ledger charges must add up to it (sim/run/run_invariants.hpp), and
// keeps it per site and bucket of time (power_series.hpp) for power.csv and the report.
#pragma once

#include <algorithm>
#include <vector>

#include "sim/telemetry/power_series.hpp"

namespace sovsim::sim {

class PowerMeter {
 public:
  // `bucket_s`: the width of the power series' buckets (power_bucket_s()).
  PowerMeter(std::vector<double> site_pue, double bucket_s)
      : pue_(std::move(site_pue)), it_w_(pue_.size(), 0), peak_it_w_(pue_.size(), 0),
        it_j_(pue_.size(), 0), since_s_(pue_.size(), 0), series_(pue_.size(), bucket_s) {}

  // `watts` more (or less) IT power at `site` from `now_s` on.
  void add(int site, double watts, double now_s) {
    advance(site, now_s);
    it_w_[site] += watts;
    changed_ = true;
  }
  double site_it_w(int site) const { return it_w_[site]; }
  // IT energy drawn at `site` up to `now_s` (≥ the last change), in joules.
  void advance(int site, double now_s) {
    if (now_s >= series_.open_end(site)) {  // once per bucket and site
      series_.close_until(site, now_s, it_j_[site], since_s_[site], it_w_[site]);
    }
    it_j_[site] += it_w_[site] * (now_s - since_s_[site]);
    since_s_[site] = now_s;
  }
  double site_it_j(int site) const { return it_j_[site]; }
  size_t site_count() const { return it_w_.size(); }

  // The end of an instant: the draws now are candidates for the peaks.
  void sample() {
    if (!changed_) return;
    changed_ = false;
    double it = 0, facility = 0;
    for (size_t s = 0; s < it_w_.size(); ++s) {
      peak_it_w_[s] = std::max(peak_it_w_[s], it_w_[s]);
      series_.sample(static_cast<int>(s), it_w_[s]);
      it += it_w_[s];
      facility += it_w_[s] * pue_[s];
    }
    peak_fleet_it_w_ = std::max(peak_fleet_it_w_, it);
    peak_fleet_facility_w_ = std::max(peak_fleet_facility_w_, facility);
  }
  double peak_it_w(int site) const { return peak_it_w_[site]; }
  double peak_fleet_it_w() const { return peak_fleet_it_w_; }
  double peak_fleet_facility_w() const { return peak_fleet_facility_w_; }
  double site_pue(int site) const { return pue_[site]; }

  // Every site advanced to `end_s`, the last peaks sampled and the series closed. Call once.
  void finish(double end_s) {
    for (size_t s = 0; s < it_w_.size(); ++s) advance(static_cast<int>(s), end_s);
    sample();
    series_.finish(end_s, it_j_, it_w_);
  }
  const PowerSeries& series() const { return series_; }

 private:
  std::vector<double> pue_;
  std::vector<double> it_w_, peak_it_w_;
  std::vector<double> it_j_, since_s_;  // per site: ∫ IT power dt, and up to when
  double peak_fleet_it_w_ = 0, peak_fleet_facility_w_ = 0;
  bool changed_ = false;
  PowerSeries series_;
};

}  // namespace sovsim::sim
