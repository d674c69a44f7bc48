# The Chinese lyrics data folder (lexicon, pinyin table, BERT vocabulary, polyphone
# characters and classes) and the front end run with it.
drs_fuzz_target(chinese_data SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_chinese_data.cpp
                DEPS drs::lyrics CORPUS chinese_data MUTATIONS 20)
