// sim/telemetry/utilisation_recorder.cpp — see utilisation_recorder.hpp.
#include "sim/telemetry/utilisation_recorder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "sim/trace/csv.hpp"

namespace sovsim::sim {

UtilisationRecorder::UtilisationRecorder(const Cluster& cluster, const std::vector<Tenant>& tenants,
                                         std::FILE* csv)
    : tenants_(tenants.size()), csv_(csv) {
  // Names are kept as CSV fields, quoted once here if they need it (RFC 4180).
  const auto csv_field = [](std::string_view name) {
    std::string field;
    append_csv_field(field, name);
    return field;
  };
  std::map<std::pair<int, std::string>, int> index;  // (site, hardware) -> group, in pool order
  for (const Pool& pool : cluster.pools()) {
    auto [it, added] = index.try_emplace({pool.site, pool.hardware}, groups_.size());
    if (added) groups_.push_back({csv_field(pool.site_name), csv_field(pool.hardware), 0});
    groups_[it->second].total_gpus += pool.total_gpus();
    group_of_pool_.push_back(it->second);
  }
  for (const auto& t : tenants) tenant_names_.push_back(csv_field(t.name));
  const size_t series = groups_.size() * tenants_;
  busy_.assign(series, 0);
  written_.assign(series, -1);  // forces one row per series at t = 0
  integral_.assign(series, 0);
  since_.assign(series, 0);
  is_dirty_.assign(series, 1);
  for (size_t i = 0; i < series; ++i) dirty_.push_back(i);
  if (csv_) buffer_ = "time_s,site,tenant,hw,busy_gpus,total_gpus\n";
  flush_rows(0);
}

void UtilisationRecorder::add(const Job& job, int64_t delta_gpus, double now_s) {
  const size_t s = group_of_pool_[job.placement.pool] * tenants_ + job.tenant;
  integral_[s] += static_cast<double>(busy_[s]) * (now_s - since_[s]);
  since_[s] = now_s;
  busy_[s] += delta_gpus;
  if (!is_dirty_[s]) is_dirty_[s] = 1, dirty_.push_back(s);
}

void UtilisationRecorder::job_started(const Job& job, double now_s) {
  add(job, job.placement.gpus(), now_s);
}

void UtilisationRecorder::job_stopped(const Job& job, double now_s) {
  add(job, -job.placement.gpus(), now_s);
}

void UtilisationRecorder::flush_rows(double now_s) {
  std::sort(dirty_.begin(), dirty_.end());  // stable row order within an instant
  for (size_t s : dirty_) {
    is_dirty_[s] = 0;
    if (busy_[s] == written_[s]) continue;  // changed and changed back within the instant
    written_[s] = busy_[s];
    if (!csv_) continue;
    const Group& g = groups_[s / tenants_];
    fmt::format_to(std::back_inserter(buffer_), "{},{},{},{},{},{}\n", now_s, g.site,
                   tenant_names_[s % tenants_], g.hardware, busy_[s], g.total_gpus);
    ++rows_;
  }
  dirty_.clear();
  if (csv_ && buffer_.size() > (1 << 20)) {
    std::fwrite(buffer_.data(), 1, buffer_.size(), csv_);
    buffer_.clear();
  }
}

void UtilisationRecorder::instant_done(double now_s) {
  if (!dirty_.empty()) flush_rows(now_s);
}

void UtilisationRecorder::finish(double end_s) {
  for (size_t s = 0; s < busy_.size(); ++s) {
    integral_[s] += static_cast<double>(busy_[s]) * (end_s - since_[s]);
    since_[s] = end_s;
  }
  if (csv_) {
    std::fwrite(buffer_.data(), 1, buffer_.size(), csv_);
    buffer_.clear();
  }
}

double UtilisationRecorder::busy_gpu_seconds() const {
  double total = 0;
  for (double v : integral_) total += v;
  return total;
}

double UtilisationRecorder::tenant_gpu_seconds(int tenant) const {
  double total = 0;
  for (size_t s = tenant; s < integral_.size(); s += tenants_) total += integral_[s];
  return total;
}

}  // namespace sovsim::sim
