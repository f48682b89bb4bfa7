# Comparison checks for the builtin JavaScript modules of devrun-js
# (runtime/lib/**.js): test/js-builtins/harness.js loads them under a real
# Node 20 the way devrun-js does and compares their output with Node's own
# modules.  Registered only when a `node` is found; the product never needs it.
find_program(DR_NODE_FOR_JS_BUILTINS node)
if(DR_NODE_FOR_JS_BUILTINS)
  add_test(NAME js-builtins
    COMMAND ${DR_NODE_FOR_JS_BUILTINS} --expose-internals
            ${CMAKE_CURRENT_LIST_DIR}/js-builtins/harness.js
    WORKING_DIRECTORY ${CMAKE_CURRENT_LIST_DIR}/..)
  set_tests_properties(js-builtins PROPERTIES
    LABELS "js-builtins;noasan"
    TIMEOUT 300)
endif()
