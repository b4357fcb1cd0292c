// sim/scenario/fleet_schema.cpp — the scenario keys of the fleet's life over time and what it
// costs: a node group's deliveries (tranches, owners, vendor delays, burn-in), the dated
// `events:` that change the deliveries still to come (docs/fleet.md), and `economics:` — power,
// prices, emissions and capital (docs/energy.md). Rows as in scenario_schema.cpp.
#include "models/common/units.hpp"
#include "sim/scenario/energy_keys.hpp"
#include "sim/scenario/limits.hpp"
#include "sim/scenario/scenario_schema.hpp"

namespace sovsim::sim::scenario_schema {

using schema::Type;
using sovsim::kMaxDuration_s;
using schema::Section;

const Section kDelivery{"sites[].nodes[].deliveries[]", {
  {.name = "date", .type = Type::kTime, .min = 0, .max = kMaxDuration_s, .required = true,
   .description = "When the vendor is due to deliver the tranche (a date needs `start_date`)."},
  {.name = "count", .type = Type::kInteger, .unit = "nodes", .min = 0, .max = kMaxNodesPerGroup,
   .required = true, .description = "Nodes in the tranche."},
  {.name = "owner", .type = Type::kString, .shown_default = "the group's `owner`",
   .description = "Tenant that owns the tranche: its entitlement grows by it, and its idle "
                  "capacity is charged to it."},
  {.name = "delay", .type = Type::kDurationDistribution, .shown_default = "`0`",
   .type_text = "[distribution](#distributions) of durations",
   .description = "Vendor slip added to `date`, sampled per tranche from the scenario seed."},
  {.name = "burn_in", .type = Type::kDuration, .fallback = 0, .min = 0, .max = kMaxDuration_s,
   .description = "From arrival to service (installation, acceptance tests)."},
}};

const Section kEvent{"events[]", {
  {.name = "type", .type = Type::kChoice, .required = true,
   .choices = {"export_rule", "vendor_delay", "hbm_shortage", "substitution", "power_cap"},
   .description = "`export_rule`: the tranches still to come keep `keep` of their nodes (0 "
                  "cancels them). `vendor_delay`: they slip by `delay`. `hbm_shortage`: those of "
                  "hardware with HBM generation `hbm` keep `keep`. `substitution`: they arrive as "
                  "`to` hardware, `ratio` devices per device replaced. `power_cap`: `site`'s power "
                  "cap becomes `mw`."},
  {.name = "date", .type = Type::kTime, .min = 0, .max = kMaxDuration_s, .required = true,
   .description = "When it happens: it applies to tranches that have not arrived by then."},
  {.name = "name", .type = Type::kString, .shown_default = "`type@date`",
   .description = "Label in `summary.json` and the text summary."},
  {.name = "hardware", .type = Type::kString, .shown_default = "any",
   .description = "Only tranches of this hardware (required for `substitution`)."},
  {.name = "site", .type = Type::kString, .shown_default = "any", .description = "Only this site's tranches."},
  {.name = "owner", .type = Type::kString, .shown_default = "any", .description = "Only this tenant's tranches."},
  {.name = "keep", .type = Type::kNumber, .unit = "fraction", .fallback = 0, .min = 0, .max = 1,
   .description = "`export_rule`, `hbm_shortage`: fraction of each matching tranche's nodes still "
                  "delivered (rounded down)."},
  {.name = "delay", .type = Type::kDurationDistribution, .shown_default = "**required** for `vendor_delay`",
   .type_text = "[distribution](#distributions) of durations",
   .description = "`vendor_delay`: slip added to each matching tranche, sampled per tranche."},
  {.name = "hbm", .type = Type::kString, .shown_default = "**required** for `hbm_shortage`",
   .description = "`hbm_shortage`: HBM generation (catalog `hbm_generation`, e.g. `HBM3e`)."},
  {.name = "to", .type = Type::kString, .shown_default = "**required** for `substitution`",
   .description = "`substitution`: the hardware that arrives instead (e.g. a domestic NPU)."},
  {.name = "ratio", .type = Type::kNumber, .unit = "devices", .fallback = 1, .min = 0, .max = 1e6,
   .description = "`substitution`: devices of `to` per device replaced (nodes rounded to nearest)."},
  {.name = "mw", .type = Type::kNumber, .unit = "MW", .fallback = 0, .min = 0, .max = 1e6,
   .description = "`power_cap`: the site's new IT power cap (`0` lifts it)."},
}};

const Section kEconomics{"economics", {
  SOVSIM_ENERGY_PRICE_KEYS(""),
  {.name = "krw_per_usd", .type = Type::kNumber, .unit = "KRW/USD", .fallback = 1400, .min = 1e-6, .max = 1e9,
   .description = "Exchange rate for the catalog's `price_usd` (1,300–1,450 over 2024–25)."},
  {.name = "capex_years", .type = Type::kNumber, .unit = "years", .fallback = 5, .min = 0.01, .max = 100,
   .description = "Straight-line amortisation of the hardware's price (the usual range is 4–6)."},
  {.name = "opex_krw_per_node_year", .type = Type::kNumber, .unit = "KRW", .fallback = 20e6, .min = 0, .max = 1e15,
   .description = "Operating cost per node-year besides electricity (support, space, staff); an "
                  "assumption: ~5% a year of an 8-GPU server's price."},
  {.name = "busy_fraction_of_tdp", .type = Type::kNumber, .unit = "fraction", .fallback = 0.85, .min = 0, .max = 2,
   .description = "Mean board draw of a busy accelerator over its TDP (docs/energy.md: a busy DGX "
                  "H100 then draws 76% of its rating, as measured for training)."},
}};


}  // namespace sovsim::sim::scenario_schema
