# The model library's file checks (safetensors header, zip + unpickler, manifest).
if(TARGET drs_model_library)
  drs_fuzz_target(model_files SOURCES fuzz_model_files.cpp DEPS drs::model_library
                  CORPUS model_files)
endif()
