// sim/telemetry/ledger.hpp — the run's one ledger: it receives the controller's typed events
// (telemetry_sink.hpp) and accumulates them per job and per cell — one (site × hardware) group
// × tenant — in GPU-seconds at the GPUs held when each happened. Tenants, sites, hardware types
// and the fleet are sums of cells, so every total equals the sum of its parts. Busy GPUs per cell
// are exact step functions; a BusyObserver (the utilisation.csv writer) sees every change at the
// end of each instant. Counts per job (preemptions, waits) stay in the job table.
#pragma once

#include <string>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/fleet/energy_rates.hpp"
#include "sim/telemetry/account.hpp"
#include "sim/telemetry/power_meter.hpp"
#include "sim/telemetry/telemetry_sink.hpp"

namespace sovsim::sim {

class Ledger;

// Sees the cells whose busy-GPU count changed during an instant (sorted, each once).
class BusyObserver {
 public:
  virtual ~BusyObserver() = default;
  virtual void busy_changed(double now_s, const std::vector<size_t>& cells, const Ledger& ledger) = 0;
};

class Ledger final : public TelemetrySink {
 public:
  // One (site, hardware, partitioning) group of the fleet, in pool order. Busy counts are in
  // the cluster's units (GPUs, or slots of a partitioned group: `slots_per_gpu` to a GPU);
  // every figure the ledger reports is in GPUs.
  struct Group {
    int site = 0;
    std::string site_name, hardware;
    std::string partition;      // "" whole GPUs, "mig-1g.18gb", "shared-4" (docs/gpu-sharing.md)
    int slots_per_gpu = 1;
    // `units` of the cluster in GPUs (no division for whole-GPU groups: the common case).
    double gpus(int64_t units) const {
      return slots_per_gpu == 1 ? static_cast<double>(units)
                                : static_cast<double>(units) / slots_per_gpu;
    }
    int64_t total_gpus = 0;     // every GPU the group will ever have
    int64_t present_gpus = 0;   // in service now (capacity_changed)
    double capacity_gpu_s = 0;  // ∫ present_gpus dt (after finish())
    int64_t unowned_gpus = 0;   // of present_gpus, owned by no tenant
    double unowned_gpu_s = 0;   // ∫ unowned_gpus dt (after finish())
    Account unowned;            // energy and cost of that capacity
    const PoolEnergy* energy = nullptr;  // its rates (the first pool's: same site and hardware)
  };

  // `rates` (energy_rates.hpp) must outlive the ledger. `power_bucket_s`: the width of the power
  // meter's series (power_series.hpp).
  Ledger(const Cluster& cluster, const EnergyRates& rates, size_t tenants, size_t jobs,
         double power_bucket_s = 3600);
  // `observer` (may be null) is told the initial state (every cell, at 0) and every change.
  void set_observer(BusyObserver* observer);

  void job_started(JobIndex index, const Job& job, double now_s) override;
  void job_stopped(JobIndex index, const Job& job, double now_s) override;
  void work_lost(JobIndex index, const Job& job, Loss cause, double work_s, double now_s) override;
  void checkpoint_written(JobIndex index, const Job& job, double spent_s) override;
  void network_stretched(JobIndex index, const Job& job, double stretch_s) override;
  void hbm_stretched(JobIndex index, const Job& job, double stretch_s) override;
  void job_interrupted(JobIndex index, const Job& job) override;
  void capacity_changed(int pool, int owner, int64_t delta_gpus, double now_s) override;
  void instant_done(double now_s) override;
  // Closes every busy integral at the end of the run. Call once.
  void finish(double end_s);

  const std::vector<Group>& groups() const { return groups_; }
  size_t tenant_count() const { return tenants_; }
  size_t cell_count() const { return cells_.size(); }
  size_t cell_of(size_t group, size_t tenant) const { return group * tenants_ + tenant; }
  size_t group_of_cell(size_t cell) const { return cell / tenants_; }
  size_t tenant_of_cell(size_t cell) const { return cell % tenants_; }
  int group_of_pool(int pool) const { return group_of_pool_[pool]; }
  const Account& cell(size_t cell) const { return cells_[cell]; }
  double busy_gpus(size_t cell) const { return groups_[group_of_cell(cell)].gpus(busy_[cell]); }

  // Sums of cells (after finish()). fleet() is the sum of tenant(t) over tenants, in order.
  Account site(int site) const;
  Account hardware(const std::string& hardware) const;
  // A tenant's cells, plus a share of the energy and cost of the capacity nobody owns in each
  // group, in proportion to its busy GPU-seconds there (who used the shared pool pays for it).
  Account tenant(size_t tenant) const;
  Account fleet() const;  // the tenants' sum, plus unowned()
  // The energy and cost of unowned capacity in groups nobody ran on (nobody to charge).
  Account unowned() const;
  const PowerMeter& power() const { return power_; }
  // GPU-seconds in service (the denominators of utilisation), sums of groups.
  double capacity_gpu_s(int site, const std::string& hardware) const;  // "" / -1: any
  double fleet_capacity_gpu_s() const { return capacity_gpu_s(-1, ""); }
  double fleet_unowned_gpu_s() const;

  const JobAccount& job(JobIndex index) const { return jobs_[index]; }

 private:
  size_t cell_of(const Job& job) const;
  void set_busy(size_t cell, int64_t delta_units, double now_s);
  void close_integrals(size_t cell, double now_s);
  // Adds what `idle_gpus` idle, `running_gpus` running (their extra draw) and `owned_gpus` owned
  // cost over [t0_s, t1_s] in group `g` to `account`.
  void charge(Account& account, size_t g, double t0_s, double t1_s, int64_t idle_gpus,
              double running_gpus, int64_t owned_gpus) const;
  void close_group(size_t group, double now_s);
  double group_busy_gpu_s(size_t group) const;
  void mark_dirty(size_t cell);

  std::vector<Group> groups_;
  std::vector<int> group_of_pool_;
  size_t tenants_;
  std::vector<Account> cells_;
  std::vector<int64_t> busy_;   // by cell, in units
  std::vector<double> since_;  // by cell: when busy_ or owned_ last changed
  std::vector<int64_t> owned_;  // by cell: GPUs in service its tenant owns
  std::vector<double> group_since_;  // by group: when present_gpus last changed
  std::vector<size_t> dirty_;
  std::vector<char> is_dirty_;
  std::vector<JobAccount> jobs_;
  BusyObserver* observer_ = nullptr;
  PowerMeter power_;
};

}  // namespace sovsim::sim
