// sim/cli/describe_command.cpp — see describe_command.hpp. The parts come from sim/describe/:
// fleet and tenants, workload, fabric; text is printed from the same JSON that --json writes.
#include "sim/cli/describe_command.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <ostream>
#include <sstream>

#include "models/common/units.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/describe/describe_text.hpp"
#include "sim/describe/fabric_description.hpp"
#include "sim/describe/fleet_description.hpp"
#include "sim/describe/workload_description.hpp"
#include "sim/fabric/topology.hpp"
#include "sim/output/output_file.hpp"

namespace sovsim::cli {

void setup_describe_command(CLI::App& app, DescribeOptions& options) {
  auto* cmd = app.add_subcommand(
      "describe",
      "Say what a scenario contains before running it: sites and GPUs by hardware (and in service "
      "over time), tenants and their entitlements, the workload's expected and drawn jobs and "
      "GPU-hours, and the network per tier");
  add_scenario_options(*cmd, options.input);
  cmd->add_flag("--json", options.json, "Print the description as JSON instead of text");
  cmd->add_option("--dot", options.dot_path, "Also write the topology as a Graphviz DOT file");
  cmd->add_option("--dot-max-nodes", options.dot_max_nodes,
                  "Beyond this many hosts the DOT file shows leaves, not hosts (default 1000)")
      ->check(CLI::PositiveNumber);
}

int run_describe(const DescribeOptions& options, std::ostream& out, std::ostream& err) {
  auto input = prepare_scenario_input(options.input, err);
  if (!input) return kExitBadInput;
  const sim::PreparedWorkload& prepared = input->prepared;
  const sim::Scenario& s = prepared.scenario;
  const sim::Topology topo = sim::build_topology(s.sites, prepared.cluster, input->catalogs.hardware);
  nlohmann::ordered_json scenario = {{"name", s.name},
                                     {"description", s.description},
                                     {"file", s.file},
                                     {"seed", s.seed},
                                     {"horizon_s", s.horizon_s}};
  if (s.start_unix_s) scenario["start_date"] = format_iso_date(*s.start_unix_s);
  nlohmann::ordered_json description = {{"scenario", std::move(scenario)},
                                        {"fleet", sim::describe_fleet(prepared)},
                                        {"tenants", sim::describe_tenants(prepared)}};
  description["workload"] = sim::describe_workload(
      prepared, description["fleet"]["capacity_gpu_hours"].get<double>());
  if (options.json) {
    description["fabric"] = sim::describe_fabric(s, topo);
    out << description.dump(2) << "\n";
  } else {
    sim::print_description(out, description);
    out << fmt::format("\ntopology: {} vertices, {} edges\n", boost::num_vertices(topo.graph()),
                       boost::num_edges(topo.graph()));
    sim::print_fabric(out, s, topo);
  }
  if (options.dot_path.empty()) return kExitOk;

  std::ostringstream dot;
  topo.write_dot(dot, options.dot_max_nodes);
  const std::filesystem::path target(options.dot_path);
  try {
    sim::write_file_atomically(target, dot.str());  // a temporary beside it, then a rename
  } catch (const std::exception& e) {
    err << "sovsim: error: " << e.what() << "\n";
    return kExitFailure;
  }
  (options.json ? err : out) << fmt::format("wrote {}\n", target.string());
  return kExitOk;
}

}  // namespace sovsim::cli
