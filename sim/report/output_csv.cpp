// sim/report/output_csv.cpp — see output_csv.hpp.
#include "sim/report/output_csv.hpp"

#include <limits>
#include <vector>

#include "models/common/input_file.hpp"

namespace sovsim::sim {

Diagnostics read_output_csv(const std::filesystem::path& path,
                            std::span<const std::string_view> columns,
                            const CsvRowHandler& handle) {
  DiagnosticSink sink(path.string());
  auto content = read_input_file(path, "output file", kMaxTraceFileBytes);
  if (!content.ok()) return content.diagnostics();
  std::vector<ColumnSpec> specs;
  for (std::string_view c : columns) specs.push_back({c, true});
  CsvReader reader(content.value(), sink);
  std::vector<CsvField> header, row, fields(columns.size());
  int line = 0;
  if (!reader.read_header(header, line)) return sink.take();
  const std::vector<int> index = bind_columns(header, specs, true, line, sink);
  if (!sink.empty()) return sink.take();
  while (reader.next_row(header.size(), row, line)) {
    for (size_t k = 0; k < index.size(); ++k) fields[k] = row[index[k]];
    handle(fields, line, sink);
    if (sink.full()) break;
  }
  return sink.take();
}

std::optional<double> nonnegative_field(const CsvField& field, std::string_view column, int line,
                                        DiagnosticSink& sink) {
  return number_field(field, column, line, sink, 0, std::numeric_limits<double>::infinity());
}

}  // namespace sovsim::sim
