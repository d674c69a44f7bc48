#!/usr/bin/python3
"""Seeds for fuzz_model_formats, written with Debian's python3-torch: a tiny scripted
module of our own (TorchScript archive and its bare data.pkl) and a torch.save checkpoint.
Run from this folder: /usr/bin/python3 make_model_formats_seeds.py"""
import io
import zipfile

import torch


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv1d(2, 3, 3, bias=True)
        self.layers = torch.nn.Sequential(torch.nn.Conv1d(3, 2, 1), torch.nn.Conv1d(2, 2, 1))
        self.alpha = torch.nn.Parameter(torch.zeros(1, 2, 1))
        self.sizes = [1, 2, 3]

    def forward(self, x):
        return self.layers(self.conv(x)) + self.alpha


torch.manual_seed(0)
scripted = torch.jit.script(Block())
buffer = io.BytesIO()
torch.jit.save(scripted, buffer)
open("model_formats/scripted.pt", "wb").write(buffer.getvalue())
with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as z:
    pkl = [n for n in z.namelist() if n.endswith("/data.pkl")][0]
    open("model_formats/scripted.data.pkl", "wb").write(z.read(pkl))
torch.save({"model_state_dict": {"w": torch.arange(6.0).reshape(2, 3).t()}},
           "model_formats/checkpoint.pt")
