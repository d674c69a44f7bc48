# The downloaded config.json readers (DiT, MuQ-MuLan text and audio towers, XLM-R). The
# MuLan readers are compiled in from engine/mulan (Torch headers only for the audio
# tower's structs), so the target does not link the Torch networks they configure.
if(TARGET drs_model_library AND TARGET drs_weights)
  drs_fuzz_target(model_configs
                  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_model_configs.cpp
                          ${DRS_ROOT}/engine/mulan/audio_tower_config.cpp
                          ${DRS_ROOT}/engine/mulan/config_fields.cpp
                          ${DRS_ROOT}/engine/mulan/style_encoder_config.cpp
                  DEPS drs::model_library drs::weights CORPUS model_configs MUTATIONS 20)
endif()
