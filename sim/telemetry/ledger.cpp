// sim/telemetry/ledger.cpp — see ledger.hpp.
#include "sim/telemetry/ledger.hpp"

#include <algorithm>
#include <map>

#include "models/cost.hpp"

namespace sovsim::sim {

Ledger::Ledger(const Cluster& cluster, const EnergyRates& rates, size_t tenants, size_t jobs,
               double power_bucket_s)
    : tenants_(tenants), jobs_(jobs), power_(rates.site_pue, power_bucket_s) {
  // (site, hardware, partitioning) -> group, in pool order
  std::map<std::tuple<int, std::string, std::string>, int> index;
  for (size_t p = 0; p < cluster.pools().size(); ++p) {
    const Pool& pool = cluster.pools()[p];
    auto [it, added] = index.try_emplace({pool.site, pool.hardware, pool.partition},
                                         static_cast<int>(groups_.size()));
    if (added) {
      Group group{pool.site, pool.site_name, pool.hardware, pool.partition, pool.slots_per_gpu};
      group.energy = &rates.pools[p];
      groups_.push_back(std::move(group));
    }
    groups_[it->second].total_gpus += pool.total_gpus();
    group_of_pool_.push_back(it->second);
  }
  const size_t cells = groups_.size() * tenants_;
  cells_.assign(cells, Account{});
  busy_.assign(cells, 0);
  owned_.assign(cells, 0);
  since_.assign(cells, 0);
  group_since_.assign(groups_.size(), 0);
  is_dirty_.assign(cells, 0);
}

void Ledger::set_observer(BusyObserver* observer) {
  observer_ = observer;
  if (!observer_) return;
  std::vector<size_t> all(cells_.size());
  for (size_t c = 0; c < all.size(); ++c) all[c] = c;
  observer_->busy_changed(0, all, *this);
  for (size_t c : dirty_) is_dirty_[c] = 0;  // all reported
  dirty_.clear();
}

size_t Ledger::cell_of(const Job& job) const {
  return cell_of(static_cast<size_t>(group_of_pool_[job.placement.pool]), job.tenant);
}

void Ledger::charge(Account& a, size_t g, double t0_s, double t1_s, int64_t idle_gpus,
                    double running_gpus, int64_t owned_gpus) const {
  const PoolEnergy& e = *groups_[g].energy;
  const double watts = static_cast<double>(idle_gpus) * e.power.idle_w + running_gpus * e.busy_extra_w();
  if (watts > 0 && t1_s > t0_s) {
    const models::EnergyDraw d = models::energy_of(watts, t0_s, t1_s, e.pue, e.price_krw_per_kwh,
                                                   e.carbon_t_per_mwh);
    a.it_energy_j += d.it_j;
    a.facility_energy_j += d.facility_j;
    a.energy_krw += d.cost_krw;
    a.co2_t += d.co2_t;
  }
  const double owned_gpu_s = static_cast<double>(owned_gpus) * (t1_s - t0_s);
  a.capex_krw += owned_gpu_s * e.capex_krw_per_gpu_s;
  a.opex_krw += owned_gpu_s * e.opex_krw_per_gpu_s;
}

void Ledger::close_integrals(size_t cell, double now_s) {
  const double dt = now_s - since_[cell];
  if (dt > 0) {
    Account& a = cells_[cell];
    const size_t g = group_of_cell(cell);
    const double busy = groups_[g].gpus(busy_[cell]);
    a.busy_gpu_s += busy * dt;
    a.owned_gpu_s += static_cast<double>(owned_[cell]) * dt;
    charge(a, g, since_[cell], now_s, owned_[cell], busy, owned_[cell]);
  }
  since_[cell] = now_s;
}

void Ledger::mark_dirty(size_t cell) {
  if (!is_dirty_[cell]) is_dirty_[cell] = 1, dirty_.push_back(cell);
}

void Ledger::set_busy(size_t cell, int64_t delta_units, double now_s) {
  close_integrals(cell, now_s);
  const Group& group = groups_[group_of_cell(cell)];
  power_.add(group.site, group.gpus(delta_units) * group.energy->busy_extra_w(), now_s);
  busy_[cell] += delta_units;
  mark_dirty(cell);
}

void Ledger::capacity_changed(int pool, int owner, int64_t delta_gpus, double now_s) {
  const auto g = static_cast<size_t>(group_of_pool_[pool]);
  close_group(g, now_s);
  groups_[g].present_gpus += delta_gpus;
  power_.add(groups_[g].site, static_cast<double>(delta_gpus) * groups_[g].energy->power.idle_w,
             now_s);
  for (size_t t = 0; t < tenants_; ++t) mark_dirty(cell_of(g, t));  // utilisation.csv's total
  if (owner < 0) {
    groups_[g].unowned_gpus += delta_gpus;
    return;
  }
  const size_t cell = cell_of(g, static_cast<size_t>(owner));
  close_integrals(cell, now_s);
  owned_[cell] += delta_gpus;
}

void Ledger::close_group(size_t g, double now_s) {
  Group& group = groups_[g];
  const double dt = now_s - group_since_[g];
  if (dt > 0) {
    group.capacity_gpu_s += static_cast<double>(group.present_gpus) * dt;
    group.unowned_gpu_s += static_cast<double>(group.unowned_gpus) * dt;
    charge(group.unowned, g, group_since_[g], now_s, group.unowned_gpus, 0, group.unowned_gpus);
  }
  group_since_[g] = now_s;
}

Account Ledger::unowned() const {
  Account sum;
  for (size_t g = 0; g < groups_.size(); ++g) {
    if (group_busy_gpu_s(g) == 0) sum += groups_[g].unowned;  // else shared by its users
  }
  return sum;
}

double Ledger::fleet_unowned_gpu_s() const {
  double sum = 0;
  for (const Group& g : groups_) sum += g.unowned_gpu_s;
  return sum;
}

double Ledger::capacity_gpu_s(int site, const std::string& hardware) const {
  double sum = 0;
  for (const Group& g : groups_) {
    if ((site < 0 || g.site == site) && (hardware.empty() || g.hardware == hardware)) {
      sum += g.capacity_gpu_s;
    }
  }
  return sum;
}

void Ledger::job_started(JobIndex, const Job& job, double now_s) {
  set_busy(cell_of(job), job.placement.gpus(), now_s);
}

void Ledger::job_stopped(JobIndex, const Job& job, double now_s) {
  set_busy(cell_of(job), -job.placement.gpus(), now_s);
}

void Ledger::work_lost(JobIndex index, const Job& job, Loss cause, double work_s, double now_s) {
  JobAccount& a = jobs_[index];
  const double gpus = job.placement.gpu_equivalent();
  // A job cannot lose more than it has held and not already lost or spent (this matters only
  // when a job without checkpoints restarts on hardware with another GPU count).
  const double held_gpu_s = job.service_gpu_s + gpus * (now_s - job.run_start_s);
  const double gpu_s = std::clamp(work_s * gpus, 0.0, std::max(0.0, held_gpu_s - a.wasted_gpu_s));
  a.wasted_gpu_s += gpu_s;
  Account& c = cells_[cell_of(job)];
  if (cause == Loss::kPreemption) {
    a.preemption_lost_s += work_s;
    c.preemption_lost_gpu_s += gpu_s;
  } else {
    a.failure_lost_s += work_s;
    c.failure_lost_gpu_s += gpu_s;
  }
}

void Ledger::checkpoint_written(JobIndex index, const Job& job, double spent_s) {
  const double gpu_s = spent_s * job.placement.gpu_equivalent();
  jobs_[index].checkpoint_s += spent_s;
  jobs_[index].wasted_gpu_s += gpu_s;
  cells_[cell_of(job)].checkpoint_gpu_s += gpu_s;
}

void Ledger::network_stretched(JobIndex index, const Job& job, double stretch_s) {
  const double gpu_s = stretch_s * job.placement.gpu_equivalent();
  jobs_[index].stretch_s += stretch_s;
  jobs_[index].wasted_gpu_s += gpu_s;
  cells_[cell_of(job)].stretch_gpu_s += gpu_s;
}

void Ledger::hbm_stretched(JobIndex index, const Job& job, double stretch_s) {
  const double gpu_s = stretch_s * job.placement.gpu_equivalent();
  jobs_[index].hbm_stretch_s += static_cast<float>(stretch_s);
  jobs_[index].wasted_gpu_s += gpu_s;
  cells_[cell_of(job)].hbm_stretch_gpu_s += gpu_s;
}

void Ledger::job_interrupted(JobIndex index, const Job&) { ++jobs_[index].interruptions; }

void Ledger::instant_done(double now_s) {
  power_.sample();
  if (dirty_.empty()) return;
  std::sort(dirty_.begin(), dirty_.end());  // stable order within an instant
  for (size_t c : dirty_) is_dirty_[c] = 0;
  if (observer_) observer_->busy_changed(now_s, dirty_, *this);
  dirty_.clear();
}

void Ledger::finish(double end_s) {
  for (size_t c = 0; c < cells_.size(); ++c) close_integrals(c, end_s);
  for (size_t g = 0; g < groups_.size(); ++g) close_group(g, end_s);
  power_.finish(end_s);
}

double Ledger::group_busy_gpu_s(size_t g) const {
  double busy = 0;
  for (size_t t = 0; t < tenants_; ++t) busy += cells_[cell_of(g, t)].busy_gpu_s;
  return busy;
}

Account Ledger::tenant(size_t tenant) const {
  Account sum;
  for (size_t g = 0; g < groups_.size(); ++g) {
    const Account& cell = cells_[cell_of(g, tenant)];
    sum += cell;
    // Capacity nobody owns is paid by those who used it, in proportion to their GPU-hours.
    const double busy = group_busy_gpu_s(g);
    if (busy > 0 && cell.busy_gpu_s > 0) sum.add_scaled(groups_[g].unowned, cell.busy_gpu_s / busy);
  }
  return sum;
}

Account Ledger::site(int site) const {
  Account sum;
  for (size_t c = 0; c < cells_.size(); ++c) {
    if (groups_[group_of_cell(c)].site == site) sum += cells_[c];
  }
  for (const Group& g : groups_) {
    if (g.site == site) sum += g.unowned;
  }
  return sum;
}

Account Ledger::hardware(const std::string& hardware) const {
  Account sum;
  for (size_t c = 0; c < cells_.size(); ++c) {
    if (groups_[group_of_cell(c)].hardware == hardware) sum += cells_[c];
  }
  for (const Group& g : groups_) {
    if (g.hardware == hardware) sum += g.unowned;
  }
  return sum;
}

Account Ledger::fleet() const {
  Account sum;
  for (size_t t = 0; t < tenants_; ++t) sum += tenant(t);
  sum += unowned();
  return sum;
}

}  // namespace sovsim::sim
