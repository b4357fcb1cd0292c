// sim/cli/validate_command.cpp — see validate_command.hpp.
#include "sim/cli/validate_command.hpp"

#include <fmt/format.h>

#include <ostream>

#include "sim/cli/exit_codes.hpp"
#include "sim/cluster/cluster.hpp"
#include "sim/workload/job_table.hpp"

namespace sovsim::cli {

void setup_validate_command(CLI::App& app, ValidateOptions& options) {
  auto* cmd = app.add_subcommand("validate", "Check a scenario without running it");
  add_scenario_options(*cmd, options.input);
}

int run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  auto input = prepare_scenario_input(options.input, err);
  if (!input) return kExitBadInput;
  const sim::PreparedWorkload& prepared = input->prepared;
  const sim::Scenario& s = prepared.scenario;
  const sim::Cluster& cluster = prepared.cluster;
  out << fmt::format("ok: {}: scenario '{}': {} sites, {} nodes, {} GPUs, {} tenants, {} jobs\n",
                     options.input.path, s.name, s.sites.size(), cluster.node_count(),
                     cluster.total_gpus(), s.tenants.size(), prepared.table.jobs.size());
  return kExitOk;
}

}  // namespace sovsim::cli
