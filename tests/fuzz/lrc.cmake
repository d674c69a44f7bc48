# LRC text -> drs::analyze_lyrics (parser, G2P through espeak-ng, placement).
# The corpus is large (10-minute libFuzzer runs): fewer mutations per file keep the replay
# within a CI minute or two.
drs_fuzz_target(lrc SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_lrc.cpp DEPS drs::lyrics CORPUS lrc
                MUTATIONS 80)
