// sim/chrome_trace/trace_path.cpp — see trace_path.hpp.
#include "sim/chrome_trace/trace_path.hpp"

#include "sim/output/output_file.hpp"

namespace sovsim::sim {

namespace fs = std::filesystem;

std::optional<std::string> trace_path_problem(const fs::path& trace, const fs::path& output_dir,
                                              const fs::path& scenario) {
  if (auto problem = output_file_problem(trace, scenario)) return problem;
  std::error_code ec;
  const fs::path file = fs::weakly_canonical(fs::absolute(trace, ec), ec);
  const fs::path dir = fs::weakly_canonical(fs::absolute(output_dir, ec), ec);
  const fs::path inside = file.lexically_relative(dir);
  if (!inside.empty() && *inside.begin() != "..") {
    return "is inside the output directory " + output_dir.string() +
           ", which a run replaces as a whole; write the trace beside it";
  }
  return std::nullopt;
}

}  // namespace sovsim::sim
