# Test helper run by test_jieba_crosscheck.cpp with Debian's /usr/bin/python3: one JSON
# string per input line -> one JSON list (jieba.lcut, accurate mode, HMM on) per line.
import json
import logging
import sys

import jieba

jieba.setLogLevel(logging.WARNING)
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as dst:
    for line in src:
        dst.write(json.dumps(jieba.lcut(json.loads(line), cut_all=False, HMM=True)) + "\n")
