// sim/run/run_invariants.cpp — see run_invariants.hpp.
#include "sim/run/run_invariants.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace sovsim::sim {
namespace {

constexpr size_t kPerKind = 5;  // problems listed per kind of invariant; the rest are counted

// Collects problems of one kind, keeping the first few and counting the rest.
class Problems {
 public:
  Problems(std::vector<std::string>& out, std::string kind) : out_(out), kind_(std::move(kind)) {}
  ~Problems() {
    if (count_ > kPerKind) out_.push_back(fmt::format("{}: ... and {} more", kind_, count_ - kPerKind));
  }
  template <typename... Args>
  void add(fmt::format_string<Args...> format, Args&&... args) {
    if (++count_ <= kPerKind) {
      out_.push_back(kind_ + ": " + fmt::format(format, std::forward<Args>(args)...));
    }
  }

 private:
  std::vector<std::string>& out_;
  std::string kind_;
  size_t count_ = 0;
};

// Sums of the same figures taken in another order agree to rounding.
bool same(double a, double b, double relative = 1e-9) {
  return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b)) + 1e-6;
}

void check_jobs(const JobTable& table, double end_s, std::vector<std::string>& out) {
  Problems p(out, "job states");
  for (const Job& j : table.jobs) {
    const bool started = j.start_s >= 0;
    switch (j.state) {
      case JobState::kPending:
      case JobState::kQueued:
        if (j.submit_s > end_s) p.add("job {} waits but arrives after the end of the run", j.id);
        break;
      case JobState::kRunning:
        if (!started || j.placement.pool < 0 || j.run_start_s > end_s || j.start_s < j.submit_s) {
          p.add("job {} runs without a start, a placement, or started before it arrived", j.id);
        }
        break;
      case JobState::kCompleted:
        if (!started || j.start_s < j.submit_s || j.end_s < j.start_s || j.end_s > end_s) {
          p.add("job {} completed with times out of order (submit {} start {} end {}, run end {})",
                j.id, j.submit_s, j.start_s, j.end_s, end_s);
        }
        break;
      case JobState::kRejected:
        if (started) p.add("job {} was rejected but started", j.id);
        break;
      default:
        p.add("job {} in no known state ({})", j.id, static_cast<int>(j.state));
    }
  }
}

void check_gpus(const JobTable& table, const Cluster& cluster,
                const std::vector<uint8_t>& held_by_engine, std::vector<std::string>& out) {
  Problems p(out, "GPUs");
  std::vector<int64_t> held(static_cast<size_t>(cluster.node_count()), 0);
  for (const Job& j : table.jobs) {
    if (j.state != JobState::kRunning) continue;
    for (const NodeSlice& s : j.placement.slices) held[static_cast<size_t>(s.node)] += s.gpus;
  }
  for (size_t pool = 0; pool < cluster.pools().size(); ++pool) {
    const Pool& pl = cluster.pools()[pool];
    for (NodeId n = pl.first_node; n < pl.first_node + pl.node_count; ++n) {
      const size_t i = static_cast<size_t>(n);
      const int64_t free = cluster.free_gpus_on(n), taken = held[i];
      const int64_t engine = i < held_by_engine.size() && held_by_engine[i] ? pl.gpus_per_node : 0;
      if (free < 0 || free + taken + engine != pl.gpus_per_node) {
        p.add("node {} of {} has {} free, {} held by running jobs and {} by the engine, of {}", n,
              pl.site_name, free, taken, engine, pl.gpus_per_node);
      }
    }
  }
}

