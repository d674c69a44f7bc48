# LRC text -> drs::analyze_lyrics (parser, G2P through espeak-ng, placement).
drs_fuzz_target(lrc SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_lrc.cpp DEPS drs::lyrics CORPUS lrc)
