#!/usr/bin/python3
"""Seeds for fuzz_chinese_data: small Chinese data folders in the official file formats
(lexicon "word<TAB>pinyin pinyin", pinyin table "syllable<TAB>bopomofo", BERT vocabulary
one token per line, polyphonic characters one per line, polydict.json {"class": "char{py}"}),
parts separated by 0xFF, optionally followed by a lyric. Written by hand for the fuzzer;
no official data is copied. Run from this folder: /usr/bin/python3 make_chinese_data_seeds.py"""
import json
import os

lexicon = ("你\tni3\n好\thao3\n我\two3\n很\then3\n不\tbu4\n一\tyi1\n行\txing2\n长\tchang2\n"
           "小孩儿\txiao3 hai2 r5\n你好\tni3 hao3\n银行\tyin2 hang2\n哼\thng1\n欸\tê4\n")
table = ("ni\tㄋㄧ\nhao\tㄏㄠ\nwo\tㄨㄛ\nhen\tㄏㄣ\nbu\tㄅㄨ\nyi\tㄧ\nxing\tㄒㄧㄥ\n"
         "chang\tㄔㄤ\nhang\tㄏㄤ\nyin\tㄧㄣ\nxiao\tㄒㄧㄠ\nhai\tㄏㄞ\nr\tㄦ\n")
vocab = "[PAD]\n" + "".join(f"[unused{i}]\n" for i in range(1, 100)) + "[UNK]\n[CLS]\n[SEP]\n" + \
    "".join(c + "\n" for c in "你好我很不一行长小孩儿银哼欸")
polychars = "行\n长\n一\n不\n"
polydict = json.dumps({"1": "行{xing2}", "2": "行{hang2}", "3": "长{chang2}", "4": "长{zhang3}",
                       "5": "一{yi1}", "6": "不{bu4}", "7": "no reading"}, ensure_ascii=False)

def seed(name, *parts):
    with open(os.path.join("chinese_data", name), "wb") as f:
        f.write(b"\xff".join(p.encode("utf-8") for p in parts))

os.makedirs("chinese_data", exist_ok=True)
seed("full_folder", lexicon, table, vocab, polychars, polydict, "你好，我很好。银行长不一样")
seed("lexicon_words_as_lyric", lexicon, table, vocab, polychars, polydict)
seed("bundled_small_files", lexicon)
seed("crlf_and_bom", "\ufeff" + lexicon.replace("\n", "\r\n"), table.replace("\n", "\r\n"))
seed("duplicate_and_odd_entries", lexicon + "你\tni2\n空\t\n多\tduo1 duo1 duo1\n", table, vocab,
     polychars, json.dumps({"1": "x{}", "2": "{", "99999999999": "a{b}"}))
seed("numbers_and_latin", lexicon, table, vocab, polychars, polydict, "一二三 123 abc 45%")
