// sim/run/run_invariants.hpp — what must hold at the end of every run, checked on every run
// before anything is written (release builds too: one pass over jobs, nodes and cells, well
// under 1% of a run). A broken invariant is a bug in sovsim, not in the scenario: the run ends
// with exit 1 ("internal error") and writes nothing. docs/reliability.md lists them.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/cluster/cluster.hpp"
#include "sim/telemetry/ledger.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::sim {

// What is wrong, one line per broken invariant (at most a few per kind); empty if all hold:
//  - every job is in exactly one state, and its times agree with it (a completed job started
//    after it arrived and ended by the end of the run; a rejected one never started);
//  - every GPU is free, held by exactly one running job, or its whole node held by the engine
//    (`held_by_engine`: failed, a hot spare): per node, free + held = its GPUs (nothing
//    double-booked, nothing lost, no count negative);
//  - the busy GPU-seconds of the ledger equal the GPU-seconds jobs held (utilisation.csv's
//    integral), and no job wasted more than it held;
//  - the fleet equals the sum of its sites and the sum of its hardware types, figure by figure,
//    and owned + unowned capacity equals capacity in service, per group;
//  - energy balance: the IT energy charged at each site equals its IT power integrated over time,
//    and the sum of its power series' buckets (power.csv).
std::vector<std::string> run_invariant_problems(const JobTable& table, const Cluster& cluster,
                                                const std::vector<uint8_t>& held_by_engine,
                                                const Ledger& ledger, double end_s);

struct InvariantBroken : std::logic_error {
  using std::logic_error::logic_error;
};

// Throws InvariantBroken listing run_invariant_problems, if there are any.
void check_run_invariants(const JobTable& table, const Cluster& cluster,
                          const std::vector<uint8_t>& held_by_engine, const Ledger& ledger,
                          double end_s);

}  // namespace sovsim::sim
