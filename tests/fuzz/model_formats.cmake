# Torch-free model-file parsers (engine/models): linked with nothing else.
if(TARGET drs_model_formats)
  drs_fuzz_target(model_formats SOURCES fuzz_model_formats.cpp DEPS drs::model_formats
                  CORPUS model_formats)
endif()
