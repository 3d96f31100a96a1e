# Tests of the Lua binding (rdv_script). Label `runtime`: they drive real task threads, so they
# also run under the tsan preset. The Go cross-check lives in tests/crosscheck/ (no ctest folder
# of its own: it is registered here, with the script layer it checks).
if(TARGET rdv_script)
  rdv_add_test(NAME script_tests
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/binding_test.cpp
            ${CMAKE_CURRENT_LIST_DIR}/lua_scripts_test.cpp
    LIBS rdv_script
    LABELS runtime
    TIMEOUT 300)
  rdv_add_test(NAME crosscheck_tests
    SOURCES ${PROJECT_SOURCE_DIR}/tests/crosscheck/crosscheck_test.cpp
    LIBS rdv_script
    LABELS crosscheck
    TIMEOUT 300)
endif()
# Variables: the assignment finder, VarSet events of a run and the model's reading of them.
if(TARGET rdv_script AND TARGET rdv_model)
  rdv_add_test(NAME vars_tests
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/vars_test.cpp
    LIBS rdv_script rdv_model rdv_trace
    LABELS runtime
    TIMEOUT 120)
endif()
