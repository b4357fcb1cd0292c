// test/sim/trace/tenant_mapper_test.cpp — tenant_map keys and the first-match-wins rule.
#include "sim/trace/tenant_mapper.hpp"

#include <gtest/gtest.h>

namespace sovsim::sim {
namespace {

constexpr std::string_view kFields[] = {"user", "vc"};

TEST(TenantMapper, FirstEntryInMapOrderWins) {
  TraceOptions o;
  o.tenant_map = {{"vc:v1", "from-vc"}, {"user:u1", "from-user"}, {"vc:v1", "ignored-repeat"}};
  auto mapper = TenantMapper::create(o, kFields, "philly", "f");
  ASSERT_TRUE(mapper.ok());
  const TraceAttribute both[] = {{"user", "u1"}, {"vc", "v1"}};
  EXPECT_EQ(mapper.value().tenant(both), "from-vc");  // vc entry is listed first
  const TraceAttribute user_only[] = {{"user", "u1"}, {"vc", "v2"}};
  EXPECT_EQ(mapper.value().tenant(user_only), "from-user");
  const TraceAttribute none[] = {{"user", "u9"}, {"vc", "v9"}};
  EXPECT_EQ(mapper.value().tenant(none), "default");
  EXPECT_EQ(mapper.value().tenant(none, "fallback"), "fallback");
  EXPECT_EQ(mapper.value().unmatched(), 1);
}

TEST(TenantMapper, ValuesMayContainColons) {
  TraceOptions o;
  o.tenant_map = {{"user:a:b", "t"}};
  auto mapper = TenantMapper::create(o, kFields, "philly", "f");
  ASSERT_TRUE(mapper.ok());
  const TraceAttribute user[] = {{"user", "a:b"}};
  EXPECT_EQ(mapper.value().tenant(user), "t");
}

TEST(TenantMapper, RejectsKeysWithoutAKnownField) {
  TraceOptions o;
  o.tenant_map = {{"u1", "a"}, {"group:1", "b"}, {"user:x", "c"}};
  const auto mapper = TenantMapper::create(o, kFields, "philly", "f");
  ASSERT_FALSE(mapper.ok());
  ASSERT_EQ(mapper.diagnostics().size(), 2u);
  EXPECT_EQ(mapper.diagnostics()[0].key, "tenant_map.u1");
  EXPECT_EQ(mapper.diagnostics()[1].key, "tenant_map.group:1");
}

}  // namespace
}  // namespace sovsim::sim
