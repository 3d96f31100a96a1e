# Sanitizer presets: RDV_SANITIZE=thread (TSan, for the runtime) or address (ASan + UBSan).
if(RDV_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
elseif(RDV_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(NOT RDV_SANITIZE STREQUAL "")
  message(FATAL_ERROR "RDV_SANITIZE must be '', 'thread' or 'address'")
endif()
