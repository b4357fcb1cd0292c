// sim/trace/tenant_mapper.hpp — turns a trace record's owner fields (SWF user/group/queue,
// Philly/Helios user and virtual cluster, ...) into a sovsim tenant via TraceOptions::tenant_map,
// whose keys are "<field>:<value>", first entry wins. Used by every trace reader.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/common/result.hpp"
#include "sim/trace/trace_options.hpp"

namespace sovsim::sim {

// One owner field of a trace record, e.g. {"user", "12"}.
struct TraceAttribute {
  std::string_view field;
  std::string_view value;
};

class TenantMapper {
 public:
  // Checks every tenant_map key is "<field>:<value>" with `field` one of `fields` (what the
  // format offers; may be empty). Errors name `file` and the key "tenant_map.<key>".
  static Result<TenantMapper> create(const TraceOptions& options,
                                     std::span<const std::string_view> fields,
                                     std::string_view format, const std::string& file);

  // Tenant of a record: the first tenant_map entry matching one of `attributes`; otherwise
  // `fallback` if not empty; otherwise default_tenant (counted in unmatched()).
  const std::string& tenant(std::span<const TraceAttribute> attributes,
                            const std::string& fallback = {});

  int64_t unmatched() const { return unmatched_; }
  bool has_map() const { return !entries_.empty(); }

 private:
  // "<field>:<value>" -> position in tenant_map of its first entry (first match wins).
  std::map<std::string, size_t, std::less<>> entries_;
  std::vector<std::string> tenants_;
  std::string default_tenant_;
  std::string key_;  // scratch, reused to build lookup keys
  int64_t unmatched_ = 0;
};

}  // namespace sovsim::sim
