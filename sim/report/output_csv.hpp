// sim/report/output_csv.hpp — reading one CSV table a run wrote (jobs.csv, utilisation.csv,
// services.csv) through the project's CSV reader: the header bound by column name (the columns
// asked for are required, others are passed over, so newer columns do not break the report),
// then each row's fields handed to a callback in the order asked for. Errors come back as
// diagnostics with file:line:column.
#pragma once

#include <filesystem>
#include <functional>
#include <span>
#include <string_view>

#include "models/common/result.hpp"
#include "sim/trace/csv.hpp"

namespace sovsim::sim {

using CsvRowHandler =
    std::function<void(std::span<const CsvField> fields, int line, DiagnosticSink& sink)>;

// Reads `path` in blocks of whole records (never the whole file at once), calling `handle` with
// fields[k] = the row's value of columns[k] and the row's line in the file. Returns the
// diagnostics (none: read completely).
Diagnostics read_output_csv(const std::filesystem::path& path,
                            std::span<const std::string_view> columns, const CsvRowHandler& handle);

// A number cell in [0, inf), reported under its column name if it is not one.
std::optional<double> nonnegative_field(const CsvField& field, std::string_view column, int line,
                                        DiagnosticSink& sink);

}  // namespace sovsim::sim
