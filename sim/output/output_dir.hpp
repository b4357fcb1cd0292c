// sim/output/output_dir.hpp — atomic output: files are written into a hidden temporary sibling
// of the output directory and moved into place only by commit(), each with a rename. A run that
// fails or is interrupted leaves the output directory as it was (no half-written files).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sovsim::sim {

class OutputDir {
 public:
  // Prepares a temporary directory beside `final_dir`. Throws std::runtime_error if it cannot.
  explicit OutputDir(std::filesystem::path final_dir);
  ~OutputDir();  // removes the temporary directory unless committed
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // Path of `name` inside the temporary directory (to stream large files into).
  std::filesystem::path staging(std::string_view name);
  void write(std::string_view name, std::string_view content);
  // Moves every staged file into the final directory (created if needed).
  void commit();
  const std::filesystem::path& final_dir() const { return final_; }

 private:
  std::filesystem::path final_, temp_;
  std::vector<std::string> files_;
  bool committed_ = false;
};

}  // namespace sovsim::sim
