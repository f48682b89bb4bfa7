# Tests for devrun-repl and its CDP client (lib/src/cdp*.c, ws_client.c).
#   unit_lib_cdp    the client: targets, HTTP discovery, dispatch, live round trip
#   unit_repl_*     the REPL's curses-free layers (model, key parser, formatter)
#   cli_repl_*      the binary: line mode (stdin/stdout) and full screen (tmux)
dr_add_unit_test(unit_lib_cdp SOURCES ${DR_TEST_DIR}/unit/lib_cdp.c LABELS "lib;repl")

# Fuzz targets: real libFuzzer binaries with DEVRUN_FUZZ (clang), otherwise
# the same code linked with a replay driver and run over the corpus.
function(dr_repl_fuzz name corpus)
  if(DEVRUN_FUZZ)
    add_executable(fuzz_${name} ${DR_TEST_DIR}/fuzz/${name}.c ${ARGN})
    target_include_directories(fuzz_${name} PRIVATE ${CMAKE_SOURCE_DIR}/repl)
    target_compile_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address)
    target_link_libraries(fuzz_${name} PRIVATE devrun)
    set_target_properties(fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test-bin)
    add_test(NAME fuzz_${name} COMMAND fuzz_${name} -runs=20000 ${DR_TEST_DIR}/fuzz/${corpus})
  else()
    add_executable(fuzz_${name} ${DR_TEST_DIR}/fuzz/${name}.c ${DR_TEST_DIR}/fuzz/cdp_fuzz_driver.c ${ARGN})
    target_link_libraries(fuzz_${name} PRIVATE devrun)
    set_target_properties(fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test-bin)
    add_test(NAME fuzz_${name} COMMAND fuzz_${name} ${DR_TEST_DIR}/fuzz/${corpus})
  endif()
  set_tests_properties(fuzz_${name} PROPERTIES LABELS "fuzz;repl")
endfunction()
# The parsers' own sources are compiled into each target so that libFuzzer's
# coverage instrumentation (only on the target's sources) sees them.
dr_repl_fuzz(cdp_message cdp_message_corpus
  ${CMAKE_SOURCE_DIR}/lib/src/cdp.c ${CMAKE_SOURCE_DIR}/lib/src/cdp_target.c)

# CLI tests: test/cli/repl/NN-name.sh, run with DR_BIN_DIR; exit 77 = skipped
# (node absent, or devrun-js without an inspector yet).  The NN-ui-* ones
# drive the full-screen UI under tmux.
file(GLOB DR_REPL_CLI ${DR_TEST_DIR}/cli/repl/[0-9][0-9]-*.sh)
foreach(script ${DR_REPL_CLI})
  get_filename_component(stem ${script} NAME_WE)
  string(REGEX REPLACE "^[0-9]+-" "" short ${stem})
  add_test(NAME cli_repl_${stem} COMMAND bash ${script})
  set(labels "cli;repl")
  if(short MATCHES "^(ui|reattach)")
    list(APPEND labels tmux)
  endif()
  set_tests_properties(cli_repl_${stem} PROPERTIES
    LABELS "${labels}" SKIP_RETURN_CODE 77 TIMEOUT 120
    ENVIRONMENT "DR_BIN_DIR=${DR_BIN_DIR};LSAN_OPTIONS=suppressions=${DR_TEST_DIR}/cli/repl/lsan.supp:print_suppressions=0")
endforeach()

# Unit tests of the REPL's curses-free layers (repl_core, built by repl/).
if(TARGET repl_core)
  dr_add_unit_test(unit_repl_editor SOURCES ${DR_TEST_DIR}/unit/repl_editor.c LIBS repl_core LABELS repl)
  dr_add_unit_test(unit_repl_format SOURCES ${DR_TEST_DIR}/unit/repl_format.c LIBS repl_core LABELS repl)
  dr_add_unit_test(unit_repl_sourcemap SOURCES ${DR_TEST_DIR}/unit/repl_sourcemap.c LIBS repl_core LABELS repl)
  dr_repl_fuzz(repl_keys repl_keys_corpus
    ${CMAKE_SOURCE_DIR}/repl/keys.c ${CMAKE_SOURCE_DIR}/repl/model.c)
  target_link_libraries(fuzz_repl_keys PRIVATE repl_core)
  dr_repl_fuzz(repl_sourcemap repl_sourcemap_corpus ${CMAKE_SOURCE_DIR}/repl/sourcemap.c)
  target_link_libraries(fuzz_repl_sourcemap PRIVATE repl_core)
endif()
