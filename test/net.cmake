# Tests of the runtime's network modules beyond the conformance corpus
# (test/js/{tls,https,ws,fetch,cluster}/ run through test/js.cmake):
#   cli_net_*   test/cli/net/NN-*.sh drive devrun-js against real clients and
#               npm packages: ws (installed at test time into the build tree;
#               skipped when npm cannot install it), curl over https with a
#               certificate made by the openssl CLI, cluster workers.
#               03- and later run real npm apps (express, koa, the socket.io
#               chat, the redis client against redis-server, express with
#               sessions in Redis) from
#               test/cli/net/apps/, installed by `npm ci` of its pinned lock
#               at test time, and compare their responses with Node 20's
#               recorded in test/cli/net/apps/expected/ (record-apps).
#               They need devrun-js, so they carry the "noasan" label.
if(NOT TARGET devrun-js)
  return()
endif()
file(GLOB DR_NET_CLI_TESTS CONFIGURE_DEPENDS ${DR_TEST_DIR}/cli/net/[0-9][0-9]-*.sh)
foreach(t ${DR_NET_CLI_TESTS})
  get_filename_component(n ${t} NAME_WE)
  add_test(NAME cli_net_${n} COMMAND bash ${t})
  set_tests_properties(cli_net_${n} PROPERTIES LABELS "cli;runtime;noasan" TIMEOUT 240
                       ENVIRONMENT "DR_BIN_DIR=${DR_BIN_DIR}" SKIP_RETURN_CODE 77)
endforeach()
