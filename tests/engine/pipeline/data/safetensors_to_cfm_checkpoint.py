#!/usr/bin/env python3
"""Writes a DiT safetensors file as the official cfm_model.pt would hold it: torch.save of
{"model_state_dict": state dict, ...}, plus entries the official loader (strict=False)
ignores. Uses only Debian's python3-torch; the safetensors header is parsed by hand.

usage: safetensors_to_cfm_checkpoint.py IN.safetensors OUT.pt [--strided NAME]
"""
import collections
import json
import struct
import sys

import torch

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "F64": torch.float64, "I32": torch.int32}


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
    src, dst = sys.argv[1], sys.argv[2]
    sd = read_safetensors(src)
    if "--strided" in sys.argv:  # one tensor saved as a transposed view of its storage
        name = sys.argv[sys.argv.index("--strided") + 1]
        sd[name] = sd[name].t().contiguous().t()
    sd["transformer.rotary_emb.inv_freq"] = torch.ones(4)
    torch.save({"model_state_dict": sd, "step": 1000}, dst)


if __name__ == "__main__":
    main()
