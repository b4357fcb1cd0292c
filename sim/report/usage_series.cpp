// sim/report/usage_series.cpp — see usage_series.hpp. The rows are changes: the current value of
// every series and group is kept, and each interval between two row times is added, at the
// values it held, to the buckets and periods it overlaps.
#include "sim/report/usage_series.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "sim/report/output_csv.hpp"

namespace sovsim::sim {
namespace {

class UsageAccumulator {
 public:
  UsageAccumulator(const BucketGrid& grid, const BucketGrid& periods, UsageSeries& out)
      : grid_(grid), periods_(periods), out_(out) {
    out_.installed = BucketedValue(grid.size());
    out_.busy = BucketedValue(grid.size());
  }

  // Adds the interval [from, to) at the current values.
  void hold(double from, double to) {
    grid_.for_each_overlap(from, to, [&](size_t i, double seconds) {
      out_.installed.add(i, seconds, std::max(installed_, 0.0));
      out_.busy.add(i, seconds, std::max(busy_, 0.0));
      for (size_t t = 0; t < tenant_busy_.size(); ++t) {
        out_.busy_by_tenant[t].add(i, seconds, std::max(tenant_busy_[t], 0.0));
      }
      for (size_t s = 0; s < site_busy_.size(); ++s) {
        out_.busy_by_site[s].add(i, seconds, std::max(site_busy_[s], 0.0));
      }
    });
    periods_.for_each_overlap(from, to, [&](size_t p, double seconds) {
      for (size_t s = 0; s < site_busy_.size(); ++s) {
        out_.busy_gpu_s[s][p] += std::max(site_busy_[s], 0.0) * seconds;
        out_.installed_gpu_s[s][p] += std::max(site_installed_[s], 0.0) * seconds;
      }
    });
  }

  // Series (site, tenant, hw) now has `busy` GPUs busy of its group's `total`.
  void set(size_t site, size_t tenant, std::string_view hw, double busy, double total) {
    grow(site + 1, tenant + 1);
    key_.assign(std::to_string(site)).append(1, '/').append(std::to_string(tenant));
    key_.append(1, '/').append(hw);
    auto [series, added] = series_.try_emplace(key_, 0.0);
    const double busy_delta = busy - series->second;
    series->second = busy;
    tenant_busy_[tenant] += busy_delta;
    site_busy_[site] += busy_delta;
    busy_ += busy_delta;
    key_.assign(std::to_string(site)).append(1, '/').append(hw);
    auto [group, new_group] = groups_.try_emplace(key_, 0.0);
    const double total_delta = total - group->second;
    group->second = total;
    site_installed_[site] += total_delta;
    installed_ += total_delta;
  }

  // At least `sites` sites and `tenants` tenants have (zero) series.
  void grow(size_t sites, size_t tenants) {
    while (tenant_busy_.size() < tenants) {
      tenant_busy_.push_back(0);
      out_.busy_by_tenant.emplace_back(grid_.size());
    }
    while (site_busy_.size() < sites) {
      site_busy_.push_back(0);
      site_installed_.push_back(0);
      out_.busy_by_site.emplace_back(grid_.size());
      out_.busy_gpu_s.emplace_back(periods_.size(), 0.0);
      out_.installed_gpu_s.emplace_back(periods_.size(), 0.0);
    }
  }

 private:
  const BucketGrid& grid_;
  const BucketGrid& periods_;
  UsageSeries& out_;
  std::string key_;
  std::unordered_map<std::string, double> series_, groups_;  // busy by series, total by group
  std::vector<double> tenant_busy_, site_busy_, site_installed_;
  double busy_ = 0, installed_ = 0;
};

}  // namespace

Result<UsageSeries> read_usage_series(const std::filesystem::path& file, const BucketGrid& grid,
                                      const BucketGrid& periods, NameIndex& tenants,
                                      NameIndex& sites) {
  enum { kTime, kSite, kTenant, kHw, kBusy, kTotal };
  static constexpr std::array<std::string_view, 6> kColumns = {"time_s", "site",      "tenant",
                                                               "hw",     "busy_gpus", "total_gpus"};
  UsageSeries out;
  UsageAccumulator usage(grid, periods, out);
  usage.grow(sites.size(), tenants.size());  // every known name gets its series
  double now = 0;
  Diagnostics problems = read_output_csv(
      file, kColumns, [&](std::span<const CsvField> f, int line, DiagnosticSink& sink) {
        const auto time = nonnegative_field(f[kTime], "time_s", line, sink);
        const auto busy = nonnegative_field(f[kBusy], "busy_gpus", line, sink);
        const auto total = nonnegative_field(f[kTotal], "total_gpus", line, sink);
        if (!time || !busy || !total) return;
        if (*time < now) {
          sink.error(line, f[kTime].column, "time_s",
                     fmt::format("expected rows in time order, found {} after {}", *time, now));
          return;
        }
        usage.hold(now, *time);
        now = *time;
        usage.set(sites.index_of(f[kSite].text), tenants.index_of(f[kTenant].text), f[kHw].text,
                  *busy, *total);
      });
  if (!problems.empty()) return problems;
  usage.hold(now, grid.end());
  return out;
}

}  // namespace sovsim::sim