void check_busy_integral(const JobTable& table, const Ledger& ledger, double end_s,
                         std::vector<std::string>& out) {
  Problems p(out, "busy GPU-seconds");
  double jobs_gpu_s = 0;
  for (size_t i = 0; i < table.jobs.size(); ++i) {
    const Job& j = table.jobs[i];
    const double running = j.state == JobState::kRunning
                               ? j.placement.gpu_equivalent() * (end_s - j.run_start_s) : 0;
    const double held = j.service_gpu_s + running;
    jobs_gpu_s += held;
    const double wasted = ledger.job(static_cast<JobIndex>(i)).wasted_gpu_s;
    if (wasted > held * (1 + 1e-9) + 1e-6) {
      p.add("job {} wasted {} GPU-s but held only {}", j.id, wasted, held);
    }
  }
  double cells_gpu_s = 0;
  for (size_t c = 0; c < ledger.cell_count(); ++c) cells_gpu_s += ledger.cell(c).busy_gpu_s;
  if (!same(jobs_gpu_s, cells_gpu_s)) {
    p.add("the ledger counts {} busy GPU-s, the jobs held {}", cells_gpu_s, jobs_gpu_s);
  }
}

void check_sums(const Ledger& ledger, std::vector<std::string>& out) {
  Problems p(out, "ledger sums");
  const Account fleet = ledger.fleet();
  Account sites, hardware;
  std::set<std::string> types;
  std::set<int> site_ids;
  for (const Ledger::Group& g : ledger.groups()) {
    types.insert(g.hardware);
    site_ids.insert(g.site);
  }
  for (int s : site_ids) sites += ledger.site(s);
  for (const std::string& h : types) hardware += ledger.hardware(h);
  for (double Account::* figure : kAccountFigures) {
    if (!same(fleet.*figure, sites.*figure) || !same(fleet.*figure, hardware.*figure)) {
      p.add("a figure of the fleet ({}) differs from its sites' sum ({}) or its hardware types' ({})",
            fleet.*figure, sites.*figure, hardware.*figure);
    }
  }
  for (size_t g = 0; g < ledger.groups().size(); ++g) {
    const Ledger::Group& group = ledger.groups()[g];
    double owned = group.unowned_gpu_s;
    for (size_t t = 0; t < ledger.tenant_count(); ++t) owned += ledger.cell(ledger.cell_of(g, t)).owned_gpu_s;
    if (!same(owned, group.capacity_gpu_s)) {
      p.add("{} {}: owned and unowned GPU-s {} but {} in service", group.site_name, group.hardware,
            owned, group.capacity_gpu_s);
    }
  }
}

void check_energy(const Ledger& ledger, std::vector<std::string>& out) {
  Problems p(out, "energy");
  for (size_t s = 0; s < ledger.power().site_count(); ++s) {
    const double charged = ledger.site(static_cast<int>(s)).it_energy_j;
    const double drawn = ledger.power().site_it_j(static_cast<int>(s));
    if (!same(charged, drawn, 1e-6)) {
      p.add("site {}: {} J of IT energy charged, {} J drawn", s, charged, drawn);
    }
    double bucketed = 0;  // power.csv's rows of the site
    for (const PowerSeries::Bucket& b : ledger.power().series().buckets(static_cast<int>(s))) {
      bucketed += b.energy_j;
    }
    if (!same(bucketed, drawn, 1e-6)) {
      p.add("site {}: {} J of IT energy in the power series' buckets, {} J drawn", s, bucketed,
            drawn);
    }
  }
}

}  // namespace

std::vector<std::string> run_invariant_problems(const JobTable& table, const Cluster& cluster,
                                                const std::vector<uint8_t>& held_by_engine,
                                                const Ledger& ledger, double end_s) {
  std::vector<std::string> out;
  check_jobs(table, end_s, out);
  check_gpus(table, cluster, held_by_engine, out);
  check_busy_integral(table, ledger, end_s, out);
  check_sums(ledger, out);
  check_energy(ledger, out);
  return out;
}

void check_run_invariants(const JobTable& table, const Cluster& cluster,
                          const std::vector<uint8_t>& held_by_engine, const Ledger& ledger,
                          double end_s) {
  const std::vector<std::string> problems = run_invariant_problems(table, cluster, held_by_engine, ledger, end_s);
  if (problems.empty()) return;
  std::string message = "a run invariant is broken (a bug in sovsim; please report it with the scenario):";
  for (const std::string& line : problems) message += "\n  " + line;
  throw InvariantBroken(message);
}

}  // namespace sovsim::sim
