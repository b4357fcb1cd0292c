// sim/output/interrupt_cleanup.hpp — ending the process cleanly on SIGINT or SIGTERM. The signals
// are blocked in every thread and taken by one watcher thread (sigwait), so no code runs in a
// signal handler and SimGrid's own SIGINT handler never fires. On a signal the watcher removes
// every path registered by a live RemoveOnInterrupt (output staging directories, temporary
// files), prints one line to stderr and ends the process with _exit(128 + signal): 130 for
// SIGINT, 143 for SIGTERM. _exit skips static destructors, so a simulation cut mid-way prints
// none of SimGrid's teardown warnings. The engine needs no knowledge of any of this.
#pragma once

#include <cstdint>
#include <filesystem>

namespace sovsim::sim {

// Call first thing in main(), before any other thread exists (threads inherit the signal mask).
// Without it (unit tests), registrations are kept but nothing watches for signals.
void install_interrupt_cleanup();

// While alive, `path` (a file or a directory tree) is removed if the process is interrupted.
class RemoveOnInterrupt {
 public:
  explicit RemoveOnInterrupt(std::filesystem::path path);
  ~RemoveOnInterrupt();
  RemoveOnInterrupt(const RemoveOnInterrupt&) = delete;
  RemoveOnInterrupt& operator=(const RemoveOnInterrupt&) = delete;

 private:
  uint64_t id_;
};

// While alive, an interrupt waits: for steps that must not be cut half-way (swapping an output
// directory into place). The watcher handles the signal as soon as this ends.
class InterruptsHeldOff {
 public:
  InterruptsHeldOff();
  ~InterruptsHeldOff();
  InterruptsHeldOff(const InterruptsHeldOff&) = delete;
  InterruptsHeldOff& operator=(const InterruptsHeldOff&) = delete;
};

// While alive, SIGINT/SIGTERM do not end the process: the watcher only records the signal, which
// interrupt_signal() returns, and the owner ends the process itself (exit code 128 + signal).
class InterruptsDeferred {
 public:
  InterruptsDeferred();
  ~InterruptsDeferred();
  InterruptsDeferred(const InterruptsDeferred&) = delete;
  InterruptsDeferred& operator=(const InterruptsDeferred&) = delete;
};

// The first SIGINT/SIGTERM received while interrupts were deferred, or 0.
int interrupt_signal();

}  // namespace sovsim::sim
