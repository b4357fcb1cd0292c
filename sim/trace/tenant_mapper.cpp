// sim/trace/tenant_mapper.cpp — tenant_map validation and lookup. An ordered std::map (not
// unordered_map) so nothing about hashing can leak into which tenant a job gets.
#include "sim/trace/tenant_mapper.hpp"

#include <fmt/format.h>

namespace sovsim::sim {

Result<TenantMapper> TenantMapper::create(const TraceOptions& options,
                                          std::span<const std::string_view> fields,
                                          std::string_view format, const std::string& file) {
  Diagnostics errors;
  std::string valid;
  for (std::string_view f : fields)
    valid += fmt::format("{}{}:<value>", valid.empty() ? "" : ", ", f);
  TenantMapper mapper;
  mapper.default_tenant_ = options.default_tenant;
  for (size_t i = 0; i < options.tenant_map.size(); ++i) {
    const auto& [key, tenant] = options.tenant_map[i];
    const size_t colon = key.find(':');
    const std::string_view field = std::string_view(key).substr(0, colon);
    bool known = false;
    for (std::string_view f : fields) known = known || f == field;
    if (colon == std::string::npos || !known) {
      errors.push_back(Diagnostic{
          file, 0, 0, "tenant_map." + key,
          fields.empty()
              ? fmt::format("expected no tenant_map: the {} format has no user or group field, "
                            "found '{}' (use default_tenant)",
                            format, key)
              : fmt::format("expected a key of the form {} for the {} format, found '{}'", valid,
                            format, key)});
      continue;
    }
    if (mapper.entries_.find(key) == mapper.entries_.end()) {
      mapper.entries_.emplace(key, mapper.tenants_.size());
      mapper.tenants_.push_back(tenant);
    }
  }
  if (!errors.empty()) return errors;
  return mapper;
}

const std::string& TenantMapper::tenant(std::span<const TraceAttribute> attributes,
                                        const std::string& fallback) {
  size_t best = tenants_.size();
  if (!entries_.empty()) {
    for (const TraceAttribute& a : attributes) {
      key_.assign(a.field);
      key_ += ':';
      key_ += a.value;
      const auto it = entries_.find(key_);
      if (it != entries_.end() && it->second < best) best = it->second;
    }
  }
  if (best < tenants_.size()) return tenants_[best];
  if (!fallback.empty()) return fallback;
  ++unmatched_;
  return default_tenant_;
}

}  // namespace sovsim::sim
