// sim/output/output_dir.hpp — atomic output: files are written into a hidden staging directory
// beside the output directory (`.DIR.tmp-PID`) and commit() puts that whole directory in place of
// the old one (an atomic exchange where the file system allows it), so DIR always holds the
// complete outputs of one run: the old run's, or the new run's, never a mix. A run that fails or
// is interrupted (SIGINT/SIGTERM: interrupt_cleanup.hpp) leaves DIR as it was and no staging
// directory; staging directories left by killed runs (kill -9) are removed by the next run into
// the same DIR. An existing DIR is replaced only if it looks like a sovsim output directory
// (docs/outputs.md), so `-o ~` or `-o /` cannot delete anything.
#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/output/interrupt_cleanup.hpp"

namespace sovsim::sim {

// The files a run may write; a directory holding other entries is never replaced.
inline constexpr std::string_view kOutputFiles[] = {"summary.json", "jobs.csv", "utilisation.csv",
                                                    "services.csv", "power.csv", "perf.json",
                                                    "report.html"};

// Why `dir` cannot receive a run's outputs, or nullopt if it can: it must not exist, or be an
// empty directory, or a directory holding summary.json and nothing but kOutputFiles. Neither a
// symbolic link, nor `/`, nor the current directory or one of its ancestors.
std::optional<std::string> output_dir_problem(const std::filesystem::path& dir);

class OutputDir {
 public:
  // Prepares the staging directory beside `final_dir`, after removing stale ones of dead
  // processes. Throws std::runtime_error if `final_dir` cannot receive outputs
  // (output_dir_problem) or the staging directory cannot be created.
  explicit OutputDir(std::filesystem::path final_dir);
  ~OutputDir();  // removes the staging directory unless committed
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // Opens `name` in the staging directory to stream a large file into; close() it when done.
  // close() and commit() throw std::runtime_error naming the file and the system's reason (a
  // full disk, a file-size limit) if any write to it failed.
  std::FILE* open(std::string_view name);
  void close(std::FILE* file);
  // The staging directory itself (to read back what was written, e.g. for report.html).
  const std::filesystem::path& staging_dir() const { return temp_; }
  void write(std::string_view name, std::string_view content);
  // Puts the staging directory in place of the final one (which is created or replaced whole).
  void commit();
  const std::filesystem::path& final_dir() const { return final_; }

 private:
  std::filesystem::path staging(std::string_view name) const { return temp_ / name; }
  // Why writing `name` failed: "cannot write DIR/NAME: reason".
  std::string write_error(std::string_view name, int error) const;

  std::filesystem::path final_, temp_;
  std::vector<std::pair<std::FILE*, std::string>> open_;  // streamed files not closed yet
  std::optional<RemoveOnInterrupt> interrupt_cleanup_;
  bool committed_ = false;
};

}  // namespace sovsim::sim
