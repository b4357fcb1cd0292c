// sim/telemetry/utilisation_recorder.hpp — busy GPUs per (site, hardware, tenant) as exact step
// functions: a row of utilisation.csv each time a series changes (coalesced per instant, so no
// zero-length steps), and the time integral of each series (GPU-seconds) for the summary.
// Streams rows to a file as the run goes, so memory stays flat on fleet-years.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/telemetry/telemetry_sink.hpp"

namespace sovsim::sim {

class UtilisationRecorder final : public TelemetrySink {
 public:
  // `csv` may be null (no utilisation.csv); rows are written to it, header first.
  UtilisationRecorder(const Cluster& cluster, const std::vector<Tenant>& tenants, std::FILE* csv);

  void job_started(const Job& job, double now_s) override;
  void job_stopped(const Job& job, double now_s) override;
  void instant_done(double now_s) override;
  // Closes every integral at the end of the run. Call once.
  void finish(double end_s);

  double busy_gpu_seconds() const;
  double tenant_gpu_seconds(int tenant) const;
  int64_t rows_written() const { return rows_; }

 private:
  void add(const Job& job, int64_t delta_gpus, double now_s);
  void flush_rows(double now_s);

  struct Group {  // one (site, hardware) of the fleet
    std::string site, hardware;  // as CSV fields (quoted if needed)
    int64_t total_gpus = 0;
  };
  std::vector<Group> groups_;
  std::vector<int> group_of_pool_;
  size_t tenants_;
  std::vector<std::string> tenant_names_;  // as CSV fields (quoted if needed)
  // Per series (group * tenants + tenant):
  std::vector<int64_t> busy_, written_;
  std::vector<double> integral_, since_;
  std::vector<size_t> dirty_;
  std::vector<char> is_dirty_;
  std::FILE* csv_;
  std::string buffer_;
  int64_t rows_ = 0;
};

}  // namespace sovsim::sim
