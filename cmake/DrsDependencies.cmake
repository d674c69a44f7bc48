# Third-party libraries of the engine. LibTorch: Debian's libtorch-dev (1.13, CPU) by
# default; point Torch_DIR or CMAKE_PREFIX_PATH at another LibTorch (e.g. 2.x CUDA).
include_guard(GLOBAL)

find_package(Torch REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SNDFILE REQUIRED IMPORTED_TARGET sndfile)
pkg_check_modules(SOXR REQUIRED IMPORTED_TARGET soxr)
find_package(nlohmann_json 3.10 REQUIRED)
# oneDNN 2.x (Debian: libdnnl-dev) for the int8 path's matrix products; optional, so that
# the engine still builds against a LibTorch that bundles its own copy (CUDA builds).
# Debian's oneDNN is built with an OpenCL GPU runtime and its CMake file then *requires*
# OpenCL's development files (a fatal error even under QUIET), although the CPU kernels
# never touch OpenCL: without them, go without oneDNN and say why instead of failing.
find_package(OpenCL QUIET)
find_file(DRS_DNNL_CONFIG dnnl-config.cmake
          PATH_SUFFIXES lib/${CMAKE_LIBRARY_ARCHITECTURE}/cmake/dnnl lib/cmake/dnnl)
set(_drs_dnnl_needs_opencl OFF)
if(DRS_DNNL_CONFIG AND NOT OpenCL_FOUND)
  file(STRINGS "${DRS_DNNL_CONFIG}" _drs_ocl REGEX "set\\(DNNL_GPU_RUNTIME \"OCL\"\\)")
  if(_drs_ocl)
    set(_drs_dnnl_needs_opencl ON)
  endif()
endif()
if(_drs_dnnl_needs_opencl)
  message(WARNING "oneDNN's CMake file needs OpenCL's development files (Debian: "
                  "ocl-icd-opencl-dev, scripts/install-deps.sh); building without oneDNN")
else()
  find_package(dnnl 2.6...<3 CONFIG QUIET)
endif()
if(TARGET DNNL::dnnl)
  message(STATUS "int8 products: oneDNN ${dnnl_VERSION} matmul")
else()
  message(STATUS "int8 products: LibTorch's quantized ops (no oneDNN 2.x headers: libdnnl-dev)")
endif()

# libespeak-ng ships no pkg-config/CMake file on every distribution; find it by hand.
find_path(ESPEAK_NG_INCLUDE_DIR espeak-ng/speak_lib.h REQUIRED)
find_library(ESPEAK_NG_LIBRARY espeak-ng REQUIRED)
if(NOT TARGET drs::espeak_ng)
  add_library(drs::espeak_ng UNKNOWN IMPORTED)
  set_target_properties(drs::espeak_ng PROPERTIES IMPORTED_LOCATION "${ESPEAK_NG_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${ESPEAK_NG_INCLUDE_DIR}")
endif()

# Torch's imported target carries its include dirs; wrap it so they are SYSTEM
# includes (no warnings from Torch headers) and TORCH_CXX_FLAGS (ABI macro) apply.
if(NOT TARGET drs::torch)
  add_library(drs_torch INTERFACE)
  add_library(drs::torch ALIAS drs_torch)
  target_link_libraries(drs_torch INTERFACE ${TORCH_LIBRARIES})
  target_include_directories(drs_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
  separate_arguments(_drs_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
  target_compile_options(drs_torch INTERFACE ${_drs_torch_flags})
  # clang with libstdc++ 12 in C++20 instantiates std::vector<c10::IValue> members while
  # IValue is still incomplete in some of LibTorch 1.13's headers ("arithmetic on a
  # pointer to an incomplete type 'c10::IValue'"); declaring IValue completely first
  # lets every Torch translation unit build with clang (the libFuzzer build uses it).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    target_compile_options(drs_torch INTERFACE "SHELL:-include ATen/core/ivalue.h")
  endif()
endif()

# drs_engine_module(name SOURCES ... DEPS ...): one static library per engine block.
function(drs_engine_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(drs_${name} STATIC ${ARG_SOURCES})
  add_library(drs::${name} ALIAS drs_${name})
  target_include_directories(drs_${name} PUBLIC ${DRS_ROOT}/engine/include
                                         PRIVATE ${DRS_ROOT}/engine)
  target_link_libraries(drs_${name} PUBLIC ${ARG_DEPS})
  set_target_properties(drs_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  drs_set_warnings(drs_${name})
endfunction()

if(DRS_BUILD_TESTS)
  find_package(GTest REQUIRED)  # here, so the imported targets are visible to every test folder
endif()
