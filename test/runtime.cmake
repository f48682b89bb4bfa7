# devrun-js command-line tests (test/cli/runtime/), label cli;runtime.
if(TARGET devrun-js)
  file(GLOB _dr_rt_cli ${DR_TEST_DIR}/cli/runtime/*.sh)
  foreach(_t ${_dr_rt_cli})
    get_filename_component(_n ${_t} NAME_WE)
    add_test(NAME cli_runtime_${_n} COMMAND sh ${_t} ${DR_BIN_DIR}/devrun-js)
    set_tests_properties(cli_runtime_${_n} PROPERTIES LABELS "cli;runtime" TIMEOUT 180)
  endforeach()
endif()

# devrun --inspect through the bridge: needs the watcher, the runtime and
# the bridge from one build.
if(TARGET devrun-js AND TARGET devrun_cmd AND TARGET devrun-inspect)
  add_test(NAME cli_watch_inspect_bridge COMMAND bash ${DR_TEST_DIR}/cli/watch/inspect-bridge.sh)
  set_tests_properties(cli_watch_inspect_bridge PROPERTIES
    LABELS "cli;watch;inspector;runtime" TIMEOUT 120
    ENVIRONMENT "DEVRUN=${DR_BIN_DIR}/devrun;NO_COLOR=1")
endif()
if(TARGET devrun-js AND TARGET devrun_cmd)
  add_test(NAME cli_watch_deps COMMAND bash ${DR_TEST_DIR}/cli/watch/deps.sh)
  set_tests_properties(cli_watch_deps PROPERTIES
    LABELS "cli;watch;runtime" TIMEOUT 120
    ENVIRONMENT "DEVRUN=${DR_BIN_DIR}/devrun;NO_COLOR=1")
endif()
