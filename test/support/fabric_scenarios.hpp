// test/support/fabric_scenarios.hpp — small fabric scenarios with hand-computable job times,
// shared by the fluid-engine tests and the detailed-mode cross-check.
//
// Numbers: B200 nodes of 8 GPUs with 8 x 400 Gb/s NICs = 400 GB/s per node; two nodes per leaf,
// so a 4:1 leaf uplink carries 2 x 400 / 4 = 200 GB/s. A job of duration D = 1000 s with
// network_fraction f = 0.5 computes for 500 s, then each of its nodes would send
// f x D x 400 GB/s = 2e14 bytes; a leaf holding m of its N nodes sends m (N - m) / (N - 1) of a
// node's bytes up (docs/fabric.md). Flow latencies (2 us) are far below the tolerances.
#pragma once

#include <map>
#include <string>

#include "test/support/sovsim_process.hpp"

namespace sovsim::test {

inline std::string fabric_scenario(int nodes, int leaves_per_pod, double oversubscription,
                            const std::string& jobs) {
  return "name: fabric\nhorizon: 1d\nsites:\n  - name: s\n    fabric: {nodes_per_leaf: 2, "
         "leaves_per_pod: " +
         std::to_string(leaves_per_pod) +
         ", leaf_uplink_oversubscription: " + std::to_string(oversubscription) +
         "}\n    nodes:\n      - {hardware: B200, count: " + std::to_string(nodes) +
         "}\ntenants:\n  - name: t\nworkload:\n  jobs:\n" + jobs;
}

inline double end_of(std::map<std::string, CsvRow>& jobs, const std::string& id) {
  return std::stod(jobs[id]["end_s"]);
}

// Nodes 0..3, leaves {0,1} and {2,3}. Short fillers on nodes 0 and 2 end at t=5, long-ish ones on
// 1 and 3 at t=6, so job A (2 nodes) starts at 5 on {0,2} and job B at 6 on {1,3}: each has one
// node per leaf (coefficient 1), both cross both leaf uplinks.
inline const std::string kInterleaved =
    "    - {id: 1, tenant: t, submit: 0, gpus: 8, duration: 5}\n"
    "    - {id: 2, tenant: t, submit: 0, gpus: 8, duration: 6}\n"
    "    - {id: 3, tenant: t, submit: 0, gpus: 8, duration: 5}\n"
    "    - {id: 4, tenant: t, submit: 0, gpus: 8, duration: 6}\n"
    "    - {id: 10, tenant: t, submit: 1, gpus: 16, duration: 1000, network_fraction: 0.5}\n";
inline const std::string kSecondJob =
    "    - {id: 11, tenant: t, submit: 1, gpus: 16, duration: 1000, network_fraction: 0.5}\n";

// 12 nodes, 6 leaves, 2 leaves per pod. C (4 nodes) fills pod 0 and crosses its two leaf uplinks;
// a filler holds leaf 2; D (4 nodes) lands on leaves 3 and 4, crossing pods 1 and 2.
inline const std::string kPodJobs =
    "    - {id: 20, tenant: t, submit: 0, gpus: 32, duration: 1000, network_fraction: 0.5}\n"
    "    - {id: 21, tenant: t, submit: 0, gpus: 16, duration: 5000}\n";
inline const std::string kCrossPodJob =
    "    - {id: 22, tenant: t, submit: 0, gpus: 32, duration: 1000, network_fraction: 0.9}\n";

}  // namespace sovsim::test
