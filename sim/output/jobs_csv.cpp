// sim/output/jobs_csv.cpp — see jobs_csv.hpp.
#include "sim/output/jobs_csv.hpp"

#include <fmt/format.h>

#include "sim/trace/csv.hpp"

namespace sovsim::sim {

void write_jobs_csv(std::FILE* out, const Scenario& scenario, const Cluster& cluster,
                    const JobTable& table, double end_s) {
  std::string buffer =
      "job_id,tenant,kind,gpus,alloc_gpus,submit_s,start_s,end_s,wait_s,runtime_s,status,site,hw,"
      "gpu_hours,preemptions,lost_s,domains,interruptions,failure_lost_s,checkpoint_s,goodput_gpu_hours,network_stretch_s\n";
  auto flush = [&] {
    std::fwrite(buffer.data(), 1, buffer.size(), out);
    buffer.clear();
  };
  for (const Job& j : table.jobs) {
    if (j.state == JobState::kPending) continue;
    auto row = std::back_inserter(buffer);
    fmt::format_to(row, "{},", j.id);
    append_csv_field(buffer, scenario.tenants[j.tenant].name);
    buffer += ',';
    append_csv_field(buffer, table.kinds[j.kind]);
    fmt::format_to(row, ",{},", j.gpus);
    if (j.start_s < 0) {
      fmt::format_to(row, ",{},,,,,{},,,,0,0,,0,0,0,0,0\n", j.submit_s, to_string(j.state));
    } else {
      const Pool& pool = cluster.pools()[j.placement.pool];
      const int64_t alloc = j.placement.gpus();
      // A job still holding GPUs at the end counts its current segment up to end_s.
      const bool holding = j.state == JobState::kRunning;
      const double runtime = j.held_s + (holding ? end_s - j.run_start_s : 0);
      const double gpu_s = j.service_gpu_s + (holding ? alloc * (end_s - j.run_start_s) : 0);
      fmt::format_to(row, "{},{},{},", alloc, j.submit_s, j.start_s);
      if (j.end_s >= 0) fmt::format_to(row, "{}", j.end_s);
      // Goodput: undisturbed work kept (all of it once completed), against gpu_hours held.
      const double goodput_gpu_h = (j.duration_s - j.remaining_s) * alloc / 3600.0;
      fmt::format_to(row, ",{},{},{},", j.start_s - j.submit_s, runtime, to_string(j.state));
      append_csv_field(buffer, pool.site_name);
      buffer += ',';
      append_csv_field(buffer, pool.hardware);
      fmt::format_to(row, ",{},{},{},{},{},{},{},{},{}\n", gpu_s / 3600.0, j.preemptions,
                     j.lost_s, cluster.domains_spanned(j.placement), j.interruptions,
                     j.failure_lost_s, j.checkpoint_s, goodput_gpu_h, j.network_stretch_s);
    }
    if (buffer.size() > (1 << 20)) flush();
  }
  flush();
}

}  // namespace sovsim::sim
