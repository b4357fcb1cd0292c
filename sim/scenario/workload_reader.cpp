// sim/scenario/workload_reader.cpp — the `workload:` section of the scenario schema: an explicit
// job list, Poisson generators per tenant, and an imported trace. Only validates and records;
// jobs are materialised by sim/workload/workload_builder.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>
#include <span>

#include "models/transformer.hpp"
#include "sim/scenario/limits.hpp"
#include "sim/scenario/profile_reader.hpp"
#include "sim/scenario/section_readers.hpp"
#include "sim/trace/tenant_mapper.hpp"
#include "sim/trace/trace_importer.hpp"

namespace sovsim::sim {
namespace {

// checkpoint_interval (a duration, or `young` / `daly`), checkpoint_gb, network_fraction: the
// keys explicit jobs and generators share.
RunOptions read_run_options(MapReader& m, bool model_defined) {
  RunOptions r;
  const YAML::Node interval = m.has("checkpoint_interval") ? m.node()["checkpoint_interval"] : YAML::Node();
  if (interval.IsScalar() && (interval.Scalar() == "young" || interval.Scalar() == "daly")) {
    r.checkpoint_rule = interval.Scalar() == "young" ? CheckpointRule::kYoung : CheckpointRule::kDaly;
    m.raw("checkpoint_interval");  // consumed
  } else if (model_defined && !m.has("checkpoint_interval")) {
    // A training run checkpoints by default, at Daly's optimum for its write time and MTBF
    // (none without failures); `checkpoint_interval: 0` turns it off.
    r.checkpoint_rule = CheckpointRule::kDaly;
  } else {
    r.checkpoint_interval_s = m.duration_s("checkpoint_interval");
    if (r.checkpoint_interval_s > 0 && r.checkpoint_interval_s < kMinCheckpointInterval_s) {
      m.context().error(m.node()["checkpoint_interval"], m.key_path("checkpoint_interval"),
                        fmt::format("expected 0 (no checkpoints), young, daly or a duration of at "
                                    "least {} s, found {}",
                                    kMinCheckpointInterval_s,
                                    m.node()["checkpoint_interval"].Scalar()));
    }
  }
  r.checkpoint_bytes = m.number("checkpoint_gb") * 1e9;
  r.network_fraction = m.number("network_fraction");
  r.hbm_demand = m.number("hbm_demand");
  if (r.checkpoint_rule != CheckpointRule::kFixed && r.checkpoint_bytes <= 0 && !model_defined) {
    m.context().error(m.node()["checkpoint_interval"], m.key_path("checkpoint_interval"),
                      "expected checkpoint_gb > 0 beside young/daly (the optimum needs the write "
                      "cost), or a model-defined job (train:)");
  }
  if (model_defined && m.has("network_fraction")) {
    m.context().error(m.node()["network_fraction"], m.key_path("network_fraction"),
                      "a model-defined job's network traffic comes from its training model; "
                      "remove network_fraction");
  }
  return r;
}

// Optional site/hardware constraints shared by jobs and generators.
void read_constraints(MapReader& m, const KnownNames& names, std::string& site,
                      std::string& hardware) {
  site = m.string("site");
  if (!site.empty()) {
    check_reference(m.context(), m.raw("site"), m.key_path("site"), site, names.sites, "site");
  }
  hardware = m.string("hardware");
  if (!hardware.empty()) {
    check_reference(m.context(), m.raw("hardware"), m.key_path("hardware"), hardware,
                    names.hardware, "hardware type");
  }
}

// The `model` of a train: or serve: block: a name from the transformer catalog.
std::string read_model(MapReader& m, const KnownNames& names) {
  std::string model = m.string("model");
  if (!model.empty()) {
    check_reference(m.context(), m.raw("model"), m.key_path("model"), model, names.models, "model");
  }
  return model;
}

// A `train:` block: what the job computes; its run time then comes from the models.
TrainingWork read_training(MapReader& job, const KnownNames& names) {
  MapReader m = job.map("train");
  TrainingWork w;
  w.model = read_model(m, names);
  if (m.has("tokens") == m.has("iterations")) {
    m.context().error(m.node(), m.path(), "expected exactly one of tokens or iterations");
  }
  w.tokens = m.number("tokens");
  w.iterations = m.integer("iterations");
  w.global_batch = static_cast<int>(m.integer("global_batch"));
  w.seq_len = static_cast<int>(m.integer("seq"));
  w.precision = m.choice("precision");
  w.tp = static_cast<int>(m.integer("tp"));
  w.pp = static_cast<int>(m.integer("pp"));
  if ((w.tp == 0) != (w.pp == 0)) {
    m.context().error(m.node(), m.path(), "expected both tp and pp, or neither (chosen per hardware)");
  }
  w.cp = static_cast<int>(m.integer("cp"));
  w.ep = static_cast<int>(m.integer("ep"));
  w.zero_stage = static_cast<int>(m.integer("zero"));
  w.recompute = m.choice("recompute");
  w.dp_overlap = m.number("dp_overlap");
  m.finish();
  return w;
}

// A `serve:` block: what the service serves; its GPU count then comes from the models.
ServingWork read_serving(MapReader& job, const KnownNames& names) {
  MapReader m = job.map("serve");
  ServingWork w;
  w.model = read_model(m, names);
  w.requests_per_s = m.number("requests_per_s");
  w.ttft_slo_s = m.duration_s("ttft_slo");
  w.tpot_slo_s = m.duration_s("tpot_slo");
  w.input_tokens = static_cast<int>(m.integer("input_tokens"));
  w.output_tokens = static_cast<int>(m.integer("output_tokens"));
  w.precision = m.choice("precision");
  w.tp = static_cast<int>(m.integer("tp"));
  if (auto profile = read_time_profile(m, "rate_profile")) w.rate_profile = *profile;
  if (m.has("autoscale")) {
    MapReader a = m.map("autoscale");
    w.autoscale.enabled = true;
    w.autoscale.min_replicas = static_cast<int>(a.integer("min_replicas"));
    w.autoscale.max_replicas = static_cast<int>(a.integer("max_replicas"));
    w.autoscale.interval_s = a.duration_s("interval");
    w.autoscale.scale_up_delay_s = a.duration_s("scale_up_delay");
    if (w.autoscale.max_replicas > 0 && w.autoscale.max_replicas < w.autoscale.min_replicas) {
      a.context().error(a.raw("max_replicas"), a.key_path("max_replicas"),
                        "must be at least min_replicas (or 0: no cap)");
    }
    a.finish();
  }
  m.finish();
  return w;
}

int32_t read_optional_serving(MapReader& m, const KnownNames& names, Workload& workload) {
  if (!m.has("serve")) return -1;
  if (m.has("train")) {
    m.context().error(m.raw("serve"), m.key_path("serve"), "expected train or serve, not both");
  }
  workload.servings.push_back(read_serving(m, names));
  return static_cast<int32_t>(workload.servings.size() - 1);
}

// Reads the optional `train:` block into `workload`; returns its index, -1 if absent.
int32_t read_optional_training(MapReader& m, const KnownNames& names, Workload& workload) {
  if (!m.has("train")) return -1;
  workload.trainings.push_back(read_training(m, names));
  return static_cast<int32_t>(workload.trainings.size() - 1);
}

std::string read_tenant(MapReader& m, const KnownNames& names) {
  const std::string tenant = m.string("tenant");
  if (!tenant.empty()) {
    check_reference(m.context(), m.raw("tenant"), m.key_path("tenant"), tenant, names.tenants,
                    "tenant");
  }
  return tenant;
}

std::vector<JobSpec> read_jobs(MapReader& w, const KnownNames& names, Workload& workload) {
  std::vector<JobSpec> jobs;
  std::set<int64_t> ids;
  for (auto& [node, path] : w.list("jobs")) {
    MapReader m(node, path, w.context(), w.section_of("jobs"));
    JobSpec j;
    j.id = m.integer_or("id", static_cast<int64_t>(jobs.size()) + 1);
    if (!ids.insert(j.id).second) {
      m.context().error(m.has("id") ? m.raw("id") : node, m.key_path("id"),
                        fmt::format("duplicate job id {}", j.id));
    }
    j.tenant = read_tenant(m, names);
    j.serving = read_optional_serving(m, names, workload);
    j.kind = m.string_or("kind", j.serving >= 0 ? "infer" : j.kind);
    j.submit_s = m.time_s("submit");
    if (j.serving < 0) m.required("gpus");
    if (j.serving >= 0) {
      j.gpus = static_cast<int>(m.integer("gpus", 0, 0, 0));  // sized by the models
    } else {
      // Whole GPUs, or a share of one (docs/gpu-sharing.md).
      const double gpus = m.number("gpus");
      if (gpus < 1) {
        j.gpus = 1;
        j.gpu_share = gpus;
      } else if (gpus != std::floor(gpus)) {
        m.context().error(m.raw("gpus"), m.key_path("gpus"),
                          fmt::format("expected a whole number of GPUs, or a fraction below 1, "
                                      "found {}", gpus));
      } else {
        j.gpus = static_cast<int>(gpus);
      }
    }
    j.training = read_optional_training(m, names, workload);
    if (j.training < 0) m.required("duration");
    j.duration_s = m.duration_s("duration");
    j.estimate_s = m.duration_s_or("estimate", j.duration_s);
    j.priority = static_cast<int>(m.integer("priority"));
    j.run = read_run_options(m, j.training >= 0);
    read_constraints(m, names, j.site, j.hardware);
    m.finish();
    jobs.push_back(std::move(j));
  }
  return jobs;
}

std::vector<JobGenerator> read_generators(MapReader& w, const KnownNames& names,
                                          double horizon_s, Workload& workload) {
  std::vector<JobGenerator> out;
  for (auto& [node, path] : w.list("generators")) {
    MapReader m(node, path, w.context(), w.section_of("generators"));
    JobGenerator g;
    g.tenant = read_tenant(m, names);
    g.serving = read_optional_serving(m, names, workload);
    g.kind = m.string_or("kind", g.serving >= 0 ? "infer" : g.kind);
    g.rate_per_s = m.number("rate_per_hour") / 3600.0;
    g.start_s = m.time_s("start");
    g.end_s = m.time_s_or("end", horizon_s);
    g.max_jobs = m.integer("count");
    if (m.has("gpu_share")) {  // a fraction of one GPU per job, instead of gpus
      g.gpu_share = read_distribution(m, "gpu_share", false, 0.001, 0.5, false);
      if (m.has("gpus") || g.serving >= 0) {
        m.context().error(m.raw("gpu_share"), m.key_path("gpu_share"),
                          "expected gpu_share alone: not beside gpus or serve");
      }
    }
    g.gpus = read_distribution(m, "gpus", false, 1, 1, g.serving < 0 && !g.gpu_share);
    g.training = read_optional_training(m, names, workload);
    g.duration_s = read_distribution(m, "duration", true, 1, 3600, g.training < 0);
    g.estimate_factor = m.number("estimate_factor");
    g.priority = static_cast<int>(m.integer("priority"));
    g.run = read_run_options(m, g.training >= 0);
    read_constraints(m, names, g.site, g.hardware);
    if (g.end_s < g.start_s) {
      m.context().error(m.raw("end"), m.key_path("end"), "expected end >= start");
    }
    m.finish();
    out.push_back(std::move(g));
  }
  return out;
}

std::optional<TraceSource> read_trace(MapReader& w, const KnownNames& names,
                                      const std::string& scenario_dir) {
  if (!w.has("trace")) return std::nullopt;
  MapReader m = w.map("trace");
  TraceSource t;
  t.options.format = m.choice("format");
  const std::string path = m.string("path");
  t.path = std::filesystem::path(path).is_absolute() || scenario_dir.empty()
               ? path
               : (std::filesystem::path(scenario_dir) / path).string();
  const YAML::Node path_node = m.raw("path");
  if (path_node.IsScalar() && path.empty()) {  // it would name the scenario's directory
    m.context().error(path_node, m.key_path("path"),
                      "expected a trace file path, found an empty string");
  }
  if (path_node.IsDefined() && !path_node.Mark().is_null()) {
    t.path_line = path_node.Mark().line + 1;
    t.path_column = path_node.Mark().column + 1;
  }
  t.options.time_scale = m.number("time_scale");
  t.options.arrival_scale = m.number("arrival_scale");
  t.options.size_scale = m.number("size_scale");
  t.options.window_start_s = m.duration_s("window_start");
  t.options.window_end_s = m.has("window_end") ? m.duration_s("window_end")
                                               : std::numeric_limits<double>::infinity();
  t.options.max_jobs = m.integer("max_jobs");
  t.options.kind = m.string("kind");
  t.options.default_tenant = m.string_or("default_tenant", names.tenants.empty() ? "" : names.tenants[0]);
  if (m.has("default_tenant")) {
    check_reference(m.context(), m.raw("default_tenant"), m.key_path("default_tenant"),
                    t.options.default_tenant, names.tenants, "tenant");
  }
  // What import_trace refuses before it reads the file, reported here at the scenario's lines
  // (the importer knows only the trace file): the window's order and tenant_map's fields.
  if (m.has("window_end") && !(t.options.window_end_s > t.options.window_start_s)) {
    m.context().error(m.raw("window_end"), m.key_path("window_end"),
                      fmt::format("expected a time after window_start ({} s), found {} s",
                                  t.options.window_start_s, t.options.window_end_s));
  }
  MapReader map = m.map("tenant_map");
  if (map.node().IsMap()) {
    const std::span<const std::string_view> fields = trace_tenant_fields(t.options.format);
    const bool known_format =
        std::ranges::find(trace_formats(), t.options.format) != trace_formats().end();
    for (const auto& kv : map.node()) {
      const std::string from = kv.first.Scalar();
      const std::string to = kv.second.IsScalar() ? kv.second.Scalar() : "";
      check_reference(m.context(), kv.second, map.key_path(from), to, names.tenants, "tenant");
      TraceOptions one;
      one.tenant_map.emplace_back(from, to);
      const auto mapper = TenantMapper::create(one, fields, t.options.format, "");
      if (known_format && !mapper.ok()) {
        m.context().error(kv.first, map.key_path(from), mapper.diagnostics().front().message);
      }
      t.options.tenant_map.emplace_back(from, to);
      map.allow({from});
    }
  }
  map.finish();
  m.finish();
  return t;
}

}  // namespace

Workload read_workload(MapReader& w, const KnownNames& names, double horizon_s,
                       const std::string& scenario_dir) {
  Workload out;
  out.jobs = read_jobs(w, names, out);
  out.generators = read_generators(w, names, horizon_s, out);
  out.trace = read_trace(w, names, scenario_dir);
  w.finish();
  return out;
}

}  // namespace sovsim::sim
