# Unit tests for lib/ (libdevrun).
dr_add_unit_test(unit_lib_buf SOURCES ${DR_TEST_DIR}/unit/lib_buf.c LABELS lib)
dr_add_unit_test(unit_lib_err SOURCES ${DR_TEST_DIR}/unit/lib_err.c LABELS lib)
