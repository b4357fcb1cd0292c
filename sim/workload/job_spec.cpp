// sim/workload/job_spec.cpp — see job_spec.hpp.
#include "sim/workload/job_spec.hpp"

#include <algorithm>

namespace sovsim::sim {

void sort_by_submit_time(std::vector<JobSpec>& jobs) {
  const auto earlier = [](const JobSpec& a, const JobSpec& b) { return a.submit_s < b.submit_s; };
  if (!std::is_sorted(jobs.begin(), jobs.end(), earlier)) {
    std::stable_sort(jobs.begin(), jobs.end(), earlier);
  }
}

}  // namespace sovsim::sim
