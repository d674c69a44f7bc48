#!/usr/bin/env python3
"""Writes an audio-tower safetensors file as MuQ-MuLan's pytorch_model.bin holds it: a
torch.save'd plain state dict. With --parametrizations, the unused pos_conv_embed's
weight-norm halves get the names torch >= 2.1 saves (parametrizations.weight.original0/1)
instead of weight_g/weight_v. Uses only Debian's python3-torch; the safetensors header is
parsed by hand.

usage: audio_tower_to_pytorch_bin.py IN.safetensors OUT.bin [--parametrizations]
"""
import collections
import json
import struct
import sys

import torch

DTYPES = {"F32": torch.float32, "F16": torch.float16, "I64": torch.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    body = data[8 + n:]
    out = collections.OrderedDict()
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        t = torch.frombuffer(bytearray(body[begin:end]), dtype=DTYPES[info["dtype"]])
        out[name] = t.reshape(info["shape"]).clone()
    return out


def main():
    sd = read_safetensors(sys.argv[1])
    if "--parametrizations" in sys.argv:
        renamed = collections.OrderedDict()
        for name, t in sd.items():
            name = name.replace("pos_conv_embed.conv.weight_g",
                                "pos_conv_embed.conv.parametrizations.weight.original0")
            name = name.replace("pos_conv_embed.conv.weight_v",
                                "pos_conv_embed.conv.parametrizations.weight.original1")
            renamed[name] = t
        sd = renamed
    torch.save(sd, sys.argv[2])


if __name__ == "__main__":
    main()
