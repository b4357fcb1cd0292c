// sim/output/output_file.hpp — writing one output file (`sovsim import-trace -o FILE`) without
// ever replacing something that is not ours to replace: the target must be a new file or an
// existing regular file the user may write, never a directory, a device such as /dev/null, a
// FIFO, or the command's own input. The file is written beside the target and renamed over it,
// so readers see the old or the new content, never half of it; an interrupt removes the partial
// file (interrupt_cleanup.hpp).
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sovsim::sim {

// Why `target` must not be written (given the command reads `input`), or nullopt if it may be.
std::optional<std::string> output_file_problem(const std::filesystem::path& target,
                                               const std::filesystem::path& input);

// Writes `content` to a temporary file beside `target` (through a symbolic link, to its target)
// and renames it over `target`. Throws std::runtime_error on an I/O failure.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Closes `file` (flushing it) and says whether everything written to it reached the disk: 0, or
// the errno of the failure (a full disk, a file-size limit; EIO if the system gave none). A
// failed stream only remembers that a write failed: to learn why, it is written to once more,
// which fails the same way while the cause lasts — fine for a file about to be discarded.
int close_and_check(std::FILE* file);

// Whether the process that left a temporary file (named after its pid) still runs. A zombie —
// killed, not yet reaped, as the runs of a sweep killed with kill -9 stay in a container whose
// init does not reap — does not: its files are stale.
bool process_running(pid_t pid);

class RemoveOnInterrupt;  // interrupt_cleanup.hpp

// The same, streamed: open() creates the temporary file beside `target` (removed on an
// interrupt, and by the destructor unless committed), file() is written to, commit() closes it
// and renames it over `target`. Throws std::runtime_error on an I/O failure.
class StagedFile {
 public:
  explicit StagedFile(const std::filesystem::path& target);
  ~StagedFile();
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;

  std::FILE* file() const { return file_; }
  const std::filesystem::path& temp_path() const { return temp_; }
  void commit();

 private:
  std::filesystem::path target_, temp_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<RemoveOnInterrupt> cleanup_;  // null once committed
};

}  // namespace sovsim::sim
