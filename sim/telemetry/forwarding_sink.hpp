// sim/telemetry/forwarding_sink.hpp — a TelemetrySink placed in front of another: every event
// goes on to `inner`, and a subclass overrides only the events it also watches (calling the
// base to forward). The service meter and the Chrome trace recorder are such tees; without
// them the controller reports straight to the ledger.
#pragma once

#include "sim/telemetry/telemetry_sink.hpp"

namespace sovsim::sim {

class ForwardingSink : public TelemetrySink {
 public:
  explicit ForwardingSink(TelemetrySink& inner) : inner_(inner) {}

  void job_started(JobIndex index, const Job& job, double now_s) override {
    inner_.job_started(index, job, now_s);
  }
  void job_stopped(JobIndex index, const Job& job, double now_s) override {
    inner_.job_stopped(index, job, now_s);
  }
  void work_lost(JobIndex index, const Job& job, Loss cause, double work_s, double now_s) override {
    inner_.work_lost(index, job, cause, work_s, now_s);
  }
  void checkpoint_written(JobIndex index, const Job& job, double spent_s) override {
    inner_.checkpoint_written(index, job, spent_s);
  }
  void network_stretched(JobIndex index, const Job& job, double stretch_s) override {
    inner_.network_stretched(index, job, stretch_s);
  }
  void hbm_stretched(JobIndex index, const Job& job, double stretch_s) override {
    inner_.hbm_stretched(index, job, stretch_s);
  }
  void job_interrupted(JobIndex index, const Job& job) override {
    inner_.job_interrupted(index, job);
  }
  void capacity_changed(int pool, int owner, int64_t delta_gpus, double now_s) override {
    inner_.capacity_changed(pool, owner, delta_gpus, now_s);
  }
  void instant_done(double now_s) override { inner_.instant_done(now_s); }

 private:
  TelemetrySink& inner_;
};

}  // namespace sovsim::sim
