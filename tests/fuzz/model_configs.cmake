# The downloaded config.json readers (DiT, MuQ-MuLan text and audio towers, XLM-R). The
# DiT and text-tower readers are in drs_model_library; the audio tower's is compiled in
# from engine/mulan (Torch headers only for its structs), so the target does not link
# the Torch networks they configure.
if(TARGET drs_model_library AND TARGET drs_weights)
  drs_fuzz_target(model_configs
                  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_model_configs.cpp
                          ${DRS_ROOT}/engine/mulan/audio_tower_config.cpp
                  DEPS drs::model_library drs::weights CORPUS model_configs MUTATIONS 20)
endif()
