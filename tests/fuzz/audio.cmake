# Reference songs through libsndfile (from memory) and the 10 s clip rule with libsoxr:
# links only the Torch-free audio reader.
if(TARGET drs_audio_input)
  drs_fuzz_target(audio SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_audio.cpp DEPS drs::audio_input
                  CORPUS audio)
endif()
