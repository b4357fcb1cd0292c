// models/power.hpp — the electrical draw of one accelerator of a hardware type, busy and idle,
// including its share of the host around it (CPUs, memory, NICs, switches, fans, power supply
// losses), so that GPUs x per-GPU draw is the IT load of the nodes (docs/energy.md).
// Pure: no SimGrid, no I/O.
//
// The model, per accelerator (all W):
//   host_max = (node_max_w - gpus_per_node x tdp_w) / gpus_per_node   if the catalog gives the
//              node's maximum (DGX H100/H200 10.2 kW, DGX B200 14.3 kW, GB200 NVL72 rack / 18
//              trays, NXT RNGD server 3 kW),
//            = host_max_fraction_of_tdp x tdp_w                       otherwise;
//   busy     = busy_fraction_of_tdp x tdp_w + host_share_busy x host_max;
//   idle     = idle_w (the board at rest, from the catalog) + host_share_idle x host_max.
// A node is rated for its maximum but does not draw it: Latif et al. measured an 8-GPU H100 HGX
// node training Llama 2 13B at no more than ~8.4 kW of its 10.2 kW rating (IEEE Access 13, 2025,
// arXiv:2412.08602), and Newkirk et al. found even compute-intensive training at ~76% of the
// 10.2 kW (arXiv:2506.14551). An idle node keeps its CPUs, memory, NICs and fans running, so its
// draw is far above zero.
#pragma once

#include "models/hardware.hpp"

namespace sovsim::models {

struct GpuPower {
  double busy_w = 0;  // running a job: mean draw, not the peak
  double idle_w = 0;  // powered on with nothing to run
};

struct PowerAssumptions {
  // Mean board draw of a busy accelerator as a fraction of its TDP. ASSUMPTION: 0.85; with
  // host_share_busy it puts a busy DGX H100 at 7.75 kW = 76% of its 10.2 kW rating, Newkirk
  // et al.'s figure for compute-intensive training.
  double busy_fraction_of_tdp = 0.85;
  // Fraction of the host's maximum (host_max above) drawn while the node is busy. ASSUMPTION:
  // 0.65, the value that gives the 76% above with busy_fraction_of_tdp = 0.85.
  double host_share_busy = 0.65;
  // Fraction of the host's maximum drawn while the node is idle. ASSUMPTION: 0.3 (CPUs idling,
  // memory refreshed, NICs linked, fans at low speed): an idle DGX H100 at 1.98 kW, 19% of its
  // rating. No public measurement found.
  double host_share_idle = 0.3;
  // Host maximum per accelerator when the catalog has no node_max_w, as a fraction of TDP.
  // ASSUMPTION: 0.8, the ratio of the two 8-GPU systems with published maxima (DGX H100
  // (10,200 - 8 x 700) / 8 / 700 = 0.82, DGX B200 (14,300 - 8 x 1,000) / 8 / 1,000 = 0.79).
  // Rack-scale liquid-cooled trays need less (GB200 NVL72: 0.39), so give such hardware its
  // node_max_w (GB300 has none yet and is overstated by this fallback).
  double host_max_fraction_of_tdp = 0.8;
};

// The host's maximum draw per accelerator (host_max above), W.
double host_max_w_per_gpu(const Hardware& hw, const PowerAssumptions& a = {});

// Busy and idle draw per accelerator including its host share, W. Both > 0 for any entry with
// tdp_w > 0; idle < busy whenever the catalog's idle_w < busy_fraction_of_tdp x tdp_w.
GpuPower gpu_power(const Hardware& hw, const PowerAssumptions& a = {});

}  // namespace sovsim::models
