# cmake/check_models_purity.cmake — fails the build if a file under models/ includes SimGrid, xbt
# or the engine (sim/): the models are pure functions, testable without the engine
# (DESIGN.md). Run by the build before sovsim_models compiles: cmake -DDIR=models -P this.
file(GLOB_RECURSE files "${DIR}/*.hpp" "${DIR}/*.cpp" "${DIR}/*.h")
set(bad "")
foreach(f ${files})
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](simgrid/|xbt/|xbt\\.h|simgrid\\.h|sim/)")
  foreach(line ${lines})
    string(APPEND bad "\n  ${f}: ${line}")
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "models/ must stay pure (no SimGrid, xbt or sim/ includes):${bad}")
endif()
file(WRITE "${STAMP}" "ok\n")
