// sim/scenario/energy_keys.hpp — schema rows shared by `economics:` and each site (which may
// override them): PUE, electricity price and grid carbon. Internal to sim/scenario/.
#pragma once

#include "models/common/schema.hpp"

// `shown` is the default column of the docs: "" for the economics section (its fallback), the
// economics key for a site.
#define SOVSIM_ENERGY_PRICE_KEYS(shown)                                                                    \
  {.name = "pue", .type = Type::kNumber, .unit = "ratio", .fallback = 1.3, .min = 1, .max = 5,         \
   .shown_default = shown,                                                                             \
   .description = "Facility power over IT power (cooling, power distribution). Default: new Korean "  \
                  "AI builds with liquid cooling reach 1.2–1.3; the national average is ~1.5."},       \
  {.name = "electricity_krw_per_kwh", .type = Type::kProfile, .unit = "KRW/kWh", .fallback = 182.7,    \
   .min = 0, .max = 1e6, .shown_default = shown,                                                         \
   .description = "Electricity price: a number, or a time-of-use profile `{values: [...], step: 1h}` " \
                  "repeating from time 0. Default: KEPCO industrial (을) tariff from 24 Oct 2024."},   \
  {.name = "carbon_t_per_mwh", .type = Type::kProfile, .unit = "tCO₂/MWh", .fallback = 0.4173,          \
   .min = 0, .max = 10, .shown_default = shown,                                                        \
   .description = "Grid emission factor: a number or an hourly profile. Default: Korea 2023, "         \
                  "consumption side (ministry, Dec 2025)."}
