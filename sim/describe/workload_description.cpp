// sim/describe/workload_description.cpp — see workload_description.hpp.
#include "sim/describe/workload_description.hpp"

#include <algorithm>
#include <set>

#include "sim/scenario/run_size.hpp"
#include "sim/telemetry/service_summary.hpp"

namespace sovsim::sim {

namespace {

using Json = nlohmann::ordered_json;

// Jobs and their undisturbed GPU-hours (a model-defined job on the fastest hardware it may use;
// a job on a share of a GPU counts that share).
struct Tally {
  int64_t jobs = 0;
  double gpu_hours = 0;
  void add(const JobTable& table, JobIndex index) {
    const Job& job = table.jobs[index];
    const JobTable::GpuShare* share = table.gpu_share(index);
    ++jobs;
    gpu_hours += (share ? share->share : static_cast<double>(job.gpus)) * job.duration_s / 3600;
  }
  Json json() const { return {{"jobs", jobs}, {"gpu_hours", gpu_hours}}; }
};

// Which source made each job of the table: an explicit job, generator g, a living service's
// replica, or the trace.
enum class Source { kExplicit, kGenerator, kReplica, kTrace };

Json generator_json(const JobGenerator& g, const Scenario& s, const Tally& drawn) {
  const double expected = expected_jobs(g, s.horizon_s);
  // What generate_jobs draws: GPUs rounded, at least 1 (a share, else one whole GPU); >= 1 s.
  const double mean_gpus = g.gpu_share ? std::min(1.0, g.gpu_share->expected_value())
                                       : std::max(1.0, g.gpus.expected_value());
  const double mean_duration_s = std::max(1.0, g.duration_s.expected_value());
  const bool trained = g.training >= 0, served = g.serving >= 0;  // sized by the models
  Json o = {{"tenant", g.tenant},
            {"kind", g.kind},
            {"rate_per_hour", g.rate_per_s * 3600},
            {"start_s", g.start_s},
            {"end_s", std::min(g.end_s, s.horizon_s)},
            {"max_jobs", g.max_jobs},
            {"model", trained   ? Json(s.workload.trainings[g.training].model)
                      : served  ? Json(s.workload.servings[g.serving].model)
                                : Json()},
            {"mean_gpus", served ? Json() : Json(mean_gpus)},
            {"mean_duration_s", trained ? Json() : Json(mean_duration_s)},
            {"expected_jobs", expected},
            {"expected_gpu_hours",
             trained || served ? Json() : Json(expected * mean_gpus * mean_duration_s / 3600)},
            {"drawn", drawn.json()}};
  return o;
}

}  // namespace

Json describe_workload(const PreparedWorkload& p, double capacity_gpu_hours) {
  const Scenario& s = p.scenario;
  const JobTable& table = p.table;
  std::set<int64_t> explicit_ids;
  for (const JobSpec& j : s.workload.jobs) explicit_ids.insert(j.id);
  std::vector<Tally> generated(table.generated_ids.size());
  Tally explicit_jobs, trace, replicas, train, serve, total;
  for (JobIndex i = 0; i < table.jobs.size(); ++i) {
    const Job& job = table.jobs[i];
    total.add(table, i);
    if (job.profile >= 0) train.add(table, i);
    if (table.service_tokens_per_s.count(i)) serve.add(table, i);
    if (table.replicas.count(i)) {
      replicas.add(table, i);
      continue;
    }
    if (explicit_ids.count(job.id)) {
      explicit_jobs.add(table, i);
      continue;
    }
    const auto g = std::find_if(table.generated_ids.begin(), table.generated_ids.end(), [&](const auto& r) {
      return job.id >= r.first && job.id < r.first + r.second;
    });
    if (g != table.generated_ids.end()) {
      generated[static_cast<size_t>(g - table.generated_ids.begin())].add(table, i);
    } else {
      trace.add(table, i);
    }
  }
  Json generators = Json::array();
  for (size_t g = 0; g < s.workload.generators.size(); ++g) {
    generators.push_back(generator_json(s.workload.generators[g], s, generated[g]));
  }
  Json trace_json;
  if (s.workload.trace) {
    trace_json = {{"path", s.workload.trace->path},
                  {"format", s.workload.trace->options.format},
                  {"imported", table.trace_jobs},
                  {"skipped", table.trace_skipped},
                  {"within_horizon", trace.json()},
                  {"notes", table.notes}};
  }
  Json models = Json::array(), servings = Json::array();  // each model once, in order
  auto add_model = [](Json& list, const std::string& model) {
    if (std::find(list.begin(), list.end(), model) == list.end()) list.push_back(model);
  };
  for (const TrainingWork& t : s.workload.trainings) add_model(models, t.model);
  for (const ServingWork& w : s.workload.servings) add_model(servings, w.model);
  Json services = Json::array();
  for (size_t v = 0; v < table.services.size(); ++v) {
    const LivingService& svc = table.services[v];
    const auto replica_jobs = std::count_if(table.replicas.begin(), table.replicas.end(),
                                            [&](const auto& r) { return r.second.service == static_cast<int32_t>(v); });
    Json o = service_layout(svc, s);
    o.update(Json{{"peak_replicas", svc.peak_replicas},
                  {"replica_jobs", replica_jobs},
                  {"begin_s", svc.begin_s},
                  {"end_s", svc.end_s}});
    services.push_back(std::move(o));
  }
  const int64_t explicit_beyond = std::count_if(s.workload.jobs.begin(), s.workload.jobs.end(),
                                                [&](const JobSpec& j) { return j.submit_s >= s.horizon_s; });
  Json explicit_json = explicit_jobs.json();
  explicit_json["listed"] = s.workload.jobs.size();
  explicit_json["beyond_horizon"] = explicit_beyond;
  Json total_json = total.json();
  total_json["beyond_horizon"] = table.beyond_horizon;
  total_json["offered_load"] = capacity_gpu_hours > 0 ? Json(total.gpu_hours / capacity_gpu_hours) : Json();
  return {{"explicit", std::move(explicit_json)},
          {"generators", std::move(generators)},
          {"trace", std::move(trace_json)},
          {"train", {{"models", std::move(models)}, {"jobs", train.jobs}, {"gpu_hours", train.gpu_hours}}},
          {"serve", {{"models", std::move(servings)}, {"jobs", serve.jobs}, {"gpu_hours", serve.gpu_hours}}},
          {"services", std::move(services)},
          {"replica_jobs", replicas.json()},
          {"total", std::move(total_json)}};
}

}  // namespace sovsim::sim
