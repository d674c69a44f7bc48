#!/usr/bin/env python3
"""Build step: the first (most common) Mandarin reading of every character in the
pinyin-data table that Debian's golang-github-mozillazg-go-pinyin-dev ships
(pinyin_dict.go, MIT; the same pinyin-data project pypinyin's per-character
dictionary is made from), for the Chinese front end's reading fallback
(engine/lyrics/README.md). Reads the Go map literal as text; nothing is run.
Output, UTF-8, one line per character:  <codepoint> <syllable><tone digit>
(ü written v, neutral tone 5).
Usage: gen_pinyin_readings.py PINYIN_DICT_GO OUTPUT
"""
import os
import re
import sys
import unicodedata

TONE_OF_MARK = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


def tone3(syllable):
    # Decompose: the tone is the combining mark, the letters are what remains
    # (ü keeps its diaeresis and is written v; ê keeps its circumflex).
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = "5"
    letters = []
    for ch in decomposed:
        if ch in TONE_OF_MARK:
            tone = TONE_OF_MARK[ch]
        else:
            letters.append(ch)
    base = unicodedata.normalize("NFC", "".join(letters)).replace("ü", "v")
    if not base or not re.fullmatch(r"[a-zv\u00ea]+", base):
        return None
    return base + tone


def main():
    source, output = sys.argv[1], sys.argv[2]
    lines = []
    entry = re.compile(r'^\s*0x([0-9A-Fa-f]+):\s*"([^"]*)",')
    with open(source, encoding="utf-8") as f:
        for line in f:
            m = entry.match(line)
            if not m:
                continue
            first = m.group(2).split(",")[0]
            reading = tone3(first)
            if reading:
                lines.append(f"{int(m.group(1), 16)} {reading}")
    if not lines:
        sys.exit(f"{source}: no pinyin readings found (not go-pinyin's pinyin_dict.go?)")
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(line + "\n" for line in lines))
    os.replace(tmp, output)


if __name__ == "__main__":
    main()
