#!/usr/bin/python3
"""An independent node-by-node numpy evaluation of an ONNX graph (python3-onnx 1.12 has
no reference evaluator), written from the ONNX operator specification for the ops of a
BERT export. The C++ interpreter's logits are compared against it.

Usage: onnx_numpy_eval.py MODEL.onnx IN.json OUT.json
  IN.json:  [[id, id, ...], ...]   one batch-1 query per list
  OUT.json: [{"shape": [...], "logits": [...]}, ...]
"""
import json
import math
import sys

import numpy as np
import onnx
from onnx import numpy_helper

_erf = np.vectorize(math.erf, otypes=[np.float64])


def np_type(code):
    return onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[code]  # onnx 1.12; later: helper.tensor_dtype_to_np_dtype


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def axis_list(node, a, inputs, index, opset, since):
    if opset >= since:
        return [int(v) for v in inputs[index]] if len(inputs) > index and inputs[index] is not None else None
    return list(a["axes"]) if "axes" in a else None


def run_node(node, inputs, opset):
    a = attrs(node)
    op = node.op_type
    x = inputs[0] if inputs else None
    if op == "Constant":
        return [numpy_helper.to_array(a["value"])]
    if op in ("Add", "Sub", "Mul"):
        f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply}[op]
        return [f(x, inputs[1]).astype(x.dtype)]
    if op == "Div":
        if np.issubdtype(x.dtype, np.integer):
            return [np.trunc(x / inputs[1]).astype(x.dtype)]
        return [(x / inputs[1]).astype(x.dtype)]
    if op == "Pow":
        return [np.power(x, inputs[1]).astype(x.dtype)]
    if op == "Sqrt":
        return [np.sqrt(x)]
    if op == "Erf":
        return [_erf(x).astype(x.dtype)]
    if op == "Tanh":
        return [np.tanh(x)]
    if op == "Cast":
        return [x.astype(np_type(a["to"]))]
    if op == "Shape":
        return [np.array(x.shape, dtype=np.int64)]
    if op == "Gather":
        idx = inputs[1].astype(np.int64)
        axis = a.get("axis", 0)
        idx = np.where(idx < 0, idx + x.shape[axis], idx)
        return [np.take(x, idx, axis=axis)]
    if op == "Unsqueeze":
        axes = axis_list(node, a, inputs, 1, opset, 13)
        rank = x.ndim + len(axes)
        for ax in sorted(v % rank for v in axes):
            x = np.expand_dims(x, ax)
        return [x]
    if op == "Concat":
        return [np.concatenate(inputs, axis=a["axis"])]
    if op == "Slice":
        starts, ends = inputs[1], inputs[2]
        axes = inputs[3] if len(inputs) > 3 else range(len(starts))
        steps = inputs[4] if len(inputs) > 4 else [1] * len(starts)
        index = [slice(None)] * x.ndim
        for s, e, ax, st in zip(starts, ends, axes, steps):
            index[int(ax)] = slice(int(s), int(e), int(st))  # Python slices clamp as ONNX does
        return [x[tuple(index)]]
    if op == "Reshape":
        shape = [int(v) for v in inputs[1]]
        shape = [x.shape[i] if v == 0 and not a.get("allowzero", 0) else v for i, v in enumerate(shape)]
        return [x.reshape(shape)]
    if op == "Transpose":
        return [np.transpose(x, a.get("perm"))]
    if op == "MatMul":
        return [np.matmul(x, inputs[1])]
    if op == "ReduceMean":
        axes = axis_list(node, a, inputs, 1, opset, 18)
        return [np.mean(x, axis=tuple(axes) if axes else None, keepdims=bool(a.get("keepdims", 1)))]
    if op == "Softmax":
        axis = a.get("axis", -1 if opset >= 13 else 1)
        if opset < 13:
            flat = x.reshape(int(np.prod(x.shape[:axis])), -1)
            e = np.exp(flat - flat.max(axis=1, keepdims=True))
            return [(e / e.sum(axis=1, keepdims=True)).reshape(x.shape)]
        e = np.exp(x - x.max(axis=axis, keepdims=True))
        return [e / e.sum(axis=axis, keepdims=True)]
    if op in ("Identity", "Dropout"):
        return [x]
    unary = {"Neg": np.negative, "Exp": np.exp, "Log": np.log, "Reciprocal": np.reciprocal,
             "Relu": lambda v: np.maximum(v, 0), "Sigmoid": lambda v: 1 / (1 + np.exp(-v)),
             "Not": np.logical_not, "Abs": np.abs}
    if op in unary:
        return [unary[op](x).astype(x.dtype)]
    if op in ("Equal", "Less", "Greater", "And", "Or"):
        f = {"Equal": np.equal, "Less": np.less, "Greater": np.greater, "And": np.logical_and,
             "Or": np.logical_or}[op]
        return [f(x, inputs[1])]
    if op == "Where":
        return [np.where(x, inputs[1], inputs[2])]
    if op == "Expand":
        return [x * np.ones([int(v) for v in inputs[1]], dtype=x.dtype)]  # broadcasts both ways
    if op == "ConstantOfShape":
        value = numpy_helper.to_array(a["value"]) if "value" in a else np.zeros(1, np.float32)
        return [np.full([int(v) for v in x], value.flatten()[0], dtype=value.dtype)]
    if op == "Range":
        return [np.arange(x, inputs[1], inputs[2]).astype(x.dtype)]
    if op == "Squeeze":
        axes = axis_list(node, a, inputs, 1, opset, 13)
        return [np.squeeze(x, axis=tuple(axes) if axes else None)]
    if op == "Flatten":
        axis = a.get("axis", 1) % max(x.ndim, 1) if a.get("axis", 1) != x.ndim else x.ndim
        return [x.reshape(int(np.prod(x.shape[:axis])), -1)]
    if op == "Gemm":
        A = x.T if a.get("transA", 0) else x
        B = inputs[1].T if a.get("transB", 0) else inputs[1]
        y = a.get("alpha", 1.0) * (A @ B)
        if len(inputs) > 2 and inputs[2] is not None:
            y = y + a.get("beta", 1.0) * inputs[2]
        return [y.astype(x.dtype)]
    if op == "LayerNormalization":
        axis = a.get("axis", -1) % x.ndim
        dims = tuple(range(axis, x.ndim))
        mean = x.mean(axis=dims, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=dims, keepdims=True)
        y = (x - mean) / np.sqrt(var + a.get("epsilon", 1e-5)) * inputs[1]
        if len(inputs) > 2 and inputs[2] is not None:
            y = y + inputs[2]
        return [y.astype(x.dtype)]
    if op == "Split":
        axis = a.get("axis", 0)
        sizes = list(a["split"]) if "split" in a else (
            [int(v) for v in inputs[1]] if len(inputs) > 1 and inputs[1] is not None else None)
        if sizes is None:
            sizes = [x.shape[axis] // len(node.output)] * len(node.output)
        return np.split(x, np.cumsum(sizes)[:-1], axis=axis)
    raise NotImplementedError(f"op {op} (node {node.name})")


def evaluate(model, ids):
    opset = next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    graph_input = model.graph.input[0]
    dtype = np_type(graph_input.type.tensor_type.elem_type)
    values[graph_input.name] = np.array([ids], dtype=dtype)
    for node in model.graph.node:  # a valid ONNX file lists nodes in dependency order
        inputs = [values[n] if n else None for n in node.input]
        for name, value in zip(node.output, run_node(node, inputs, opset)):
            values[name] = np.asarray(value)
    return values[model.graph.output[0].name]


def main():
    model = onnx.load(sys.argv[1])
    with open(sys.argv[2]) as f:
        queries = json.load(f)
    results = []
    for ids in queries:
        out = evaluate(model, ids).astype(np.float32)
        results.append({"shape": list(out.shape), "logits": out.flatten().tolist()})
    with open(sys.argv[3], "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
