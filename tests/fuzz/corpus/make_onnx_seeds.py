#!/usr/bin/python3
"""Seeds for fuzz_onnx, written with Debian's python3-torch and python3-onnx: a tiny
BERT-like export of our own (tests/engine/onnx/make_bert_exports.py's module) in two
opsets, and a hand-made graph whose tensors use every typed TensorProto field and whose
nodes carry every attribute kind (including a sub-graph).
Run from this folder: /usr/bin/python3 make_onnx_seeds.py"""
import os
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../engine/onnx"))
import make_bert_exports as bert  # noqa: E402

for opset in (11, 14):
    cfg = {"name": "tiny", "layers": 1, "hidden": 8, "heads": 2, "ffn": 16, "vocab": 110,
           "max_positions": 16, "classes": 5, "opset": opset, "ids": "int32", "seed": 3,
           "fused_qkv": opset == 11}
    bert.export(bert.build(cfg), cfg, f"onnx/tiny_bert_opset{opset}.onnx")

typed = [
    helper.make_tensor("f32", TensorProto.FLOAT, [2, 2], [1.0, -2.5, 3.0, 0.0]),
    helper.make_tensor("i64", TensorProto.INT64, [3], [-1, 0, 1 << 40]),
    helper.make_tensor("i32", TensorProto.INT32, [2], [-7, 9]),
    helper.make_tensor("i8", TensorProto.INT8, [2], [-3, 4]),
    helper.make_tensor("b", TensorProto.BOOL, [2], [True, False]),
    helper.make_tensor("f16", TensorProto.FLOAT16, [2], np.array([1.5, -2], np.float16).view(np.uint16).tolist()),
    helper.make_tensor("f64", TensorProto.DOUBLE, [1], [3.25]),
    helper.make_tensor("raw", TensorProto.FLOAT, [2], np.array([4, 5], np.float32).tobytes(), raw=True),
    helper.make_tensor("empty", TensorProto.FLOAT, [0, 3], []),
]
x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 2])
y = helper.make_tensor_value_info("y", TensorProto.FLOAT, None)
branch = helper.make_graph([helper.make_node("Identity", ["x"], ["z"])], "branch", [],
                           [helper.make_tensor_value_info("z", TensorProto.FLOAT, None)])
nodes = [
    helper.make_node("Constant", [], ["c"], name="constant", value=typed[0]),
    helper.make_node("Gemm", ["x", "f32", "raw"], ["g"], name="gemm", alpha=0.5, transB=1),
    helper.make_node("Cast", ["g"], ["y"], name="cast", to=TensorProto.FLOAT),
    helper.make_node("Custom", ["x"], ["u"], name="all_attributes", domain="com.example",
                     floats=[0.5, 1.5], ints=[1, -2], strings=[b"a", b"b"], text="s",
                     tensors=[typed[1]], sub=branch),
]
graph = helper.make_graph(nodes, "typed", [x], [y], typed)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13),
                                                helper.make_opsetid("com.example", 1)])
onnx.save(model, "onnx/typed_fields.onnx")
