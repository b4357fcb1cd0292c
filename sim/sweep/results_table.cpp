// sim/sweep/results_table.cpp — see results_table.hpp.
#include "sim/sweep/results_table.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <stdexcept>

#include "sim/output/interrupt_cleanup.hpp"
#include "sim/output/output_file.hpp"
#include "sim/sweep/aggregate.hpp"
#include "sim/sweep/sweep_page.hpp"
#include "sim/sweep/tornado.hpp"
#include "sim/sweep/sweep_dir.hpp"
#include "sim/trace/csv.hpp"

namespace sovsim::sim {
namespace {

namespace fs = std::filesystem;

std::string quoted_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The SQLite handle and statement, closed on every path out.
struct Database {
  sqlite3* db = nullptr;
  sqlite3_stmt* insert = nullptr;
  ~Database() {
    sqlite3_finalize(insert);
    sqlite3_close(db);
  }
  void exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message ? message : sqlite3_errmsg(db);
      sqlite3_free(message);
      throw std::runtime_error("SQLite: " + text);
    }
  }
  void check(int code) {
    if (code != SQLITE_OK && code != SQLITE_DONE) {
      throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db));
    }
  }
};

}  // namespace

std::string number_text(double value) { return fmt::format("{}", value); }

ResultsTable results_table(const SweepPlan& plan, const std::map<size_t, RunResult>& results) {
  using Type = ResultsTable::Type;
  ResultsTable t;
  t.columns = {"run_id", "status", "error", "seed"};
  t.types = {Type::kText, Type::kText, Type::kText, Type::kInteger};
  for (size_t p = 0; p < plan.parameters.size(); ++p) {
    bool numeric = true;
    for (const auto& run : plan.runs) numeric = numeric && parse_double(run.parameters[p].second);
    t.columns.push_back(plan.parameters[p]);
    t.types.push_back(numeric ? Type::kReal : Type::kText);
  }
  for (const auto& [name, path] : plan.metrics) {
    t.columns.push_back(name);
    t.types.push_back(Type::kReal);
  }
  for (const auto& [index, r] : results) {
    std::vector<std::optional<std::string>> row = {
        r.id, r.ok ? "ok" : "failed", r.ok ? std::nullopt : std::optional<std::string>(r.error),
        std::to_string(r.seed)};
    for (const auto& [path, value] : r.parameters) row.push_back(value);
    for (const auto& [name, value] : r.metrics) {
      row.push_back(value ? std::optional<std::string>(number_text(*value)) : std::nullopt);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string results_csv(const ResultsTable& table) {
  std::string out;
  auto line = [&](const auto& cells, auto text_of) {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      append_csv_field(out, text_of(cells[i]));
    }
    out += '\n';
  };
  line(table.columns, [](const std::string& s) { return s; });
  for (const auto& row : table.rows) {
    line(row, [](const std::optional<std::string>& s) { return s.value_or(""); });
  }
  return out;
}

void write_results_sqlite(const fs::path& file, const ResultsTable& table) {
  using Type = ResultsTable::Type;
  const fs::path temp = file.string() + ".tmp-" + std::to_string(::getpid());
  const RemoveOnInterrupt cleanup(temp);
  std::error_code ec;
  fs::remove(temp, ec);
  {
    Database d;
    if (sqlite3_open(temp.c_str(), &d.db) != SQLITE_OK) {
      throw std::runtime_error("cannot create " + temp.string() + ": " + sqlite3_errmsg(d.db));
    }
    std::string create = "CREATE TABLE runs (", insert = "INSERT INTO runs VALUES (";
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const char* type = table.types[c] == Type::kText      ? "TEXT"
                         : table.types[c] == Type::kInteger ? "INTEGER"
                                                            : "REAL";
      create += fmt::format("{}{} {}{}", c ? ", " : "", quoted_identifier(table.columns[c]), type,
                            c == 0   ? " PRIMARY KEY"
                            : c == 1 ? " NOT NULL"
                                     : "");
      insert += c ? ", ?" : "?";
    }
    d.exec("BEGIN");
    d.exec(create + ")");
    d.check(sqlite3_prepare_v2(d.db, (insert + ")").c_str(), -1, &d.insert, nullptr));
    for (const auto& row : table.rows) {
      sqlite3_reset(d.insert);
      for (size_t c = 0; c < row.size(); ++c) {
        const int at = static_cast<int>(c + 1);
        if (!row[c]) {
          d.check(sqlite3_bind_null(d.insert, at));
          continue;
        }
        const double number = parse_double(*row[c]).value_or(std::nan(""));
        if (table.types[c] == Type::kInteger && !std::isnan(number)) {
          d.check(sqlite3_bind_int64(d.insert, at, static_cast<sqlite3_int64>(number)));
        } else if (table.types[c] == Type::kReal && !std::isnan(number)) {
          d.check(sqlite3_bind_double(d.insert, at, number));
        } else {
          d.check(sqlite3_bind_text(d.insert, at, row[c]->c_str(), -1, SQLITE_TRANSIENT));
        }
      }
      d.check(sqlite3_step(d.insert));
    }
    d.exec("COMMIT");
  }
  fs::rename(temp, file, ec);
  if (ec) throw std::runtime_error("cannot replace " + file.string() + ": " + ec.message());
}

std::map<size_t, RunResult> rebuild_tables(const fs::path& dir, const SweepPlan& plan) {
  auto results = read_results(dir, plan);
  const ResultsTable table = results_table(plan, results);
  write_file_atomically(dir / "results.csv", results_csv(table));
  write_results_sqlite(dir / "results.sqlite", table);
  const auto combinations = aggregate(plan, results);
  write_file_atomically(dir / "aggregate.csv", aggregate_csv(plan, combinations));
  const auto tornados = tornado(plan, results, combinations);
  write_file_atomically(dir / "tornado.csv", tornado_csv(tornados));
  write_file_atomically(dir / "report.html", sweep_report_html(plan, combinations, tornados));
  return results;
}

}  // namespace sovsim::sim
