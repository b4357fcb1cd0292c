// sim/report/job_series.cpp — see job_series.hpp. Queue changes are sorted by time and the
// queue is sampled after all changes at the same instant, as summary.json's queue.max_jobs is.
#include "sim/report/job_series.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "sim/report/output_csv.hpp"

namespace sovsim::sim {
namespace {

struct QueueChange {
  double time_s;
  uint32_t tenant;
  int32_t delta;  // +1 submitted, -1 started
};

void bucket_queue(std::vector<QueueChange>& changes, const BucketGrid& grid, JobSeries& out) {
  std::sort(changes.begin(), changes.end(),
            [](const QueueChange& a, const QueueChange& b) { return a.time_s < b.time_s; });
  std::vector<double> by_tenant(out.queued_by_tenant.size(), 0.0);
  double total = 0;
  for (size_t k = 0; k < changes.size();) {
    const double now = changes[k].time_s;
    for (; k < changes.size() && changes[k].time_s == now; ++k) {
      by_tenant[changes[k].tenant] += changes[k].delta;
      total += changes[k].delta;
    }
    const double next = k < changes.size() ? changes[k].time_s : grid.end();
    grid.for_each_overlap(now, next, [&](size_t i, double seconds) {
      out.queued.add(i, seconds, total);
      for (size_t t = 0; t < by_tenant.size(); ++t) {
        out.queued_by_tenant[t].add(i, seconds, by_tenant[t]);
      }
    });
  }
}

}  // namespace

Result<JobSeries> read_job_series(const std::filesystem::path& file, const BucketGrid& grid,
                                  NameIndex& tenants) {
  enum { kTenant, kSubmit, kStart, kWait, kStatus };
  static constexpr std::array<std::string_view, 5> kColumns = {"tenant", "submit_s", "start_s",
                                                               "wait_s", "status"};
  JobSeries out;
  std::vector<QueueChange> changes;
  Diagnostics problems = read_output_csv(
      file, kColumns, [&](std::span<const CsvField> f, int line, DiagnosticSink& sink) {
        ++out.jobs;
        const auto tenant = static_cast<uint32_t>(tenants.index_of(f[kTenant].text));
        if (out.waits_by_tenant.size() <= tenant) out.waits_by_tenant.resize(tenant + 1);
        const auto submit = nonnegative_field(f[kSubmit], "submit_s", line, sink);
        if (!submit || f[kStatus].text == "rejected") return;
        changes.push_back({*submit, tenant, +1});
        if (f[kStart].text.empty()) return;  // still queued at the end
        const auto start = nonnegative_field(f[kStart], "start_s", line, sink);
        const auto wait = nonnegative_field(f[kWait], "wait_s", line, sink);
        if (!start || !wait) return;
        changes.push_back({*start, tenant, -1});
        out.waits.push_back(*wait);
        out.waits_by_tenant[tenant].push_back(*wait);
      });
  if (!problems.empty()) return problems;
  out.waits_by_tenant.resize(tenants.size());
  out.queued = BucketedValue(grid.size());
  out.queued_by_tenant.assign(tenants.size(), BucketedValue(grid.size()));
  bucket_queue(changes, grid, out);
  std::sort(out.waits.begin(), out.waits.end());
  for (auto& w : out.waits_by_tenant) std::sort(w.begin(), w.end());
  return out;
}

}  // namespace sovsim::sim
