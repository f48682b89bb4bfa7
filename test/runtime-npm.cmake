# devrun-js running npm packages that need a runtime flag
# (test/cli/runtime-npm/): jest's ES-module mode on vm.SourceTextModule
# (--experimental-vm-modules), compared with Node 20's recorded output.
# Label cli;runtime;npm.  Each script installs its package once into
# <build>/runtime-npm and exits 77 (skipped) without npm or a reachable
# registry.
if(TARGET devrun-js)
  file(GLOB _dr_rt_npm ${DR_TEST_DIR}/cli/runtime-npm/*.sh)
  foreach(_t ${_dr_rt_npm})
    get_filename_component(_n ${_t} NAME_WE)
    add_test(NAME cli_runtime_npm_${_n} COMMAND sh ${_t} ${DR_BIN_DIR}/devrun-js)
    set_tests_properties(cli_runtime_npm_${_n} PROPERTIES
                         LABELS "cli;runtime;npm" TIMEOUT 300 SKIP_RETURN_CODE 77)
  endforeach()
endif()
