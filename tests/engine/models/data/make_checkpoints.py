#!/usr/bin/python3
"""Small checkpoints in the official PyTorch format for the model library's tests.

Run with Debian's python3-torch (1.13): `/usr/bin/python3 make_checkpoints.py`.
Each `<name>.pt` is written by torch.save exactly as the official files are (zip +
pickle protocol 2, typed storages, OrderedDict with _metadata), and `<name>.reference.safetensors`
Each `<name>.expected.json` lists, per tensor in state-dict order, the dtype, shape
and SHA-256 of its bytes laid out contiguously — what a converter must reproduce bit
for bit (kept small instead of a second copy of the weights).
"""
import collections
import hashlib
import json

import torch

torch.manual_seed(1234)


def write_expected(path, tensors, key):
    dtypes = {torch.float16: "F16", torch.float32: "F32", torch.bfloat16: "BF16",
              torch.int64: "I64", torch.bool: "BOOL", torch.float64: "F64"}
    out = []
    for name, t in tensors.items():
        t = t.detach().contiguous()
        raw = t.view(torch.int16).numpy().tobytes() if t.dtype == torch.bfloat16 else t.numpy().tobytes()
        out.append({"name": name, "dtype": dtypes[t.dtype], "shape": list(t.shape),
                    "sha256": hashlib.sha256(raw).hexdigest()})
    with open(path, "w") as f:
        json.dump({"kind": "torch_checkpoint_conversion", "key": key, "tensors": out}, f, indent=1)


def tiny_dit(full):
    """State dict of a tiny DiffRhythm DiT (MODEL.md §2.5 names, shapes from the config)."""
    cfg = {"dim": 16, "depth": 2, "heads": 32, "ff_mult": 2, "mel_dim": 8,
           "text_num_embeds": 10, "text_dim": 16, "conv_layers": 1}
    d, c, td = cfg["dim"], 512, cfg["text_dim"]
    shapes = collections.OrderedDict()
    for te in ["time_embed", "start_time_embed"] + (["duration_time_embed"] if full else []):
        shapes[f"{te}.time_mlp.0.weight"] = [c, 256]
        shapes[f"{te}.time_mlp.0.bias"] = [c]
        shapes[f"{te}.time_mlp.2.weight"] = [c, c]
        shapes[f"{te}.time_mlp.2.bias"] = [c]
    shapes["text_embed.text_embed.weight"] = [cfg["text_num_embeds"] + 1, td]
    for k in range(cfg["conv_layers"]):
        p = f"text_embed.text_blocks.{k}."
        shapes.update({p + "dwconv.weight": [td, 1, 7], p + "dwconv.bias": [td],
                       p + "norm.weight": [td], p + "norm.bias": [td],
                       p + "pwconv1.weight": [2 * td, td], p + "pwconv1.bias": [2 * td],
                       p + "grn.gamma": [1, 1, 2 * td], p + "grn.beta": [1, 1, 2 * td],
                       p + "pwconv2.weight": [td, 2 * td], p + "pwconv2.bias": [td]})
    shapes["input_embed.proj.weight"] = [d, 2 * cfg["mel_dim"] + td + 2 * c]
    shapes["input_embed.proj.bias"] = [d]
    for i in ("0", "2"):
        shapes[f"input_embed.conv_pos_embed.conv1d.{i}.weight"] = [d, d // 16, 31]
        shapes[f"input_embed.conv_pos_embed.conv1d.{i}.bias"] = [d]
    for i in range(cfg["depth"]):
        p = f"transformer_blocks.{i}."
        for proj in ("q", "k", "v", "o"):
            shapes[p + f"self_attn.{proj}_proj.weight"] = [d, d]
        shapes[p + "mlp.gate_proj.weight"] = [d * cfg["ff_mult"], d]
        shapes[p + "mlp.up_proj.weight"] = [d * cfg["ff_mult"], d]
        shapes[p + "mlp.down_proj.weight"] = [d, d * cfg["ff_mult"]]
        shapes[p + "input_layernorm.weight"] = [d]
        shapes[p + "post_attention_layernorm.weight"] = [d]
    for j in range(cfg["depth"] // 2):
        shapes[f"text_fusion_linears.{j}.0.weight"] = [d, td]
        shapes[f"text_fusion_linears.{j}.0.bias"] = [d]
    shapes["norm_out.linear.weight"] = [2 * d, c]
    shapes["norm_out.linear.bias"] = [2 * d]
    shapes["proj_out.weight"] = [cfg["mel_dim"], d]
    shapes["proj_out.bias"] = [cfg["mel_dim"]]
    sd = collections.OrderedDict(("transformer." + k, torch.randn(s).half()) for k, s in shapes.items())
    sd._metadata = collections.OrderedDict([("", {"version": 1})])
    return cfg, sd


cfg, sd = tiny_dit(full=False)
torch.save({"model_state_dict": sd}, "tiny_cfm_model.pt")
write_expected("tiny_cfm_model.expected.json", sd, "model_state_dict")
with open("tiny_cfm_model.config.json", "w") as f:
    json.dump({"model_type": "diffrhythm", "model": cfg}, f, indent=1)

# Layouts a converter must get right; the top level is the state dict itself
# (as MuQ-MuLan's pytorch_model.bin).
base = torch.arange(24, dtype=torch.float32).reshape(4, 6)
shared = torch.randn(10)
layouts = collections.OrderedDict([
    ("contiguous.f32", torch.randn(3, 5)),
    ("transposed.f32", base.t()),                 # strides (1, 6)
    ("slice.of.shared", shared[3:8]),             # storage offset 3
    ("whole.shared", shared),                     # same storage, saved once
    ("column.strided", base[:, 1]),               # stride 6
    ("bf16", torch.randn(2, 3).to(torch.bfloat16)),
    ("f16.scalar", torch.tensor(1.5, dtype=torch.float16)),
    ("i64", torch.arange(-3, 4, dtype=torch.int64)),
    ("bool", torch.tensor([True, False, True])),
    ("empty", torch.zeros(0, 4)),
    ("parameter", torch.nn.Parameter(torch.randn(2, 2))),
])
torch.save(layouts, "layouts.pt")
write_expected("layouts.expected.json", layouts, "")

# Refused: a checkpoint whose pickle calls something other than tensor rebuilding.
torch.save({"model_state_dict": collections.OrderedDict(w=torch.ones(2)), "opt": collections.Counter("ab")},
           "foreign_global.pt")
