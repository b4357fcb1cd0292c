// test/sim/platform/platform_test.cpp — the SimGrid platform has one host per node and the
// routes DESIGN.md asks for (NIC inside a site; NIC, core, both WAN links, core, NIC between
// sites), and each shared link's flow route crosses that link and only its private, unlimited sink link.
// SimGrid allows one engine per process, so each case runs in a forked child (EXPECT_EXIT) and
// reports through its exit code and stderr.
#include "sim/platform/platform.hpp"

#include <gtest/gtest.h>

#include <iostream>

#include "models/catalogs.hpp"
#include "sim/engine/simulation.hpp"

namespace sovsim::sim {
namespace {

Scenario two_sites() {
  Scenario s;
  s.name = "p";
  s.horizon_s = 10;
  s.sites = {Site{"a", {{"H100", 2, 8}, {"B200", 1, 8}}}, Site{"b", {{"H200", 2, 8}}}};
  return s;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
  return out;
}

// Builds the platform in this (child) process and checks it; exits 0 if all holds.
void build_and_check() {
  auto catalog = models::Catalogs::builtin();
  const Scenario s = two_sites();
  Cluster cluster(s.sites);
  Simulation simulation(s.sites, cluster, catalog.value().hardware);
  const Platform& p = simulation.platform();
  bool ok = p.host_count() == 5u;
  const std::string inside = joined(p.route(0, 2));
  const std::string across = joined(p.route(1, 4));
  ok = ok && inside == "a-nic0 a-nic2";
  ok = ok && across == "a-nic1 a-core a-wan b-wan b-core b-nic4";
  // Site a: two node groups, so two leaves (a group starts a leaf), one pod; site b: one leaf.
  // Ids: leaves 0-2, pods 3-4, WAN 5-6, storage 7-8.
  const SharedLinkSet& links = simulation.shared_links();
  ok = ok && links.count() == 9;
  std::string shared;
  for (int id = 0; id < links.count(); ++id) shared += "[" + joined(p.shared_route(id)) + "]";
  ok = ok && shared ==
                 "[a-leaf0-up a-leaf0-up-sink][a-leaf1-up a-leaf1-up-sink]"
                 "[b-leaf2-up b-leaf2-up-sink][a-pod0-up a-pod0-up-sink][b-pod1-up b-pod1-up-sink]"
                 "[a-wan a-wan-sink][b-wan b-wan-sink][a-storage a-storage-sink]"
                 "[b-storage b-storage-sink]";
  std::cerr << "hosts=" << p.host_count() << " inside=[" << inside << "] across=[" << across
            << "] shared=" << shared << "\n";
  std::exit(ok ? 0 : 1);
}

TEST(Platform, OneHostPerNodeAndHandWrittenRoutes) {
  EXPECT_EXIT(build_and_check(), ::testing::ExitedWithCode(0), "hosts=5");
}

}  // namespace
}  // namespace sovsim::sim
