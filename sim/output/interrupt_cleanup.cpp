// sim/output/interrupt_cleanup.cpp — see interrupt_cleanup.hpp.
#include "sim/output/interrupt_cleanup.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

namespace sovsim::sim {
namespace {

namespace fs = std::filesystem;

// Guards the registry; held by InterruptsHeldOff and by the watcher while it cleans up.
std::recursive_mutex& registry_mutex() {
  static std::recursive_mutex m;
  return m;
}

std::map<uint64_t, fs::path>& registry() {
  static std::map<uint64_t, fs::path> paths;
  return paths;
}

uint64_t next_id = 0;
int deferring = 0;                      // live InterruptsDeferred; guarded by registry_mutex()
std::atomic<int> deferred_signal{0};   // the first signal taken while deferring

// Whether there was anything to remove: a signal after the outputs were committed finds none.
bool remove_registered() {
  bool any = false;
  for (const auto& [id, path] : registry()) {
    std::error_code present;
    any = any || fs::exists(fs::symlink_status(path, present));
    // The main thread keeps running meanwhile and may create a file in a directory being
    // removed; a few attempts are enough for the one file it writes at a time.
    for (int attempt = 0; attempt < 10; ++attempt) {
      std::error_code ec;
      fs::remove_all(path, ec);
      if (!ec && !fs::exists(fs::symlink_status(path, ec))) break;
    }
  }
  return any;
}

[[noreturn]] void watch(sigset_t signals) {
  int sig = 0;
  for (;;) {
    while (sigwait(&signals, &sig) != 0) {
    }
    std::lock_guard lock(registry_mutex());
    if (deferring == 0) break;
    int none = 0;
    deferred_signal.compare_exchange_strong(none, sig);
  }
  std::lock_guard lock(registry_mutex());  // waits for a held-off step to finish
  const bool removed = remove_registered();
  const char* message =
      sig == SIGINT ? (removed ? "sovsim: interrupted by SIGINT; unfinished outputs removed\n"
                               : "sovsim: interrupted by SIGINT\n")
                    : (removed ? "sovsim: terminated by SIGTERM; unfinished outputs removed\n"
                               : "sovsim: terminated by SIGTERM\n");
  [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message, std::strlen(message));
  ::_exit(128 + sig);
}

}  // namespace

void install_interrupt_cleanup() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread(watch, signals).detach();
}

RemoveOnInterrupt::RemoveOnInterrupt(fs::path path) {
  std::lock_guard lock(registry_mutex());
  id_ = next_id++;
  registry().emplace(id_, std::move(path));
}

RemoveOnInterrupt::~RemoveOnInterrupt() {
  std::lock_guard lock(registry_mutex());
  registry().erase(id_);
}

InterruptsDeferred::InterruptsDeferred() {
  std::lock_guard lock(registry_mutex());
  ++deferring;
}

InterruptsDeferred::~InterruptsDeferred() {
  std::lock_guard lock(registry_mutex());
  --deferring;
}

int interrupt_signal() { return deferred_signal.load(); }

InterruptsHeldOff::InterruptsHeldOff() { registry_mutex().lock(); }

InterruptsHeldOff::~InterruptsHeldOff() { registry_mutex().unlock(); }

}  // namespace sovsim::sim
