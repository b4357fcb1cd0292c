// sim/output/utilisation_csv.cpp — see utilisation_csv.hpp.
#include "sim/output/utilisation_csv.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "sim/trace/csv.hpp"

namespace sovsim::sim {

UtilisationCsv::UtilisationCsv(std::FILE* out, const std::vector<std::string>& tenant_names,
                               const JobTable& jobs)
    : out_(out), jobs_(jobs) {
  for (const std::string& name : tenant_names) append_csv_field(tenant_names_.emplace_back(), name);
  buffer_ = "time_s,site,tenant,hw,busy_gpus,total_gpus\n";
}

UtilisationCsv::~UtilisationCsv() = default;

void UtilisationCsv::busy_changed(double now_s, const std::vector<size_t>& cells,
                                  const Ledger& ledger) {
  if (written_.empty()) {  // the first call: every cell, and the names quoted once (RFC 4180)
    written_.assign(ledger.cell_count(), -1);
    written_total_.assign(ledger.cell_count(), -1);
    possible_.assign(ledger.cell_count(), 0);
    const size_t tenants = tenant_names_.size();
    std::vector<char> seen(jobs_.eligible_pools.size() * tenants, 0);  // (eligibility, tenant)
    for (const Job& job : jobs_.jobs) {
      char& done = seen[job.eligibility * tenants + job.tenant];
      if (done) continue;
      done = 1;
      for (int pool : jobs_.eligible_pools[job.eligibility]) {
        possible_[static_cast<size_t>(ledger.group_of_pool(pool)) * tenants + job.tenant] = 1;
      }
    }
    for (const Ledger::Group& g : ledger.groups()) {
      append_csv_field(site_names_.emplace_back(), g.site_name);
      // A partitioned group is its own series: "H100:mig-1g.10gb" (docs/gpu-sharing.md).
      append_csv_field(hardware_names_.emplace_back(),
                       g.partition.empty() ? g.hardware : g.hardware + ":" + g.partition);
    }
  }
  for (size_t c : cells) {
    const double busy = ledger.busy_gpus(c);
    const size_t group = ledger.group_of_cell(c);
    const int64_t total = ledger.groups()[group].present_gpus;
    // Unchanged within the instant, or never non-zero.
    if ((busy == written_[c] && total == written_total_[c]) || !possible_[c]) continue;
    written_[c] = busy;
    written_total_[c] = total;
    append_csv_number(buffer_, now_s);
    for (const std::string* name : {&site_names_[group], &tenant_names_[ledger.tenant_of_cell(c)],
                                    &hardware_names_[group]}) {
      buffer_ += ',';
      buffer_ += *name;  // quoted once, when the names were first seen
    }
    buffer_ += ',';
    append_csv_number(buffer_, busy);
    buffer_ += ',';
    append_csv_number(buffer_, static_cast<double>(total));
    buffer_ += '\n';
    ++rows_;
  }
  if (buffer_.size() > (1 << 20)) flush();
}

void UtilisationCsv::flush() {
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  buffer_.clear();
}

}  // namespace sovsim::sim
