// models/common/input_file.cpp — see input_file.hpp.
#include "models/common/input_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <system_error>

namespace sovsim {

namespace fs = std::filesystem;

std::string describe_file_type(fs::file_type type) {
  switch (type) {
    case fs::file_type::regular: return "a regular file";
    case fs::file_type::directory: return "a directory";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::symlink: return "a symbolic link";
    case fs::file_type::not_found: return "nothing (no such file)";
    default: return "a special file";
  }
}

Result<std::string> read_input_file(const fs::path& path, std::string_view what,
                                    uint64_t max_bytes) {
  const auto fail = [&](std::string message) {
    return Diagnostics{Diagnostic{path.string(), 0, 0, "", std::move(message)}};
  };
  if (path.empty()) return fail(fmt::format("expected a {} path, found an empty string", what));
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows symbolic links
  if (status.type() == fs::file_type::not_found) {
    return fail(fmt::format("cannot open the {}: no such file", what));
  }
  if (ec) return fail(fmt::format("cannot open the {}: {}", what, ec.message()));
  if (status.type() != fs::file_type::regular) {
    return fail(fmt::format("expected the {} to be a regular file, found {}", what,
                            describe_file_type(status.type())));
  }
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return fail(fmt::format("cannot open the {}: {}", what, ec.message()));
  if (size > max_bytes) {
    return fail(fmt::format("the {} is {:.1f} MiB, more than the {} MiB limit for such files",
                            what, static_cast<double>(size) / (1 << 20), max_bytes >> 20));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(fmt::format("cannot open the {} for reading", what));
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<size_t>(in.gcount()));  // it may have shrunk since stat
  if (in.bad()) return fail(fmt::format("read error in the {}", what));
  return text;
}

}  // namespace sovsim
