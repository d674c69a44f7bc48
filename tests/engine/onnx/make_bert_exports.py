#!/usr/bin/python3
"""Writes small BERT-like ONNX exports of our own module with torch.onnx.export, and
the module's own forward outputs, for the ONNX interpreter tests.

Usage: make_bert_exports.py OUT_DIR [--bench | --errors]
  OUT_DIR/<name>.onnx   the export (input input_ids [batch, seq] -> outputs [batch, seq-1, classes])
  OUT_DIR/<name>.json   {"name", "config", "cases": [{"input_ids": [[...]], "logits": [...], "shape": [...]}]}
--errors writes small hand-made models the loader must refuse (and valid_tiny.onnx).
--bench writes only bench.onnx: the polyphone model's real size (6 layers, hidden 384,
12 heads, vocab 21128, 391 classes) with random weights.

The exports differ on purpose in depth/width and in how they are written (opset 11, 14,
17; LayerNorm decomposed or LayerNormalization; erf or tanh GELU; separate or fused QKV;
attention mask from the ids or none; int32 or int64 ids), so nothing in the interpreter
can depend on one export's layout.
"""
import json
import math
import sys

import torch
from torch import nn


class Layer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h, self.heads = cfg["hidden"], cfg["heads"]
        self.fused = cfg.get("fused_qkv", False)
        if self.fused:
            self.qkv = nn.Linear(h, 3 * h)
        else:
            self.q, self.k, self.v = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.proj = nn.Linear(h, h)
        self.norm1 = nn.LayerNorm(h, eps=1e-12)
        self.ff1 = nn.Linear(h, cfg["ffn"])
        self.ff2 = nn.Linear(cfg["ffn"], h)
        self.norm2 = nn.LayerNorm(h, eps=1e-12)
        self.gelu = cfg.get("gelu", "none")

    def split_heads(self, x):
        b, n, h = x.shape
        return x.view(b, n, self.heads, h // self.heads).transpose(1, 2)

    def forward(self, x, bias):
        if self.fused:
            q, k, v = self.qkv(x).chunk(3, dim=-1)
        else:
            q, k, v = self.q(x), self.k(x), self.v(x)
        q, k, v = self.split_heads(q), self.split_heads(k), self.split_heads(v)
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1])
        if bias is not None:
            scores = scores + bias
        ctx = torch.softmax(scores, dim=-1) @ v
        b, _, n, d = ctx.shape
        ctx = ctx.transpose(1, 2).reshape(b, n, self.heads * d)
        x = self.norm1(x + self.proj(ctx))
        y = self.ff2(nn.functional.gelu(self.ff1(x), approximate=self.gelu))
        return self.norm2(x + y)


