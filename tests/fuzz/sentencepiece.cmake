drs_fuzz_target(sentencepiece SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_sentencepiece.cpp DEPS drs::sentencepiece
                CORPUS sentencepiece)
