# rdv_add_test(NAME <target> SOURCES <files...> LIBS <targets...> LABELS <labels...> [TIMEOUT s])
#
# One doctest executable; each TEST_CASE becomes a ctest test with the given labels and timeout.
# Labels in use: runtime (sim + script: run under tsan too), ui (needs a display: Xvfb),
# unit, app, slow (not in the default suite). tools/test.sh runs every label but slow.
# TEST_CASE names must not contain '[', ']' or ';': doctest_discover_tests passes the names
# through CMake lists, and such a name breaks the whole executable's registration.
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
    PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT})
endfunction()
