# Model manager parsers (Qt side): only in builds with the desktop app.
if(TARGET drs_model_manager)
  drs_fuzz_target(model_files SOURCES fuzz_model_files.cpp DEPS drs_model_manager
                  CORPUS model_files)
endif()
