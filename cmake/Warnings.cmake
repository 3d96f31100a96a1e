# rdv_warnings(target): the one place that sets warnings for every target of the project.
function(rdv_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
  # GCC 12 reports -Wrestrict false positives inside libstdc++'s std::string at -O2/-O3
  # (GCC bug 105329: string concatenation "may overlap"), so optimised builds would fail
  # with -Werror on correct code. Later GCCs fixed it; keep the warning where it works.
  # Likewise its -Wnull-dereference fires inside libstdc++'s <streambuf> once inlining is on
  # (optimised builds: release, tsan); Debug builds keep the warning.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict
                           $<$<NOT:$<CONFIG:Debug>>:-Wno-null-dereference>)
  endif()
  # Clang checks the runtime's lock annotations (sim/lock.h); the `tsa` preset builds sim/ so.
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(${target} PRIVATE -Wthread-safety)
  endif()
  if(RDV_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