class TinyPolyBert(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h = cfg["hidden"]
        self.cfg = cfg
        self.words = nn.Embedding(cfg["vocab"], h)
        self.positions = nn.Embedding(cfg["max_positions"], h)
        self.types = nn.Embedding(2, h)
        self.norm = nn.LayerNorm(h, eps=1e-12)
        self.layers = nn.ModuleList(Layer(cfg) for _ in range(cfg["layers"]))
        self.classifier = nn.Linear(h, cfg["classes"])
        if cfg.get("buffers", False):
            self.register_buffer("position_ids", torch.arange(cfg["max_positions"]).expand((1, -1)))
            self.register_buffer("type_ids", torch.zeros((1, cfg["max_positions"]), dtype=torch.long))

    def forward(self, input_ids):
        ids = input_ids.long()
        b, n = ids.shape
        if self.cfg.get("buffers", False):  # sliced/expanded buffers, an all-ones mask
            pos = self.position_ids[:, 0:n]
            types = self.type_ids[:, :n].expand(b, n)
        else:
            pos = torch.arange(n, device=ids.device).unsqueeze(0)
            types = torch.zeros_like(ids)
        x = self.norm(self.words(ids) + self.positions(pos) + self.types(types))
        bias = None
        if self.cfg.get("buffers", False):
            mask = torch.ones((b, n), dtype=x.dtype)[:, None, None, :]
            bias = (1.0 - mask) * torch.finfo(x.dtype).min
        if self.cfg.get("mask_padding", False):  # id 0 = [PAD]: masked as a key
            keep = (ids != 0).unsqueeze(1).unsqueeze(2)
            bias = torch.where(keep, torch.zeros((), dtype=x.dtype),
                               torch.full((), -10000.0, dtype=x.dtype))
        for layer in self.layers:
            x = layer(x, bias)
        x = x[:, 1:, :]
        if self.cfg.get("flat_classifier", False):  # 2-D input: exported as Gemm
            b, m, h = x.shape
            return self.classifier(x.reshape(b * m, h)).reshape(b, m, -1)
        return self.classifier(x)


CONFIGS = [
    {"name": "l1_h16", "layers": 1, "hidden": 16, "heads": 2, "ffn": 32, "vocab": 600,
     "max_positions": 128, "classes": 29, "opset": 14, "ids": "int32", "seed": 11},
    {"name": "l3_h48", "layers": 3, "hidden": 48, "heads": 4, "ffn": 96, "vocab": 3000,
     "max_positions": 256, "classes": 391, "opset": 17, "ids": "int64", "seed": 12,
     "gelu": "tanh", "mask_padding": True},
    {"name": "l2_h32_opset11", "layers": 2, "hidden": 32, "heads": 8, "ffn": 64, "vocab": 400,
     "max_positions": 64, "classes": 57, "opset": 11, "ids": "int32", "seed": 13,
     "fused_qkv": True, "flat_classifier": True},
    {"name": "l2_h24_buffers", "layers": 2, "hidden": 24, "heads": 3, "ffn": 40, "vocab": 700,
     "max_positions": 96, "classes": 391, "opset": 13, "ids": "int64", "seed": 15, "buffers": True},
]

BENCH = {"name": "bench", "layers": 6, "hidden": 384, "heads": 12, "ffn": 1536, "vocab": 21128,
         "max_positions": 512, "classes": 391, "opset": 14, "ids": "int32", "seed": 14}


def build(cfg):
    torch.manual_seed(cfg["seed"])
    model = TinyPolyBert(cfg).eval()
    with torch.no_grad():  # larger than default weights, so that the classes differ
        for p in model.parameters():
            if p.dim() > 1:
                p.normal_(0.0, 0.5 if p.shape[0] == cfg["classes"] else 0.2)
    return model


def export(model, cfg, path):
    dtype = torch.int32 if cfg["ids"] == "int32" else torch.int64
    example = torch.tensor([[101, 5, 7, 9]], dtype=dtype)
    torch.onnx.export(model, (example,), path, input_names=["input_ids"], output_names=["outputs"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"},
                                    "outputs": {0: "batch", 1: "seq_minus_1"}},
                      opset_version=cfg["opset"], do_constant_folding=True)
    return dtype


def cases(model, cfg, dtype):
    gen = torch.Generator().manual_seed(cfg["seed"] + 100)
    result = []
    lengths = [2, 5, 17, 40, cfg["max_positions"]]
    for n in lengths:
        ids = torch.randint(1, cfg["vocab"], (1, n), generator=gen, dtype=torch.int64)
        ids[0, 0] = 101
        if cfg.get("mask_padding") and n > 4:
            ids[0, -2:] = 0  # padding keys
        result.append(ids)
    result.append(torch.randint(1, cfg["vocab"], (2, 9), generator=gen))  # a batch of two
    out = []
    with torch.no_grad():
        for ids in result:
            logits = model(ids.to(dtype))
            out.append({"input_ids": ids.tolist(), "shape": list(logits.shape),
                        "logits": [float(v) for v in logits.flatten()]})
    return out


def write_error_models(out_dir):
    """Models the loader must refuse, each with one fault (python3-onnx's helper)."""
    import onnx
    from onnx import TensorProto, helper

    def save(name, nodes, inputs, outputs, inits=()):
        graph = helper.make_graph(nodes, name, inputs, outputs, list(inits))
        onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)]),
                  f"{out_dir}/{name}.onnx")

    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT32, ["batch", "seq"])
    logits = helper.make_tensor_value_info("outputs", TensorProto.FLOAT, ["batch", "seq_minus_1", 3])
    table = helper.make_tensor("table", TensorProto.FLOAT, [128, 3], [0.5] * 384)
    gather = helper.make_node("Gather", ["table", "input_ids"], ["emb"], name="embed")
    cut = [helper.make_node("Constant", [], [n], name=n, value=helper.make_tensor(n, TensorProto.INT64, [1], [v]))
           for n, v in (("one", 1), ("big", 1 << 30), ("axis", 1))]
    cut.append(helper.make_node("Slice", ["emb", "one", "big", "axis"], ["outputs"], name="drop_cls"))
    save("valid_tiny", [gather] + cut, [ids], [logits], [table])
    save("unsupported_op", [gather, helper.make_node("CumSum", ["emb", "axis"], ["summed"], name="running_sum"),
                            helper.make_node("Einsum", ["summed"], ["e"], name="contract", equation="ijk->ijk")]
         + cut[:3] + [helper.make_node("Slice", ["e", "one", "big", "axis"], ["outputs"], name="drop_cls")],
         [ids], [logits], [table])
    float_ids = helper.make_tensor_value_info("input_ids", TensorProto.FLOAT, ["batch", "seq"])
    save("float_input", [helper.make_node("Cast", ["input_ids"], ["i"], name="cast", to=TensorProto.INT64),
                         helper.make_node("Gather", ["table", "i"], ["emb"], name="embed")] + cut,
         [float_ids], [logits], [table])
    second = helper.make_tensor_value_info("emb", TensorProto.FLOAT, None)
    save("two_outputs", [gather] + cut, [ids], [logits, second], [table])
    rank2 = helper.make_tensor_value_info("outputs", TensorProto.FLOAT, ["batch", "seq_minus_1"])
    save("rank2_output", [gather] + cut[:3] + [helper.make_node("ReduceMean", ["emb"], ["m"], name="mean", axes=[2], keepdims=0),
                                                helper.make_node("Slice", ["m", "one", "big", "axis"], ["outputs"], name="drop_cls")],
         [ids], [rank2], [table])
    small = helper.make_tensor("table", TensorProto.FLOAT, [8, 3], [0.5] * 24)  # no row for [CLS]
    save("probe_fails", [gather] + cut, [ids], [logits], [small])
    external = TensorProto(name="table", data_type=TensorProto.FLOAT, dims=[128, 3])
    external.data_location = TensorProto.EXTERNAL
    entry = external.external_data.add()
    entry.key, entry.value = "location", "table.bin"
    save("external_data", [gather] + cut, [ids], [logits], [external])


def main():
    out_dir = sys.argv[1]
    if "--errors" in sys.argv[2:]:
        write_error_models(out_dir)
        return
    if "--bench" in sys.argv[2:]:
        model = build(BENCH)
        export(model, BENCH, f"{out_dir}/bench.onnx")
        return
    for cfg in CONFIGS:
        model = build(cfg)
        dtype = export(model, cfg, f"{out_dir}/{cfg['name']}.onnx")
        with open(f"{out_dir}/{cfg['name']}.json", "w") as f:
            json.dump({"name": cfg["name"], "config": cfg, "cases": cases(model, cfg, dtype)}, f)


if __name__ == "__main__":
    main()
