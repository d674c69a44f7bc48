#!/usr/bin/python3
"""One-node ONNX models (python3-onnx's helper) for the cases where ONNX semantics differ
from Torch's or change with the opset, with the expected outputs computed here by numpy
from the operator specification.

Usage: make_op_models.py OUT_DIR  ->  OUT_DIR/op_<n>.onnx and OUT_DIR/ops.json:
  [{"name", "model", "inputs": [{"dtype", "shape", "data"}], "outputs": [...]}, ...]
"""
import json
import math
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper

NP_TO_ONNX = {np.dtype(k): v for k, v in {
    "float32": onnx.TensorProto.FLOAT, "int64": onnx.TensorProto.INT64,
    "int32": onnx.TensorProto.INT32, "bool": onnx.TensorProto.BOOL}.items()}

CASES = []


def case(name, op, inputs, expected, opset=14, **attrs):
    """inputs: list of numpy arrays (None = omitted); expected: list of numpy arrays."""
    in_names = [f"in{i}" if x is not None else "" for i, x in enumerate(inputs)]
    out_names = [f"out{i}" for i in range(len(expected))]
    node = helper.make_node(op, in_names, out_names, name=f"{name}_node", **attrs)
    graph = helper.make_graph(
        [node], name,
        [helper.make_tensor_value_info(n, NP_TO_ONNX[x.dtype], list(x.shape))
         for n, x in zip(in_names, inputs) if x is not None],
        [helper.make_tensor_value_info(n, NP_TO_ONNX[y.dtype], None) for n, y in zip(out_names, expected)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    CASES.append((name, model, [x for x in inputs if x is not None], expected))


def f32(x):
    return np.array(x, dtype=np.float32)


def i64(x):
    return np.array(x, dtype=np.int64)


def softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def build():
    rng = np.random.default_rng(5)
    x10 = f32(np.arange(10))
    x234 = f32(rng.normal(size=(2, 3, 4)))
    case("slice_negative_step", "Slice", [x10, i64([-1]), i64([-(1 << 62)]), i64([0]), i64([-2])],
         [x10[9::-2]])
    case("slice_clamped_end", "Slice", [x234, i64([1]), i64([1000]), i64([-1])], [x234[:, :, 1:]])
    case("slice_opset9_attributes", "Slice", [x234], [x234[:, 1:3, :2]], opset=9,
         starts=[1, 0], ends=[3, 2], axes=[1, 2])
    case("slice_empty", "Slice", [x10, i64([5]), i64([2])], [x10[5:2]])
    idx = i64([[-1, 0], [2, -2]])
    x25 = f32(rng.normal(size=(2, 5)))
    case("gather_negative_indices", "Gather", [x25, idx], [np.take(x25, idx % 5, axis=1)], axis=1)
    case("gather_scalar_index", "Gather", [x25, i64(-1)], [x25[-1]])
    case("reshape_zero_and_minus_one", "Reshape", [x234, i64([0, -1])], [x234.reshape(2, 12)])
    flat = x234.reshape(2, 12)
    case("softmax_opset11_flattens", "Softmax", [x234], [softmax(flat, 1).reshape(2, 3, 4)], opset=11,
         axis=1)
    case("softmax_opset13_one_axis", "Softmax", [x234], [softmax(x234, 1)], opset=13, axis=1)
    case("logsoftmax_default_axis", "LogSoftmax", [x234], [np.log(softmax(x234, -1))], opset=13)
    x3 = f32([1, 2, 3])
    case("unsqueeze_opset11_attributes", "Unsqueeze", [x3], [x3.reshape(1, 3, 1)], opset=11, axes=[0, -1])
    case("unsqueeze_opset13_input", "Unsqueeze", [x3, i64([-1, 0])], [x3.reshape(1, 3, 1)], opset=13)
    x2131 = f32(rng.normal(size=(2, 1, 3, 1)))
    case("squeeze_opset13_input", "Squeeze", [x2131, i64([-1])], [x2131.reshape(2, 1, 3)], opset=13)
    case("squeeze_all", "Squeeze", [x2131], [x2131.reshape(2, 3)], opset=13)
    case("reducemean_opset18_input", "ReduceMean", [x234, i64([1])], [x234.mean(axis=1)], opset=18,
         keepdims=0)
    case("reducemean_opset13_attributes", "ReduceMean", [x234], [x234.mean(axis=(0, 2), keepdims=True)],
         opset=13, axes=[0, -1])
    case("reducesum_noop_with_empty_axes", "ReduceSum", [x234, i64([])], [x234], opset=13,
         noop_with_empty_axes=1)
    case("reducesum_all", "ReduceSum", [x234], [x234.sum(keepdims=True)], opset=13)
    x31 = f32([[1], [2], [3]])
    case("expand_both_ways", "Expand", [x31, i64([2, 1, 4])], [np.broadcast_to(x31, (2, 3, 4))])
    case("range_negative_delta", "Range", [f32(5), f32(1), f32(-1.5)], [f32([5, 3.5, 2])], opset=11)
    case("range_empty", "Range", [i64(0), i64(5), i64(-1)], [i64([])], opset=11)
    case("div_integer_truncates", "Div", [i64([-7, 7, 6]), i64([2, -2, 3])], [i64([-3, -3, 2])])
    case("mod_integer_sign_of_divisor", "Mod", [i64([-7, 7]), i64([3, -3])], [i64([2, -2])])
    case("mod_fmod", "Mod", [f32([-7, 7]), f32([3, -3])], [f32([-1, 1])], fmod=1)
    case("cast_float_to_int_truncates", "Cast", [f32([-1.7, 2.9])], [np.array([-1, 2], np.int32)],
         to=onnx.TensorProto.INT32)
    case("cast_to_bool", "Cast", [f32([0, -0.5, 2])], [np.array([False, True, True])], to=onnx.TensorProto.BOOL)
    case("constant_of_shape_int", "ConstantOfShape", [i64([2, 3])], [np.full((2, 3), 7, np.int64)],
         value=numpy_helper.from_array(i64([7])))
    case("constant_of_shape_default", "ConstantOfShape", [i64([2])], [f32([0, 0])])
    a, b, c = f32(rng.normal(size=(4, 3))), f32(rng.normal(size=(5, 4))), f32(rng.normal(size=(5,)))
    case("gemm_transposed_scaled", "Gemm", [a, b, c], [0.5 * a.T @ b.T + 2.0 * c], alpha=0.5, beta=2.0,
         transA=1, transB=1)
    scale, bias = f32(rng.normal(size=(3, 4))), f32(rng.normal(size=(3, 4)))
    mean = x234.mean(axis=(1, 2), keepdims=True)
    var = ((x234 - mean) ** 2).mean(axis=(1, 2), keepdims=True)
    norm = (x234 - mean) / np.sqrt(var + 1e-3) * scale + bias
    case("layernorm_axis1_with_stats", "LayerNormalization", [x234, scale, bias],
         [f32(norm), f32(mean), f32(1 / np.sqrt(var + 1e-3))], opset=17, axis=1, epsilon=1e-3)
    cond = np.array([[True], [False]])
    case("where_broadcast", "Where", [cond, f32([1, 2, 3]), f32(0)], [np.where(cond, f32([1, 2, 3]), f32(0))])
    x7 = f32(np.arange(7))
    case("split_opset13_sizes", "Split", [x7, i64([2, 5])], [x7[:2], x7[2:]], opset=13)
    case("split_opset18_num_outputs", "Split", [x7], [x7[:3], x7[3:6], x7[6:]], opset=18, num_outputs=3)
    case("split_opset11_attribute", "Split", [x7], [x7[:4], x7[4:]], opset=11, split=[4, 3])
    case("split_equal_parts", "Split", [x7[:6]], [x7[:2], x7[2:4], x7[4:6]], opset=13)
    case("concat_negative_axis", "Concat", [x234, x234[:, :, :1]], [np.concatenate([x234, x234[:, :, :1]], -1)],
         axis=-1)
    case("transpose_default_reverses", "Transpose", [x234], [x234.transpose()])
    case("pow_scalar_exponent", "Pow", [f32([4, 9]), f32(0.5)], [f32([2, 3])])
    case("pow_broadcast_exponent", "Pow", [f32([[2], [3]]), f32([1, 2, 3])], [f32([[2, 4, 8], [3, 9, 27]])])
    case("flatten_axis0", "Flatten", [x234], [x234.reshape(1, 24)], axis=0)
    case("flatten_negative_axis", "Flatten", [x234], [x234.reshape(6, 4)], axis=-1)
    case("clip_opset11_min_only", "Clip", [f32([-2, 0, 5]), f32(-1)], [f32([-1, 0, 5])], opset=11)
    case("clip_opset6_attributes", "Clip", [f32([-2, 0, 5])], [f32([-1, 0, 1])], opset=6, min=-1.0, max=1.0)
    case("argmax_last_index", "ArgMax", [f32([[1, 3, 3], [2, 2, 1]])], [i64([2, 1])], axis=1, keepdims=0,
         select_last_index=1)
    case("argmax_first_index", "ArgMax", [f32([[1, 3, 3], [2, 2, 1]])], [i64([[1], [0]])], axis=1)
    case("shape_start_end", "Shape", [x234], [i64([3])], opset=15, start=1, end=-1)
    case("equal_broadcast", "Equal", [i64([[1], [2]]), i64([1, 2, 3])], [np.equal(i64([[1], [2]]), i64([1, 2, 3]))])
    case("gelu_tanh", "Gelu", [f32([-1, 0.5, 2])],
         [f32([0.5 * v * (1 + math.tanh(math.sqrt(2 / math.pi) * (v + 0.044715 * v ** 3))) for v in (-1, 0.5, 2)])],
         opset=20, approximate="tanh")
    case("erf", "Erf", [f32([-1, 0.25, 3])], [f32([math.erf(v) for v in (-1, 0.25, 3)])])
    case("matmul_batched_broadcast", "MatMul", [x234, f32(np.ones((4, 2)))], [x234 @ np.ones((4, 2), np.float32)])
    case("tile", "Tile", [x3, i64([2])], [np.tile(x3, 2)])
    case("dropout_inference", "Dropout", [x3], [x3], opset=13)
    case("identity_int", "Identity", [i64([5, -5])], [i64([5, -5])])


def tensor_json(x):
    return {"dtype": str(x.dtype), "shape": list(x.shape),
            "data": [bool(v) if x.dtype == np.bool_ else v for v in x.flatten().tolist()]}


def main():
    out_dir = sys.argv[1]
    build()
    index = []
    for n, (name, model, inputs, expected) in enumerate(CASES):
        path = f"{out_dir}/op_{n}.onnx"
        onnx.save(model, path)
        index.append({"name": name, "model": path, "inputs": [tensor_json(x) for x in inputs],
                      "outputs": [tensor_json(np.asarray(y)) for y in expected]})
    with open(f"{out_dir}/ops.json", "w") as f:
        json.dump(index, f)


if __name__ == "__main__":
    main()
