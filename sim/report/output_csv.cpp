// sim/report/output_csv.cpp — see output_csv.hpp. The file is read in blocks of whole records (a
// fleet-year's jobs.csv is ~200 MB; the report must not hold it): each block ends at the last
// line break outside quotes, the rest carries over to the next block, and line numbers in
// diagnostics count from the start of the file.
#include "sim/report/output_csv.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "models/common/input_file.hpp"

namespace sovsim::sim {
namespace {

constexpr size_t kBlockBytes = size_t{8} << 20;

// The length of the prefix of `text` made of whole records: up to its last line break outside
// double quotes (a quote toggles, so "" inside a quoted field toggles twice); 0 if none.
size_t whole_records(std::string_view text) {
  bool quoted = false;
  size_t end = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"')
      quoted = !quoted;
    else if (text[i] == '\n' && !quoted)
      end = i + 1;
  }
  return end;
}

}  // namespace

Diagnostics read_output_csv(const std::filesystem::path& path,
                            std::span<const std::string_view> columns,
                            const CsvRowHandler& handle) {
  std::error_code ec;
  const auto type = std::filesystem::status(path, ec).type();
  if (type != std::filesystem::file_type::regular) {
    return {
        {path.string(), 0, 0, "", "expected a regular file, found " + describe_file_type(type)}};
  }
  uintmax_t size = std::filesystem::file_size(path, ec), got = 0;
  if (ec) size = kBlockBytes;
  std::ifstream in(path, std::ios::binary);
  if (!in) return {{path.string(), 0, 0, "", "cannot open the file for reading"}};
  std::vector<ColumnSpec> specs;
  for (std::string_view c : columns) specs.push_back({c, true});
  Diagnostics problems;
  std::vector<CsvField> header, row, fields(columns.size());
  std::vector<int> index;
  std::string block, carry;
  int lines_before = 0;  // lines of the file in earlier blocks
  bool done = false;
  while (!done && problems.size() < DiagnosticSink::kMaxErrors) {
    block = std::move(carry);
    const size_t kept = block.size();
    // A block, or the rest of the file and one byte to see its end (a small file costs little;
    // a file that grew while being read is read on in blocks).
    const size_t want = got > size ? kBlockBytes
                                   : static_cast<size_t>(std::min<uintmax_t>(kBlockBytes, size - got + 1));
    block.resize(kept + want);
    in.read(block.data() + kept, static_cast<std::streamsize>(want));
    block.resize(kept + static_cast<size_t>(in.gcount()));
    got += static_cast<uintmax_t>(in.gcount());
    done = !in;
    const size_t cut = done ? block.size() : whole_records(block);
    carry.assign(block, cut);
    block.resize(cut);
    if (block.empty() && !done) continue;  // one record longer than a block: read on

    // The reader numbers lines from the block's start (shifted below); rows are handed lines
    // of the whole file, and so are the row errors.
    DiagnosticSink reader_sink(path.string()), row_sink(path.string());
    CsvReader reader(block, reader_sink);
    int line = 0;
    if (index.empty()) {  // the first block: the header
      if (!reader.read_header(header, line)) return reader_sink.take();
      index = bind_columns(header, specs, true, line, reader_sink);
      if (!reader_sink.empty()) return reader_sink.take();
    }
    while (reader.next_row(header.size(), row, line)) {
      for (size_t k = 0; k < index.size(); ++k) fields[k] = row[index[k]];
      handle(fields, line + lines_before, row_sink);
      if (row_sink.full()) break;
    }
    Diagnostics found = reader_sink.take();
    for (Diagnostic& d : found) d.line += d.line > 0 ? lines_before : 0;
    for (Diagnostic& d : row_sink.take()) found.push_back(std::move(d));
    std::stable_sort(found.begin(), found.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    problems.insert(problems.end(), found.begin(), found.end());
    lines_before += static_cast<int>(std::count(block.begin(), block.end(), '\n'));
  }
  return problems;
}

std::optional<double> nonnegative_field(const CsvField& field, std::string_view column, int line,
                                        DiagnosticSink& sink) {
  return number_field(field, column, line, sink, 0, std::numeric_limits<double>::infinity());
}

}  // namespace sovsim::sim
