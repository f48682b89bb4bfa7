# Comparison checks for the builtin JavaScript modules of devrun-js
# (runtime/lib/**.js): test/js-builtins/harness.js loads them under a real
# Node 20 the way devrun-js does and compares their output with Node's own
# modules.  Registered only when a `node` is found; the product never needs it.
find_program(DR_NODE_FOR_JS_BUILTINS node)
if(DR_NODE_FOR_JS_BUILTINS)
  # The reference is Node 20's behaviour (and its internal bindings).
  execute_process(COMMAND ${DR_NODE_FOR_JS_BUILTINS} --version
    OUTPUT_VARIABLE DR_NODE_VERSION OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE DR_NODE_VERSION_RC)
  if(NOT DR_NODE_VERSION_RC EQUAL 0 OR NOT DR_NODE_VERSION MATCHES "^v20\\.")
    message(STATUS "js-builtins: node ${DR_NODE_VERSION} is not Node 20; comparison tests skipped")
    unset(DR_NODE_FOR_JS_BUILTINS CACHE)
    set(DR_NODE_FOR_JS_BUILTINS "")
  endif()
endif()
if(DR_NODE_FOR_JS_BUILTINS)
  add_test(NAME js-builtins
    COMMAND ${DR_NODE_FOR_JS_BUILTINS} --expose-internals
            ${CMAKE_CURRENT_LIST_DIR}/js-builtins/harness.js
    WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR}/..)
  set_tests_properties(js-builtins PROPERTIES
    LABELS "js-builtins;noasan"
    TIMEOUT 300)
endif()

# The same modules inside the real runtime: programs in js-builtins/programs
# run under Node and under devrun-js must print the same (needs both).
if(DR_NODE_FOR_JS_BUILTINS AND TARGET devrun-js)
  add_test(NAME js-builtins-devrun
    COMMAND ${DR_NODE_FOR_JS_BUILTINS}
            ${CMAKE_CURRENT_LIST_DIR}/js-builtins/run-programs.js
            $<TARGET_FILE:devrun-js>)
  set_tests_properties(js-builtins-devrun PROPERTIES
    LABELS "js-builtins;noasan"
    TIMEOUT 300)
endif()
