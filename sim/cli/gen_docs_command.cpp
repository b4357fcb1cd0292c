// sim/cli/gen_docs_command.cpp — see gen_docs_command.hpp.
#include "sim/cli/gen_docs_command.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <ostream>
#include <sstream>

#include "sim/cli/exit_codes.hpp"
#include "sim/output/account_fields.hpp"
#include "sim/output/doc_table.hpp"
#include "sim/output/job_columns.hpp"
#include "sim/scenario/scenario_schema.hpp"
#include "sim/sweep/sweep_schema.hpp"

namespace sovsim::cli {
namespace {

struct Generated {
  const char* file;  // under the docs directory
  const char* tag;   // <!-- BEGIN generated: tag --> ... <!-- END generated: tag -->
  std::function<std::string()> render;
};

std::string fleet_paths() {
  std::string out = "| per tenant, site and hardware | fleet total in summary.json |\n|---|---|\n";
  for (const sim::AccountField& f : sim::account_fields()) {
    std::string path(f.fleet_key.substr(1));
    for (char& c : path) c = c == '/' ? '.' : c;
    out += fmt::format("| `{}` | `{}` |\n", f.name, path);
  }
  return out;
}

const std::vector<Generated>& generated() {
  static const std::vector<Generated> kGenerated = {
      {"outputs.md", "jobs.csv columns",
       [] { return sim::markdown_table(sim::job_column_docs(), "column"); }},
      {"outputs.md", "ledger fields",
       [] { return sim::markdown_table(sim::account_field_docs(), "key"); }},
      {"outputs.md", "ledger fleet paths", fleet_paths},
  };
  static const std::vector<Generated> kScenario = [] {
    namespace ss = sim::scenario_schema;
    std::vector<Generated> out = kGenerated;
    const std::pair<const char*, const schema::Section*> sections[] = {
        {"top level", &ss::kTop},       {"sites", &ss::kSite},         {"node group", &ss::kNodeGroup},
        {"fabric", &ss::kFabric},       {"tenants", &ss::kTenant},     {"workload", &ss::kWorkload},
        {"jobs", &ss::kJob},            {"generators", &ss::kGenerator}, {"train", &ss::kTrain},
        {"serve", &ss::kServe},         {"serve.autoscale", &ss::kAutoscale}, {"trace", &ss::kTrace},        {"scheduler", &ss::kScheduler},
        {"engine", &ss::kEngine},       {"output", &ss::kOutput},      {"deliveries", &ss::kDelivery},
        {"events", &ss::kEvent},        {"economics", &ss::kEconomics}};
    for (const auto& entry : sections) {
      const schema::Section* section = entry.second;  // clang 14 cannot capture a binding
      out.push_back(
          {"scenario.md", entry.first, [section] { return ss::markdown_table(*section); }});
    }
    out.push_back({"failures.md", "failures", [] { return ss::markdown_table(ss::kFailures); }});
    out.push_back({"sweeps.md", "sweep file",
                   [] { return ss::markdown_table(sim::sweep_schema::kSweep); }});
    out.push_back({"sweeps.md", "sweep range",
                   [] { return ss::markdown_table(sim::sweep_schema::kRange); }});
    return out;
  }();
  return kScenario;
}

}  // namespace

void setup_gen_docs_command(CLI::App& app, GenDocsOptions& options) {
  auto* cmd = app.add_subcommand("gen-docs", "Regenerate the generated tables in docs/");
  cmd->group("");  // a maintainer's tool: not in --help
  cmd->add_option("docs_dir", options.docs_dir, "The docs directory")->check(CLI::ExistingDirectory);
  cmd->add_flag("--check", options.check, "Change nothing; exit 1 if a table is out of date");
}

int run_gen_docs(const GenDocsOptions& options, std::ostream& out, std::ostream& err) {
  int stale = 0;
  std::map<std::string, std::string> documents;  // file -> text, in file order
  for (const Generated& g : generated()) {
    const std::filesystem::path path = std::filesystem::path(options.docs_dir) / g.file;
    auto [it, added] = documents.try_emplace(path.string());
    if (added) {
      std::ifstream in(path);
      std::stringstream text;
      text << in.rdbuf();
      it->second = text.str();
    }
    std::string updated = it->second;
    if (!sim::replace_generated(updated, g.tag, g.render())) {
      err << fmt::format("sovsim: error: {}: no <!-- BEGIN generated: {} --> section\n", path.string(), g.tag);
      return kExitFailure;
    }
    if (updated != it->second) {
      ++stale;
      out << fmt::format("{}: {}: {}\n", path.string(), g.tag, options.check ? "out of date" : "updated");
      it->second = updated;
    }
  }
  if (options.check) return stale ? kExitFailure : kExitOk;
  for (const auto& [path, text] : documents) {
    std::ofstream(path) << text;
  }
  return kExitOk;
}

}  // namespace sovsim::cli
