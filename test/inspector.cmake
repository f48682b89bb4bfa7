# Tests of the inspector (inspector/, runtime/engine/engine_inspector.cc,
# runtime/src/inspector_hooks.c, binding_inspector.c, lib/inspector.js).
#   unit_insp_http        Host guard, routing, discovery JSON, address parsing
#   cli_inspector_*       real clients against devrun-js and devrun-inspect:
#                         chrome-remote-interface (npm, installed at test time
#                         into the build tree), `node inspect`, curl-free HTTP
#                         checks from node, the restart bridge.  They need
#                         devrun-js, so they carry the "noasan" label.
#   fuzz_inspector_http   the HTTP rules under libFuzzer (DEVRUN_FUZZ) or
#                         replayed over the corpus.
if(NOT TARGET insp_server)
  return()
endif()

dr_add_unit_test(unit_insp_http SOURCES ${DR_TEST_DIR}/unit/insp_http.c LIBS insp_server
                 LABELS "inspector")

if(DEVRUN_FUZZ)
  add_executable(fuzz_inspector_http ${DR_TEST_DIR}/fuzz/inspector_http.c)
  target_compile_options(fuzz_inspector_http PRIVATE -fsanitize=fuzzer,address)
  target_link_options(fuzz_inspector_http PRIVATE -fsanitize=fuzzer,address)
  target_link_libraries(fuzz_inspector_http PRIVATE insp_server)
  set_target_properties(fuzz_inspector_http PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test-bin)
  # new inputs go to a scratch corpus in the build tree, not the source tree
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz-corpus/inspector_http)
  add_test(NAME fuzz_inspector_http COMMAND fuzz_inspector_http -runs=50000
           ${CMAKE_BINARY_DIR}/fuzz-corpus/inspector_http ${DR_TEST_DIR}/fuzz/inspector_http_corpus)
else()
  add_executable(fuzz_inspector_http ${DR_TEST_DIR}/fuzz/inspector_http.c
                 ${DR_TEST_DIR}/fuzz/cdp_fuzz_driver.c)
  target_link_libraries(fuzz_inspector_http PRIVATE insp_server)
  set_target_properties(fuzz_inspector_http PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test-bin)
  add_test(NAME fuzz_inspector_http COMMAND fuzz_inspector_http ${DR_TEST_DIR}/fuzz/inspector_http_corpus)
endif()
set_tests_properties(fuzz_inspector_http PROPERTIES LABELS "fuzz;inspector")

# devrun-inspect alone (no runtime needed): usage, list against a fake endpoint
file(GLOB DR_INSP_BRIDGE_TESTS ${DR_TEST_DIR}/cli/inspector/bridge-*.sh)
foreach(t ${DR_INSP_BRIDGE_TESTS})
  get_filename_component(n ${t} NAME_WE)
  add_test(NAME cli_inspector_${n} COMMAND bash ${t})
  set_tests_properties(cli_inspector_${n} PROPERTIES LABELS "cli;inspector" TIMEOUT 60
                       ENVIRONMENT "DR_BIN_DIR=${DR_BIN_DIR}" SKIP_RETURN_CODE 77)
endforeach()

if(NOT TARGET devrun-js)
  return()
endif()
file(GLOB DR_INSP_CLI_TESTS ${DR_TEST_DIR}/cli/inspector/[0-9][0-9]-*.sh)
foreach(t ${DR_INSP_CLI_TESTS})
  get_filename_component(n ${t} NAME_WE)
  add_test(NAME cli_inspector_${n} COMMAND bash ${t})
  set_tests_properties(cli_inspector_${n} PROPERTIES LABELS "cli;inspector;noasan" TIMEOUT 120
                       ENVIRONMENT "DR_BIN_DIR=${DR_BIN_DIR}" SKIP_RETURN_CODE 77)
endforeach()
