# The Torch-free ONNX reader (engine/onnx): linked with nothing else.
if(TARGET drs_onnx_format)
  drs_fuzz_target(onnx SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_onnx.cpp DEPS drs::onnx_format
                  CORPUS onnx)
endif()
