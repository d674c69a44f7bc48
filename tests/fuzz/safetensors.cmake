drs_fuzz_target(safetensors SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_safetensors.cpp DEPS drs::weights
                CORPUS safetensors)
