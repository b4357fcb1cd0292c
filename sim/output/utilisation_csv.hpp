// sim/output/utilisation_csv.hpp — writes utilisation.csv from the ledger: a row each time the
// busy-GPU count of a (site, tenant, hardware) cell or its group's GPUs in service (`total_gpus`,
// which deliveries and retirements change) changes, coalesced per instant so there are no
// zero-length steps, and one row per cell at t = 0 — only cells that can be non-zero: a
// (tenant, group) series is written only if some job of the tenant may be placed on a pool of
// the group (its sites, hardware and GPU share allow it). Streams to the file as the run goes,
// so memory stays flat on fleet-years. Counts nothing itself: the ledger holds the integrals.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "sim/telemetry/ledger.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

class UtilisationCsv final : public BusyObserver {
 public:
  // Writes the header at once; rows follow as the ledger reports changes. Only the cells of
  // `jobs`' tenants on the groups of pools their jobs are eligible for are written.
  UtilisationCsv(std::FILE* out, const std::vector<std::string>& tenant_names, const JobTable& jobs);
  ~UtilisationCsv() override;
  UtilisationCsv(const UtilisationCsv&) = delete;
  UtilisationCsv& operator=(const UtilisationCsv&) = delete;

  void busy_changed(double now_s, const std::vector<size_t>& cells, const Ledger& ledger) override;
  // Writes what is buffered. Call once the run has ended.
  void flush();
  int64_t rows_written() const { return rows_; }

 private:
  std::FILE* out_;
  std::vector<std::string> tenant_names_, site_names_, hardware_names_;  // CSV-quoted
  const JobTable& jobs_;
  std::vector<char> possible_;  // by cell: a job of the tenant may run on the group
  std::vector<double> written_;  // by cell: the value of its last row (-1: none yet)
  std::vector<int64_t> written_total_;  // by cell: the group's GPUs in service last written
  std::string buffer_;
  int64_t rows_ = 0;
};

}  // namespace sovsim::sim
