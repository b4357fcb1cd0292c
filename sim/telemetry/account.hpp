// sim/telemetry/account.hpp — the additive figures the run's one ledger (ledger.hpp) keeps per
// cell (one site × hardware group × tenant) and per job. GPU-second figures are counted when they
// happen, at the GPUs held then, so a tenant, a site, a hardware type or the fleet is the sum of
// its cells: every total is a sum of its parts by construction. Pure value types.
#pragma once

#include <cstdint>

namespace sovsim::sim {

// Why a job redoes work.
enum class Loss : uint8_t {
  kPreemption,  // preempted: the work since its last checkpoint
  kFailure,     // a node it ran on failed: the work since its last checkpoint, and the restart
};

struct Account {
  double busy_gpu_s = 0;             // GPUs held × time
  double preemption_lost_gpu_s = 0;  // work redone after preemptions
  double failure_lost_gpu_s = 0;     // work redone after failures, and restarting
  double checkpoint_gpu_s = 0;       // held while writing checkpoints
  double stretch_gpu_s = 0;          // communication beyond NIC speed (shared, oversubscribed uplinks)
  double hbm_stretch_gpu_s = 0;      // computing slower on a GPU whose HBM bandwidth is contended
  double owned_gpu_s = 0;            // capacity in service owned by the cell's tenant, busy or not
  // Energy and money (docs/energy.md): the idle draw, capex and opex of capacity fall to its
  // owner; the extra draw of running a job over idling falls to the job's tenant.
  double it_energy_j = 0;
  double facility_energy_j = 0;      // it_energy_j × PUE
  double energy_krw = 0;             // facility energy at the site's electricity price
  double co2_t = 0;                  // facility energy at the grid's carbon intensity
  double capex_krw = 0;              // amortised price of owned capacity
  double opex_krw = 0;               // operating cost of owned capacity
  double cost_krw() const { return energy_krw + capex_krw + opex_krw; }

  // Undisturbed work kept: what was held, less what was lost, checkpointed or stretched.
  double goodput_gpu_s() const {
    return busy_gpu_s - preemption_lost_gpu_s - failure_lost_gpu_s - checkpoint_gpu_s - stretch_gpu_s -
           hbm_stretch_gpu_s;
  }
  // This plus `f` × o, figure by figure (f = 1: the sum; a fraction: sharing a cost).
  Account& add_scaled(const Account& o, double f);
  Account& operator+=(const Account& o) { return add_scaled(o, 1.0); }
};

// Every additive figure of an Account, listed once.
inline constexpr double Account::* kAccountFigures[] = {
    &Account::busy_gpu_s,  &Account::preemption_lost_gpu_s, &Account::failure_lost_gpu_s,
    &Account::checkpoint_gpu_s, &Account::stretch_gpu_s,   &Account::hbm_stretch_gpu_s,
    &Account::owned_gpu_s,
    &Account::it_energy_j, &Account::facility_energy_j,     &Account::energy_krw,
    &Account::co2_t,       &Account::capex_krw,             &Account::opex_krw};

inline Account& Account::add_scaled(const Account& o, double f) {
  for (double Account::* figure : kAccountFigures) this->*figure += f * o.*figure;
  return *this;
}

// One job's figures in seconds of its run time (jobs.csv), and their GPU-seconds in total.
struct JobAccount {
  double preemption_lost_s = 0;
  double failure_lost_s = 0;  // work since the last checkpoint, and restarting
  double checkpoint_s = 0;
  double stretch_s = 0;
  double wasted_gpu_s = 0;    // these, and hbm_stretch_s, at the GPUs held when each happened
  int32_t interruptions = 0;  // failures of a node it ran on
  // Slower on a GPU shared with HBM-bound neighbours. A float, in what would be padding: a
  // fleet-year holds a million jobs' accounts (the GPU-hours are doubles in the cells).
  float hbm_stretch_s = 0;
};

}  // namespace sovsim::sim
