#!/usr/bin/python3
"""Seeds for fuzz_hf_cache: folder trees in the target's record format
(@@d<path> / @@f<path>\\n<bytes> / @@l<path>\\n<target>, see fuzz_hf_cache.cpp) in the
layouts the model library imports and reads: a Hugging Face cache (refs/main,
snapshots/<rev>/ links into blobs/, a hub/ folder, a snapshot found by date), a folder of
files under their local names, an already converted DiT with its config, and a store
with a set's manifest and the Chinese lyrics component.
Run from this folder: /usr/bin/python3 make_hf_cache_seeds.py"""
import json
import os
import struct

REV = "a1b2c3d4"
# The official DiT config (config/diffrhythm-1b.json's fields).
DIT_CONFIG = json.dumps({"model_type": "diffrhythm", "model": {
    "dim": 2048, "depth": 16, "heads": 32, "ff_mult": 4, "text_dim": 512, "conv_layers": 4,
    "mel_dim": 64, "text_num_embeds": 363}}).encode()
ZIP = b"PK\x03\x04" + bytes(26) + b"archive/data.pkl\x80\x02}q\x00."


def safetensors(tensors):
    header, offset = {}, 0
    for name, shape in tensors.items():
        size = 2
        for d in shape:
            size *= d
        header[name] = {"dtype": "F16", "shape": shape, "data_offsets": [offset, offset + size]}
        offset += size
    text = json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + bytes(offset)


def repo_files(repo, files, rev=REV, refs=True, hub=""):
    folder = hub + "models--" + repo.replace("/", "--")
    out = [("d", folder + "/snapshots/" + rev, None)]
    if refs:
        out.append(("f", folder + "/refs/main", rev.encode() + b"\n"))
    for i, (name, data) in enumerate(files.items()):
        blob = "%040x" % (i + 1)
        out.append(("f", folder + "/blobs/" + blob, data))
        out.append(("l", folder + "/snapshots/" + rev + "/" + name, b"../../blobs/" + blob.encode()))
    return out


def write(name, records):
    out = b""
    for kind, path, data in records:
        out += b"@@" + kind.encode() + path.encode()
        if data is not None:
            out += b"\n" + data
        out += b"\n"
    with open(os.path.join("hf_cache", name), "wb") as f:
        f.write(out)
    print(name, len(out), "bytes")


os.makedirs("hf_cache", exist_ok=True)
base = (repo_files("ASLP-lab/DiffRhythm-1_2", {"cfm_model.pt": ZIP, "config.json": DIT_CONFIG})
        + repo_files("ASLP-lab/DiffRhythm-vae", {"vae_model.pt": ZIP})
        + repo_files("OpenMuQ/MuQ-MuLan-large", {"config.json": b"{}", "pytorch_model.bin": ZIP})
        + repo_files("OpenMuQ/MuQ-large-msd-iter", {"config.json": b"{}"})
        + repo_files("FacebookAI/xlm-roberta-base",
                     {"sentencepiece.bpe.model": bytes(range(32)), "config.json": b"{}"}))
write("hub_cache_base_set", base)
write("hub_folder_full_dit_no_refs",
      repo_files("ASLP-lab/DiffRhythm-1_2-full", {"cfm_model.pt": ZIP, "config.json": b"{\"dim\": 64}"},
                 refs=False, hub="hub/"))
write("snapshot_converted_dit",
      [("d", "models--ASLP-lab--DiffRhythm-1_2/snapshots/" + REV, None)]
      + repo_files("ASLP-lab/DiffRhythm-1_2", {
          "dit.safetensors": safetensors({"transformer.time_embed.weight": [2, 3]}),
          "config.json": DIT_CONFIG}))
write("refs_main_to_missing_snapshot",
      [("f", "models--ASLP-lab--DiffRhythm-vae/refs/main", b"../escape\n"),
       ("d", "models--ASLP-lab--DiffRhythm-vae/snapshots/old", None),
       ("f", "models--ASLP-lab--DiffRhythm-vae/snapshots/old/vae_model.pt", b"not a zip")])
write("plain_folder_local_names",
      [("f", "dit_config.json", DIT_CONFIG), ("f", "cfm_model.pt", ZIP), ("f", "vae_model.pt", ZIP),
       ("f", "mulan_config.json", b"[]"), ("f", "muq_config.json", b"{\"a\":1}"),
       ("f", "xlmr_config.json", b"{}"), ("f", "xlmr_sentencepiece.bpe.model", b"short"),
       ("l", "mulan_model.bin", b"cfm_model.pt"), ("l", "loop", b"loop")])
manifest = json.dumps({"format": "drs-model-set", "version": 1, "id": "diffrhythm-1_2-base",
                       "name": "Base", "max_frames": 2048, "files": [
                           {"name": "dit.safetensors", "size": 8, "sha256": "0" * 64,
                            "format": "safetensors", "component": "dit"}],
                       "licences": [{"component": "dit", "licence": "Apache-2.0"}]}).encode()
write("store_with_set_and_chinese_lyrics",
      [("d", "diffrhythm-1_2-base", None), ("f", "diffrhythm-1_2-base/manifest.json", manifest),
       ("f", "diffrhythm-1_2-base/dit.safetensors", safetensors({"x": [1]})),
       ("f", "chinese-lyrics/chinese_lexicon.txt", "你好\tni3 hao3\n".encode()),
       ("f", "chinese-lyrics/g2p_chinese_model/poly_bert_model.onnx", b"\x08\x07"),
       ("f", "chinese-lyrics/manifest.json", b"{\"format\": \"drs-model-set\", \"id\": \"chinese-lyrics\"}")])
