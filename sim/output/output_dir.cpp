// sim/output/output_dir.cpp — see output_dir.hpp.
#include "sim/output/output_dir.hpp"

#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <system_error>

namespace sovsim::sim {

namespace fs = std::filesystem;

OutputDir::OutputDir(fs::path final_dir) : final_(std::move(final_dir)) {
  if (final_.filename().empty()) final_ = final_.parent_path();  // "out/" -> "out"
  const fs::path parent = final_.parent_path().empty() ? fs::path(".") : final_.parent_path();
  temp_ = parent / ("." + final_.filename().string() + ".tmp-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(temp_, ec);
  if (!fs::create_directories(temp_, ec) || ec) {
    throw std::runtime_error("cannot create output staging directory " + temp_.string() + ": " +
                             ec.message());
  }
}

OutputDir::~OutputDir() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(temp_, ec);
}

fs::path OutputDir::staging(std::string_view name) {
  files_.emplace_back(name);
  return temp_ / name;
}

void OutputDir::write(std::string_view name, std::string_view content) {
  const fs::path path = staging(name);
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void OutputDir::commit() {
  std::error_code ec;
  if (!fs::exists(final_)) {
    fs::rename(temp_, final_, ec);  // the whole directory appears at once
    if (!ec) {
      committed_ = true;
      return;
    }
  }
  fs::create_directories(final_, ec);
  for (const auto& name : files_) {
    fs::rename(temp_ / name, final_ / name, ec);
    if (ec) throw std::runtime_error("cannot move " + name + " into " + final_.string() + ": " +
                                     ec.message());
  }
  fs::remove_all(temp_, ec);
  committed_ = true;
}

}  // namespace sovsim::sim
