# Folder trees the model library imports and reads (Hugging Face cache, store).
if(TARGET drs_model_library)
  drs_fuzz_target(hf_cache SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_hf_cache.cpp
                  DEPS drs::model_library CORPUS hf_cache MUTATIONS 20)
endif()
