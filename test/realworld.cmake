# Real-program suite (test/realworld/, see docs/runtime-realworld.md): popular
# npm packages' own command-line tools and documented examples (tsc, js-yaml,
# marked, terser, mocha, prettier, ...) run by devrun-js and compared with the
# output Node 20 gave for them.  One CTest test per case, named
# realworld/<case>, labels "realworld;runtime;js".
#
# The packages are pinned in test/realworld/package-lock.json and installed by
# the fixture test realworld/setup (test/realworld/setup: `npm ci` into
# test/realworld/node_modules, skipped when already installed).  Without npm or
# the registry the setup and every case exit 77 and show as skipped, not
# failed; so do the cases listed in test/realworld/KNOWN_FAILURES that still
# fail (one that passes fails, so the list cannot go stale).
if(TARGET devrun-js)
  find_package(Python3 COMPONENTS Interpreter)
  if(NOT Python3_Interpreter_FOUND)
    message(WARNING "python3 not found: the real-program suite (test/realworld) is not registered")
  else()
    file(GLOB _dr_rw_cmds CONFIGURE_DEPENDS ${DR_TEST_DIR}/realworld/cases/*/case.cmd)
    add_test(NAME realworld/setup COMMAND ${DR_TEST_DIR}/realworld/setup)
    set_tests_properties(realworld/setup PROPERTIES
                         LABELS "realworld;runtime;js"
                         FIXTURES_SETUP realworld_setup
                         SKIP_RETURN_CODE 77
                         TIMEOUT 600)
    foreach(_cmd IN LISTS _dr_rw_cmds)
      get_filename_component(_dir ${_cmd} DIRECTORY)
      get_filename_component(_case ${_dir} NAME)
      add_test(NAME realworld/${_case}
               COMMAND ${Python3_EXECUTABLE} ${DR_TEST_DIR}/realworld/run
                       --runtime ${DR_BIN_DIR}/devrun-js ${_case})
      set_tests_properties(realworld/${_case} PROPERTIES
                           LABELS "realworld;runtime;js"
                           FIXTURES_REQUIRED realworld_setup
                           SKIP_RETURN_CODE 77
                           TIMEOUT 180)
    endforeach()
  endif()
endif()
