// sim/output/output_dir.cpp — see output_dir.hpp.
#include "sim/output/output_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "models/common/input_file.hpp"
#include "sim/output/output_file.hpp"

namespace sovsim::sim {

namespace fs = std::filesystem;

namespace {

bool is_output_file(const std::string& name) {
  return std::find(std::begin(kOutputFiles), std::end(kOutputFiles), name) != std::end(kOutputFiles);
}

fs::path parent_of(const fs::path& path) {
  return path.parent_path().empty() ? fs::path(".") : path.parent_path();
}

// Hidden siblings of `final` used while writing: ".NAME.tmp-PID" (staging) and ".NAME.old-PID"
// (the previous outputs, if the file system cannot exchange two directories atomically).
fs::path sibling(const fs::path& final, std::string_view role, pid_t pid) {
  return parent_of(final) / ("." + final.filename().string() + "." + std::string(role) + "-" +
                             std::to_string(pid));
}

// Removes the staging and old-output siblings of `final` left by processes that no longer run
// (a run killed with SIGKILL, or a crash). Those of live processes are left alone.
void remove_stale_siblings(const fs::path& final) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent_of(final), ec)) {
    const std::string name = entry.path().filename().string();
    for (std::string_view role : {".tmp-", ".old-"}) {
      const std::string prefix = "." + final.filename().string() + std::string(role);
      if (!name.starts_with(prefix)) continue;
      pid_t pid = 0;
      const char* digits = name.data() + prefix.size();
      const auto [end, error] = std::from_chars(digits, name.data() + name.size(), pid);
      if (error != std::errc() || end != name.data() + name.size() || pid <= 0) continue;
      if (pid == ::getpid() || process_running(pid)) continue;
      std::error_code ignored;
      fs::remove_all(entry.path(), ignored);
    }
  }
}

// Exchanges two directories atomically (Linux renameat2 RENAME_EXCHANGE); false if the file
// system does not support it.
bool exchange(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
    throw std::runtime_error("cannot replace " + b.string() + ": " + std::strerror(errno));
  }
#endif
  return false;
}

}  // namespace

std::optional<std::string> output_dir_problem(const fs::path& dir) {
  if (dir.empty()) return "expected an output directory path, found an empty string";
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(dir, ec);
  if (status.type() == fs::file_type::not_found) return std::nullopt;  // created by the run
  if (ec) return "cannot inspect the output directory: " + ec.message();
  if (status.type() != fs::file_type::directory) {
    return "expected an output directory, found " + describe_file_type(status.type()) +
           "; choose another -o";
  }
  const fs::path resolved = fs::weakly_canonical(dir, ec);
  const fs::path cwd = fs::current_path(ec);
  if (resolved == resolved.root_path()) return "refusing to replace the root directory";
  if (std::mismatch(resolved.begin(), resolved.end(), cwd.begin(), cwd.end()).first ==
      resolved.end()) {
    return "refusing to replace the current directory or one of its parents";
  }
  bool has_summary = false;
  std::string foreign;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    has_summary = has_summary || name == "summary.json";
    if (!is_output_file(name) || !entry.is_regular_file()) foreign = name;
  }
  if (ec) return "cannot list the output directory: " + ec.message();
  if (foreign.empty() && (has_summary || fs::is_empty(dir, ec))) return std::nullopt;
  return "exists and does not look like a sovsim output directory (" +
         (foreign.empty() ? std::string("no summary.json") : "it holds '" + foreign + "'") +
         "); a run replaces only an empty directory or one holding summary.json and nothing but "
         "summary.json, jobs.csv, utilisation.csv, services.csv, power.csv, perf.json and report.html. "
         "Choose "
         "another -o or remove it";
}

OutputDir::OutputDir(fs::path final_dir) : final_(std::move(final_dir)) {
  if (final_.filename().empty()) final_ = final_.parent_path();  // "out/" -> "out"
  if (const auto problem = output_dir_problem(final_)) {
    throw std::runtime_error(final_.string() + ": " + *problem);
  }
  remove_stale_siblings(final_);
  temp_ = sibling(final_, "tmp", ::getpid());
  interrupt_cleanup_.emplace(temp_);
  std::error_code ec;
  fs::remove_all(temp_, ec);
  if (!fs::create_directories(temp_, ec) || ec) {
    throw std::runtime_error("cannot create output staging directory " + temp_.string() + ": " +
                             ec.message());
  }
}

OutputDir::~OutputDir() {
  for (const auto& [file, name] : open_) std::fclose(file);
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(temp_, ec);
}

std::string OutputDir::write_error(std::string_view name, int error) const {
  return "cannot write " + (final_ / name).string() + ": " + std::strerror(error ? error : EIO) +
         " (the previous outputs, if any, are left as they were)";
}

std::FILE* OutputDir::open(std::string_view name) {
  std::FILE* file = std::fopen(staging(name).c_str(), "wb");
  if (!file) throw std::runtime_error(write_error(name, errno));
  open_.emplace_back(file, std::string(name));
  return file;
}

void OutputDir::close(std::FILE* file) {
  const auto it = std::find_if(open_.begin(), open_.end(), [&](const auto& f) { return f.first == file; });
  if (it == open_.end()) throw std::logic_error("OutputDir::close: not a file of this directory");
  const std::string name = it->second;
  open_.erase(it);
  if (const int error = close_and_check(file)) throw std::runtime_error(write_error(name, error));
}

void OutputDir::write(std::string_view name, std::string_view content) {
  std::FILE* file = open(name);
  std::fwrite(content.data(), 1, content.size(), file);
  close(file);
}

void OutputDir::commit() {
  while (!open_.empty()) close(open_.back().first);
  const InterruptsHeldOff held_off;  // an interrupt now would leave a half-swapped directory
  if (const auto problem = output_dir_problem(final_)) {  // it may have changed during the run
    throw std::runtime_error(final_.string() + ": " + *problem);
  }
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(final_, ec))) {
    fs::rename(temp_, final_);  // the whole directory appears at once
  } else if (exchange(temp_, final_)) {
    fs::remove_all(temp_);  // now the previous outputs
  } else {
    // Without an atomic exchange: old outputs aside, new ones in, old ones removed. A crash in
    // between leaves both complete directories, and the next run removes the stale one.
    const fs::path old = sibling(final_, "old", ::getpid());
    fs::rename(final_, old);
    fs::rename(temp_, final_);
    fs::remove_all(old);
  }
  committed_ = true;
  interrupt_cleanup_.reset();
}

}  // namespace sovsim::sim
