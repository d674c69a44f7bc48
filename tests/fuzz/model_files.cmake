# The model library's file checks (safetensors header, zip + unpickler, manifest).
if(TARGET drs_model_library)
  # A large corpus (10-minute libFuzzer runs): fewer mutations per file in the replay.
  drs_fuzz_target(model_files SOURCES fuzz_model_files.cpp DEPS drs::model_library
                  CORPUS model_files MUTATIONS 60)
endif()
