#!/usr/bin/env python3
"""test/validation/easy_reference.py — an independent, textbook EASY backfilling simulator on a
flat cluster (one slot per processor), used to cross-check sovsim's `easy` policy job by job.

  easy_reference.py generate OUT.swf N SEED     # an overloaded synthetic SWF log (128 procs)
  easy_reference.py check LOG.swf JOBS.csv P    # replay LOG under EASY; compare with sovsim's
                                                # jobs.csv start times; exit 1 on any mismatch
"""
import csv
import heapq
import random
import sys


def generate(out, n, seed):
    rng = random.Random(seed)
    t = 0
    with open(out, "w") as f:
        f.write("; MaxProcs: 128\n; synthetic overloaded log for the EASY cross-check\n")
        for i in range(1, n + 1):
            t += int(rng.expovariate(1 / 40))
            procs = rng.choice([1, 2, 4, 8, 16, 32, 64, 128])
            run = int(rng.lognormvariate(6, 1.5)) + 1
            req = int(run * rng.uniform(1, 4))
            f.write(f"{i} {t} -1 {run} {procs} -1 -1 {procs} {req} -1 1 1 1 -1 1 -1 -1 -1\n")


def check(swf, jobs_csv, procs):
    estimate = {}
    for line in open(swf):
        if line.startswith(";") or not line.strip():
            continue
        f = line.split()
        run, req = float(f[3]), float(f[8])
        estimate[int(f[0])] = req if req > 0 else run
    rows = list(csv.DictReader(open(jobs_csv)))
    jobs = [dict(id=int(r["job_id"]), submit=float(r["submit_s"]), gpus=int(r["gpus"]),
                 dur=float(r["runtime_s"]), start=float(r["start_s"])) for r in rows]
    for j in jobs:
        j["est"] = estimate[j["id"]]
    free, queue, running, starts, nxt, n = procs, [], [], {}, 0, len(jobs)

    def start(i, t):
        nonlocal free
        free -= jobs[i]["gpus"]
        starts[i] = t
        heapq.heappush(running, (t + jobs[i]["dur"], i))
        queue.remove(i)

    while nxt < n or running:
        t = jobs[nxt]["submit"] if nxt < n else float("inf")
        if running:
            t = min(t, running[0][0])
        while running and running[0][0] <= t:  # completions first
            _, i = heapq.heappop(running)
            free += jobs[i]["gpus"]
        while nxt < n and jobs[nxt]["submit"] <= t:  # then arrivals, in trace order
            queue.append(nxt)
            nxt += 1
        while queue and jobs[queue[0]]["gpus"] <= free:
            start(queue[0], t)
        if len(queue) < 2:
            continue
        head = queue[0]
        ends = sorted((max(t, starts[i] + jobs[i]["est"]), jobs[i]["gpus"]) for _, i in running)
        avail, shadow, k = free, t, 0
        while avail < jobs[head]["gpus"]:
            shadow, g = ends[k]
            avail += g
            k += 1
        while k < len(ends) and ends[k][0] <= shadow:
            avail += ends[k][1]
            k += 1
        extra = avail - jobs[head]["gpus"]
        for i in list(queue[1:]):
            if free == 0:
                break
            g = jobs[i]["gpus"]
            if g > free:
                continue
            if t + jobs[i]["est"] <= shadow:
                start(i, t)
            elif g <= extra:
                extra -= g
                start(i, t)
    bad = [(jobs[i]["id"], jobs[i]["start"], starts.get(i)) for i in range(n)
           if starts.get(i) != jobs[i]["start"]]
    print(f"jobs {n} mismatches {len(bad)} {bad[:5]}")
    return 1 if bad or n == 0 else 0


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(check(sys.argv[2], sys.argv[3], int(sys.argv[4])))
