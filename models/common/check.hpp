// models/common/check.hpp — SOVSIM_CHECK(cond, message): a broken invariant is a bug, so the
// program stops with the file, line and message — in release builds too (unlike assert), since
// a wrong number from a silently broken model is worse than a crash. Not for bad input: input
// errors travel as Diagnostics (result.hpp).
#pragma once

#include <cstdio>
#include <cstdlib>

#define SOVSIM_CHECK(cond, message)                                                      \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "sovsim: internal error: %s:%d: check failed: %s: %s\n",     \
                   __FILE__, __LINE__, #cond, message);                                  \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)
