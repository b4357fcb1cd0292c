// test/data/impure_models/impure.hpp — a models file that breaks the purity rule, for the test
// that checks cmake/check_models_purity.cmake rejects it.
#pragma once
#include <simgrid/s4u/Engine.hpp>
