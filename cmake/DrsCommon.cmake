# Settings shared by the whole project and by the stand-alone engine build.
include_guard(GLOBAL)

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "" FORCE)
endif()

find_program(DRS_CCACHE ccache)
if(DRS_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${DRS_CCACHE})
endif()

# Repository root, whichever CMakeLists.txt was the entry point.
get_filename_component(DRS_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)

# Default fixture folder for golden tests (overridden at run time by DRS_REFERENCE_DIR).
set(DRS_DEFAULT_REFERENCE_DIR "${DRS_ROOT}/../shared/reference" CACHE PATH
    "Golden fixtures used when DRS_REFERENCE_DIR is not set")

# drs_set_warnings(target): our own code compiles warning-clean; third-party headers
# (Torch, Qt) come in as SYSTEM includes through their imported targets.
function(drs_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wcast-align -Wunused
                                           -Woverloaded-virtual)
  if(DRS_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# drs_embed_binary(input output symbol): writes a C++ fragment defining
# `constexpr unsigned char symbol[] = {...};` with the bytes of `input`, so data files
# are compiled in and the engine has no run-time data dependency.
function(drs_embed_binary input output symbol)
  file(READ ${input} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  file(WRITE ${output}.tmp "constexpr unsigned char ${symbol}[] = {${bytes}};\n")
  file(COPY_FILE ${output}.tmp ${output} ONLY_IF_DIFFERENT)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${input})
endfunction()
