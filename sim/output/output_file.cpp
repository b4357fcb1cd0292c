// sim/output/output_file.cpp — see output_file.hpp.
#include "sim/output/output_file.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "models/common/input_file.hpp"
#include "sim/output/interrupt_cleanup.hpp"

namespace sovsim::sim {

namespace fs = std::filesystem;

namespace {

// Where the bytes go: the file a symbolic link points to, else `target` itself.
fs::path resolved(const fs::path& target) {
  std::error_code ec;
  if (!fs::is_symlink(target, ec)) return target;
  const fs::path real = fs::weakly_canonical(target, ec);
  return ec ? target : real;
}

}  // namespace

std::optional<std::string> output_file_problem(const fs::path& target, const fs::path& input) {
  if (target.empty()) return "expected an output file path, found an empty string";
  const fs::path path = resolved(target);
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    const fs::path parent = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(parent, ec)) {
      return "the directory " + parent.string() + " does not exist";
    }
    if (::access(parent.c_str(), W_OK | X_OK) != 0) {
      return "the directory " + parent.string() + " is not writable";
    }
    return std::nullopt;
  }
  if (status.type() != fs::file_type::regular) {
    return "expected a new or regular file to write, found " + describe_file_type(status.type());
  }
  if (fs::equivalent(path, input, ec)) return "is the input file itself; choose another -o";
  if (::access(path.c_str(), W_OK) != 0) return "exists and is not writable";
  return std::nullopt;
}

bool process_running(pid_t pid) {
  if (::kill(pid, 0) != 0 && errno != EPERM) return false;
  std::FILE* stat = std::fopen(("/proc/" + std::to_string(pid) + "/stat").c_str(), "r");
  if (!stat) return true;  // no /proc: trust kill()
  char state = 0;
  // "PID (COMM) STATE ...": COMM may hold spaces and parentheses; STATE follows the last ')'.
  std::string text(512, '\0');
  text.resize(std::fread(text.data(), 1, text.size(), stat));
  std::fclose(stat);
  const size_t paren = text.rfind(')');
  if (paren != std::string::npos && paren + 2 < text.size()) state = text[paren + 2];
  return state != 'Z' && state != 'X';
}

int close_and_check(std::FILE* file) {
  int error = 0;
  if (std::ferror(file)) {
    std::clearerr(file);
    errno = 0;
    std::fputc('\n', file);
    std::fflush(file);
    error = errno ? errno : EIO;
  }
  if (std::fclose(file) != 0 && error == 0) error = errno ? errno : EIO;
  return error;
}

void write_file_atomically(const fs::path& target, std::string_view content) {
  StagedFile staged(target);
  std::fwrite(content.data(), 1, content.size(), staged.file());
  staged.commit();
}

StagedFile::StagedFile(const fs::path& target)
    : target_(resolved(target)), temp_(target_.string() + ".tmp-" + std::to_string(::getpid())) {
  cleanup_ = std::make_unique<RemoveOnInterrupt>(temp_);
  file_ = std::fopen(temp_.c_str(), "wb");
  if (!file_) throw std::runtime_error("cannot write " + temp_.string());
}

StagedFile::~StagedFile() {
  if (file_) std::fclose(file_);
  if (!cleanup_) return;  // committed
  std::error_code ec;
  fs::remove(temp_, ec);
}

void StagedFile::commit() {
  const int error = close_and_check(file_);
  file_ = nullptr;
  if (error != 0) {
    throw std::runtime_error("cannot write " + target_.string() + ": " + std::strerror(error) +
                             " (" + target_.string() + " is left as it was)");
  }
  std::error_code ec;
  fs::rename(temp_, target_, ec);
  if (ec) throw std::runtime_error("cannot replace " + target_.string() + ": " + ec.message());
  cleanup_.reset();
}

}  // namespace sovsim::sim
