# rdv_add_test(NAME <target> SOURCES <files...> LIBS <targets...> LABELS <labels...> [TIMEOUT s])
#
# One doctest executable; each TEST_CASE becomes a ctest test with the given labels and timeout.
# Labels in use: runtime (sim + script: run under tsan too), ui (needs a display: Xvfb),
# unit, app, slow (not in the default suite). tools/test.sh runs every label but slow.
# TEST_CASE names must not contain '[', ']' or ';': doctest_discover_tests passes the names
# through CMake lists, and such a name is cut there. A cut name selects no test case, and
# doctest passes a run of none: every test fails when doctest says it ran "test cases: 0".
# Every test runs with GOCACHE=<build tree>/go-build-cache: the tests that build Go programs as
# their oracle share one Go cache there, instead of one per test process left in /tmp.
# Files a test writes go in its process's scratch folder (tests/support/scratch.h).
include_guard(GLOBAL)

# A shared doctest main, compiled once.
if(NOT TARGET rdv_doctest_main)
  file(WRITE ${CMAKE_BINARY_DIR}/rdv_doctest_main.cpp
       "#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN\n#include <doctest/doctest.h>\n")
  add_library(rdv_doctest_main STATIC ${CMAKE_BINARY_DIR}/rdv_doctest_main.cpp)
  target_link_libraries(rdv_doctest_main PUBLIC doctest::doctest)
endif()

function(rdv_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE rdv_doctest_main ${T_LIBS})
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  rdv_warnings(${T_NAME})
  doctest_discover_tests(${T_NAME}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    ADD_LABELS 0
    PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
               ENVIRONMENT "GOCACHE=${PROJECT_BINARY_DIR}/go-build-cache"
               FAIL_REGULAR_EXPRESSION "test cases: +0 ")
endfunction()

# A test that runs the app: rdv_add_test's arguments; it links the launcher
# (tests/support/process.cpp), defines RDV_EXE (the app) and RDV_SOURCE_DIR, and builds the app
# first. Under ASan the app runs with ASan and UBSan but without the leak check: Mesa's OpenGL
# driver is dlclose()d when the window closes, so LeakSanitizer reports its allocations from an
# "<unknown module>" that no suppression can name; our code's leaks are checked by the unit
# tests, which run the same code without a GL driver.
function(rdv_app_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  rdv_add_test(NAME ${T_NAME}
    SOURCES ${T_SOURCES} ${PROJECT_SOURCE_DIR}/tests/support/process.cpp
    LIBS ${T_LIBS}
    LABELS ${T_LABELS}
    TIMEOUT ${T_TIMEOUT})
  target_compile_definitions(${T_NAME} PRIVATE RDV_EXE="$<TARGET_FILE:rendezvous>"
                                               RDV_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_dependencies(${T_NAME} rendezvous)
  if(RDV_SANITIZE STREQUAL "address")
    target_compile_definitions(${T_NAME} PRIVATE RDV_APP_ENV="ASAN_OPTIONS=detect_leaks=0")
  endif()
endfunction()
