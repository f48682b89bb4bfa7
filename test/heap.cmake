# Tests for heap/ (devrun-heap).
#   unit: parser (errors with byte offsets, meta-driven strides), graph
#         algorithms and class aggregates on hand-made graphs, GC traces
#   cli:  test/cli/heap/NN-*.sh drive the real binary: usage, bad input,
#         snapshots of a known program made by Node at test time, recorded
#         GC traces, and the exactness fixtures (figures recorded from
#         Chrome DevTools' and memlab's own code)
#   fuzz: the snapshot parser and the GC-trace parser (libFuzzer with
#         -DDEVRUN_FUZZ=ON; otherwise a replay of the seed corpus)
if(NOT TARGET heap_core)
  return()
endif()

foreach(t parse graph gc)
  dr_add_unit_test(unit_heap_${t} SOURCES ${DR_TEST_DIR}/unit/heap_${t}.c LIBS heap_core LABELS heap)
  target_include_directories(unit_heap_${t} PRIVATE ${DR_TEST_DIR}/unit)
endforeach()

file(GLOB DR_HEAP_CLI_TESTS ${DR_TEST_DIR}/cli/heap/[0-9][0-9]-*.sh)
foreach(script ${DR_HEAP_CLI_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME cli_heap_${name} COMMAND bash ${script})
  set_tests_properties(cli_heap_${name} PROPERTIES
    LABELS "cli;heap"
    TIMEOUT 300
    SKIP_RETURN_CODE 77
    ENVIRONMENT "DEVRUN_HEAP=${DR_BIN_DIR}/devrun-heap;DEVRUN_JS=${DR_BIN_DIR}/devrun-js;HEAP_TEST_DIR=${DR_TEST_DIR}/heap;NO_COLOR=1")
endforeach()
# the devrun-js interop test needs the runtime (not built under ASan)
if(TEST cli_heap_07-devrun-js)
  set_tests_properties(cli_heap_07-devrun-js PROPERTIES LABELS "cli;heap;runtime")
endif()

foreach(t snapshot gctrace)
  set(src ${DR_TEST_DIR}/fuzz/heap_${t}_fuzz.c)
  if(DEVRUN_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    add_executable(fuzz_heap_${t} ${src})
    target_compile_options(fuzz_heap_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_heap_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_heap_${t} PRIVATE heap_core)
    set_target_properties(fuzz_heap_${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
    add_test(NAME fuzz_heap_${t} COMMAND fuzz_heap_${t} -runs=20000 -max_len=8192
             ${DR_TEST_DIR}/fuzz/heap_corpus/${t})
  else()
    add_executable(fuzz_heap_${t}_replay ${src} ${DR_TEST_DIR}/fuzz/heap_fuzz_replay.c)
    target_link_libraries(fuzz_heap_${t}_replay PRIVATE heap_core)
    set_target_properties(fuzz_heap_${t}_replay PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test-bin)
    add_test(NAME fuzz_heap_${t} COMMAND fuzz_heap_${t}_replay ${DR_TEST_DIR}/fuzz/heap_corpus/${t})
  endif()
  set_tests_properties(fuzz_heap_${t} PROPERTIES LABELS "fuzz;heap")
endforeach()
