# Tests for watch/ (the `devrun` watcher and supervisor).
#   unit: the ignore matcher, debounce batch, hash cache, configuration
#   cli:  test/cli/watch/NN-*.sh drive the real binary on real files
#   fuzz: the ignore-pattern and configuration parsers (libFuzzer with
#         -DDEVRUN_FUZZ=ON; otherwise a replay of the seed corpus)
if(NOT TARGET devrun_watch)
  return()
endif()

foreach(t ignore debounce hashcache config)
  dr_add_unit_test(unit_watch_${t} SOURCES ${DR_TEST_DIR}/unit/watch_${t}.c LIBS devrun_watch LABELS watch)
endforeach()

file(GLOB DR_WATCH_CLI_TESTS ${DR_TEST_DIR}/cli/watch/[0-9][0-9]-*.sh)
foreach(script ${DR_WATCH_CLI_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME cli_watch_${name} COMMAND bash ${script})
  set_tests_properties(cli_watch_${name} PROPERTIES
    LABELS "cli;watch"
    TIMEOUT 240
    ENVIRONMENT "DEVRUN=${DR_BIN_DIR}/devrun;NO_COLOR=1")
endforeach()

set(DR_WATCH_FUZZ_TARGETS ignore config)
foreach(t ${DR_WATCH_FUZZ_TARGETS})
  set(src ${DR_TEST_DIR}/fuzz/watch_${t}_fuzz.c)
  if(DEVRUN_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    add_executable(fuzz_watch_${t} ${src} ${DR_WATCH_SOURCES})
    target_include_directories(fuzz_watch_${t} PRIVATE ${DR_TEST_DIR}/../watch)
    target_compile_options(fuzz_watch_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_watch_${t} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(fuzz_watch_${t} PRIVATE devrun PkgConfig::UV PkgConfig::XXHASH PkgConfig::JANSSON)
    set_target_properties(fuzz_watch_${t} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
    add_test(NAME fuzz_watch_${t} COMMAND fuzz_watch_${t} -runs=20000 -max_len=4096
             ${DR_TEST_DIR}/fuzz/watch_corpus/${t})
  else()
    add_executable(fuzz_watch_${t}_replay ${src} ${DR_TEST_DIR}/fuzz/watch_fuzz_replay.c)
    target_link_libraries(fuzz_watch_${t}_replay PRIVATE devrun_watch)
    set_target_properties(fuzz_watch_${t}_replay PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/test-bin)
    add_test(NAME fuzz_watch_${t} COMMAND fuzz_watch_${t}_replay ${DR_TEST_DIR}/fuzz/watch_corpus/${t})
  endif()
  set_tests_properties(fuzz_watch_${t} PROPERTIES LABELS "fuzz;watch")
endforeach()
