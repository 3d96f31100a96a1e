# rdv_warnings(target): the one place that sets warnings for every target of the project.
function(rdv_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
  if(RDV_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
