#!/usr/bin/env python3
"""Build step: converts the data of Debian's python3-jieba (0.42.1, MIT) into the compact
resource the C++ segmenter embeds (engine/lyrics/chinese/jieba_data.*).

Reads only data files (dict.txt and the finalseg tables as Python literals); nothing of
jieba is imported or run. Output, UTF-8 text, one record per line:
  DRSJIEBA 1
  total <sum of every dict.txt frequency, duplicates included, as jieba counts>
  words <n>
  <word> <freq>            n lines, sorted by UTF-8 bytes, a later duplicate wins
  start <B> <E> <M> <S>    HMM log probabilities (repr: exact doubles)
  trans <from> <to> <logp> one line per transition jieba knows
  emit <state> <n>
  <codepoint> <logp>       n lines per state
Usage: gen_jieba_data.py JIEBA_DIR OUTPUT
"""
import ast
import os
import sys


def literal(path):
    # The tables are files of the form `P = {...}`: read the dict literal, never exec.
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "P":
            return ast.literal_eval(node.value)
    raise SystemExit(f"{path}: no P = {{...}} table")


def main():
    jieba_dir, output = sys.argv[1], sys.argv[2]
    freq = {}
    total = 0
    with open(os.path.join(jieba_dir, "dict.txt"), "rb") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip().decode("utf-8")
            fields = line.split(" ")[:2]
            if len(fields) != 2:
                raise SystemExit(f"dict.txt:{lineno}: invalid entry {line!r}")
            word, count = fields[0], int(fields[1])
            freq[word] = count
            total += count
    seg = os.path.join(jieba_dir, "finalseg")
    start = literal(os.path.join(seg, "prob_start.py"))
    trans = literal(os.path.join(seg, "prob_trans.py"))
    emit = literal(os.path.join(seg, "prob_emit.py"))
    out = [f"DRSJIEBA 1", f"total {total}", f"words {len(freq)}"]
    for word in sorted(freq, key=lambda w: w.encode("utf-8")):
        if " " in word or "\n" in word or not word:
            raise SystemExit(f"dict.txt: unusable word {word!r}")
        out.append(f"{word} {freq[word]}")
    out.append("start " + " ".join(repr(float(start[s])) for s in "BEMS"))
    for a in "BEMS":
        for b in sorted(trans[a]):
            out.append(f"trans {a} {b} {float(trans[a][b])!r}")
    for s in "BEMS":
        table = emit[s]
        out.append(f"emit {s} {len(table)}")
        for ch in sorted(table):
            if len(ch) != 1:
                raise SystemExit(f"prob_emit: key {ch!r} is not one character")
            out.append(f"{ord(ch)} {float(table[ch])!r}")
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, output)


if __name__ == "__main__":
    main()
