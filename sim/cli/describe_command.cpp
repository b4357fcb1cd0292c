// sim/cli/describe_command.cpp — see describe_command.hpp. The table is built from
// Topology::sizes(), one block per site and one for the whole fleet.
#include "sim/cli/describe_command.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "sim/cli/exit_codes.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/fabric/topology.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::cli {

namespace {

std::string per_link(const sim::TierSize& t) {
  if (t.links == 0) return "-";
  if (t.link_min_bytes_per_s == t.link_max_bytes_per_s) {
    return sim::format_bits_per_s(t.link_min_bytes_per_s);
  }
  return sim::format_bits_per_s(t.link_min_bytes_per_s) + " to " +
         sim::format_bits_per_s(t.link_max_bytes_per_s);
}

void print_row(std::ostream& out, const char* name, const sim::TierSize& t) {
  const double os = t.oversubscription();
  out << fmt::format("  {:<8} {:>7} {:>7}  {:<24} {:>12}  {}\n", name, t.count, t.links,
                     per_link(t), t.links ? sim::format_bits_per_s(t.aggregate_bytes_per_s) : "-",
                     os <= 0    ? std::string("-")
                     : os < 100 ? fmt::format("{:.3g}:1", os)
                                : fmt::format("{:.0f}:1", os));
}

// What each row's links are, in the order traffic climbs.
constexpr const char* kRowNames[sim::kTierCount] = {"node", "nvlink", "leaf", "pod", "core", "wan"};

void print_block(std::ostream& out, const sim::TierCounts& c, bool with_wan) {
  out << fmt::format("  {:<8} {:>7} {:>7}  {:<24} {:>12}  {}\n", "tier", "count", "links",
                     "per link (uplink)", "aggregate", "oversub");
  for (int tier = 0; tier < sim::kTierCount; ++tier) {
    if (tier == sim::kTierWan && !with_wan) continue;
    print_row(out, kRowNames[tier], c.tiers[tier]);
  }
  print_row(out, "storage", c.storage);
}

}  // namespace

void setup_describe_command(CLI::App& app, DescribeOptions& options) {
  auto* cmd = app.add_subcommand(
      "describe", "Print the network of each site per tier (leaves, pods, oversubscription)");
  add_scenario_options(*cmd, options.input);
  cmd->add_option("--dot", options.dot_path, "Also write the topology as a Graphviz DOT file");
  cmd->add_option("--dot-max-nodes", options.dot_max_nodes,
                  "Beyond this many hosts the DOT file shows leaves, not hosts (default 1000)")
      ->check(CLI::PositiveNumber);
}

int run_describe(const DescribeOptions& options, std::ostream& out, std::ostream& err) {
  auto input = prepare_scenario_input(options.input, err);
  if (!input) return kExitBadInput;
  const sim::Scenario& s = input->prepared.scenario;
  const sim::Cluster& cluster = input->prepared.cluster;
  const auto start = std::chrono::steady_clock::now();
  const sim::Topology topo = sim::build_topology(s.sites, cluster, input->catalogs.hardware);
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  out << fmt::format("scenario '{}': {} sites, {} nodes, {} GPUs\n", s.name, s.sites.size(),
                     cluster.node_count(), cluster.total_gpus());
  out << fmt::format("topology: {} vertices, {} edges, built in {:.1f} ms\n",
                     boost::num_vertices(topo.graph()), boost::num_edges(topo.graph()), build_ms);
  for (size_t i = 0; i < s.sites.size(); ++i) {
    const sim::Fabric& f = s.sites[i].fabric;
    out << fmt::format(
        "\nsite {}: {} nodes/leaf, {} leaves/pod, leaf uplinks {:g}:1, pod uplinks {:g}:1\n",
        s.sites[i].name, f.nodes_per_leaf, f.leaves_per_pod, f.leaf_uplink_oversubscription,
        f.pod_uplink_oversubscription);
    print_block(out, topo.sizes(static_cast<int>(i)), false);
  }
  out << "\nfleet:\n";
  print_block(out, topo.sizes(), true);
  if (options.dot_path.empty()) return kExitOk;

  // Atomic: a temporary beside the target, then rename.
  const std::filesystem::path target(options.dot_path);
  const std::filesystem::path temp = target.string() + ".tmp";
  {
    std::ofstream f(temp, std::ios::binary);
    topo.write_dot(f, options.dot_max_nodes);
    if (!f) {
      err << "sovsim: error: cannot write " << temp.string() << "\n";
      return kExitFailure;
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    err << "sovsim: error: cannot write " << target.string() << ": " << ec.message() << "\n";
    return kExitFailure;
  }
  out << fmt::format("wrote {}\n", target.string());
  return kExitOk;
}

}  // namespace sovsim::cli
