// sim/output/utilisation_csv.cpp — see utilisation_csv.hpp.
#include "sim/output/utilisation_csv.hpp"

#include <fmt/format.h>

namespace sovsim::sim {

UtilisationCsv::UtilisationCsv(std::FILE* out, std::vector<std::string> tenant_names)
    : out_(out), tenant_names_(std::move(tenant_names)) {
  buffer_ = "time_s,site,tenant,hw,busy_gpus,total_gpus\n";
}

UtilisationCsv::~UtilisationCsv() = default;

void UtilisationCsv::busy_changed(double now_s, const std::vector<size_t>& cells,
                                  const Ledger& ledger) {
  if (written_.empty()) written_.assign(ledger.cell_count(), -1);
  for (size_t c : cells) {
    const int64_t busy = ledger.busy_gpus(c);
    if (busy == written_[c]) continue;  // changed and changed back within the instant
    written_[c] = busy;
    const Ledger::Group& g = ledger.groups()[ledger.group_of_cell(c)];
    fmt::format_to(std::back_inserter(buffer_), "{},{},{},{},{},{}\n", now_s, g.site_name,
                   tenant_names_[ledger.tenant_of_cell(c)], g.hardware, busy, g.total_gpus);
    ++rows_;
  }
  if (buffer_.size() > (1 << 20)) flush();
}

void UtilisationCsv::flush() {
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  buffer_.clear();
}

}  // namespace sovsim::sim
