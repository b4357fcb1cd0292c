// sim/output/account_fields.hpp — the ledger's figures as summary.json renders them: one table
// (key in a tenant/site/hardware object, where the fleet total goes, unit, description, value).
// Each tenant, site and hardware object carries every field; the fleet total sits at its path in
// the summary and is the sum over tenants. docs/outputs.md's table is generated from this.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

#include "sim/output/doc_table.hpp"
#include "sim/telemetry/account.hpp"

namespace sovsim::sim {

struct AccountField {
  std::string_view name;       // key in each tenant, site and hardware object
  std::string_view fleet_key;  // JSON pointer of the fleet total in summary.json
  std::string_view unit, description;
  double (*value)(const Account& account);
  bool of_capacity = false;  // an energy or cost figure, which capacity nobody runs on has too
};

const std::vector<AccountField>& account_fields();
std::vector<DocRow> account_field_docs();  // rows named `key` (fleet: `fleet_key`)

// Adds every field of `account` to `object`, in table order; only the `of_capacity` ones if
// `capacity_only` (for capacity that ran nothing).
void add_account_fields(nlohmann::ordered_json& object, const Account& account,
                        bool capacity_only = false);
// Sets every field's fleet total at its path in `summary` (an existing key keeps its place).
void set_fleet_fields(nlohmann::ordered_json& summary, const Account& fleet);

}  // namespace sovsim::sim
