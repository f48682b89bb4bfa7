# JavaScript conformance corpus (test/js/, see docs/testing.md): one CTest
# test per case, named js/<family>/<name>, labels "js;runtime", run by
# test/js/run against ${DR_BIN_DIR}/devrun-js.  Expected failures listed in
# test/js/KNOWN_FAILURES exit 77 and show as skipped, not failed.
# js/v8check compiles every case with the V8 devrun-js embeds, so that no case
# relies on syntax newer than V8 10.2.  Registered only when the runtime is
# built (DEVRUN_RUNTIME=ON).
if(TARGET devrun-js)
  find_package(Python3 COMPONENTS Interpreter)
  if(NOT Python3_Interpreter_FOUND)
    message(WARNING "python3 not found: the JavaScript corpus (test/js) is not registered")
  else()
    # Re-configure when a case is added or removed.
    file(GLOB_RECURSE _dr_js_corpus CONFIGURE_DEPENDS LIST_DIRECTORIES true
         ${DR_TEST_DIR}/js/*)
    execute_process(
      COMMAND ${Python3_EXECUTABLE} ${DR_TEST_DIR}/js/run --list
      OUTPUT_VARIABLE _dr_js_cases
      RESULT_VARIABLE _dr_js_rc
      OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT _dr_js_rc EQUAL 0)
      message(WARNING "test/js/run --list failed; the JavaScript corpus is not registered")
    else()
      string(REPLACE "\n" ";" _dr_js_cases "${_dr_js_cases}")
      foreach(_case IN LISTS _dr_js_cases)
        add_test(NAME js/${_case}
                 COMMAND ${Python3_EXECUTABLE} ${DR_TEST_DIR}/js/run
                         --runtime ${DR_BIN_DIR}/devrun-js ${_case})
        set_tests_properties(js/${_case} PROPERTIES
                             LABELS "js;runtime"
                             SKIP_RETURN_CODE 77
                             TIMEOUT 30)
      endforeach()
    endif()
    # No case may use syntax newer than the V8 devrun-js embeds (10.2).
    add_test(NAME js/v8check COMMAND ${Python3_EXECUTABLE} ${DR_TEST_DIR}/js/v8check)
    set_tests_properties(js/v8check PROPERTIES LABELS "js;runtime" TIMEOUT 300)
  endif()
endif()
