"""Reference losses for Descent's network, computed with PyTorch in float64.

Run from this folder:  python3 reference.py
It writes points.csv (the data), weights-*.json (the start points, in Descent's weights-file
layout, which is PyTorch's: one list of rows per Linear.weight, output units first) and
losses.csv, the fixture PyTorchReferenceTest compares Descent against, step by step.

Each case trains a small MLP from its weights file on all of points.csv (full batch, inputs
as they are: no standardization, no validation split) with one optimizer:
  loss       the training-mode loss at step k (the forward pass of that step, before
             optimizer.step(); batch normalization with the batch statistics)
  eval_loss  the evaluation-mode loss at step k (model.eval(): running statistics)
Momentum is torch.optim.SGD(momentum=0.9), whose buffer form b <- 0.9 b + g; theta <- theta -
lr b equals Descent's velocity form v <- 0.9 v - lr g; theta <- theta + v for a constant lr.
"""
import json

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
STEPS = 100


def make_points():
    rng = np.random.default_rng(20240601)
    n, d, k = 90, 4, 3
    centres = rng.normal(0, 1.5, size=(k, d))
    labels = np.arange(n) % k
    x = centres[labels] + rng.normal(0, 1.0, size=(n, d))
    with open("points.csv", "w") as f:
        f.write("a,b,label,c,d\n")  # the label column need not be last
        for row, y in zip(x, labels):
            f.write(f"{repr(float(row[0]))},{repr(float(row[1]))},{int(y)},"
                    f"{repr(float(row[2]))},{repr(float(row[3]))}\n")
    return torch.tensor(x), torch.tensor(labels)


class Net(torch.nn.Module):
    def __init__(self, sizes, activation, batch_norm, seed):
        super().__init__()
        torch.manual_seed(seed)
        self.linears = torch.nn.ModuleList()
        self.norms = torch.nn.ModuleList()
        for i in range(len(sizes) - 1):
            hidden = i < len(sizes) - 2
            self.linears.append(torch.nn.Linear(sizes[i], sizes[i + 1],
                                                bias=not (hidden and batch_norm)))
            if hidden and batch_norm:
                bn = torch.nn.BatchNorm1d(sizes[i + 1], eps=1e-5, momentum=0.1)
                with torch.no_grad():
                    bn.weight.copy_(1 + 0.1 * torch.randn(sizes[i + 1]))
                    bn.bias.copy_(0.1 * torch.randn(sizes[i + 1]))
                self.norms.append(bn)
        self.activation = activation

    def forward(self, x):
        for i, linear in enumerate(self.linears):
            x = linear(x)
            if i < len(self.linears) - 1:
                if len(self.norms):
                    x = self.norms[i](x)
                x = self.activation(x)
        return x

    def save(self, path):
        layers = []
        for i, linear in enumerate(self.linears):
            layer = {"weight": linear.weight.detach().tolist()}
            if linear.bias is not None:
                layer["bias"] = linear.bias.detach().tolist()
            else:
                layer["scale"] = self.norms[i].weight.detach().tolist()
                layer["shift"] = self.norms[i].bias.detach().tolist()
            layers.append(layer)
        with open(path, "w") as f:
            json.dump({"layers": layers}, f)  # json writes repr(float): exact


CASES = [
    # name, hidden, activation, batch norm, seed, optimizers
    ("tanh", [8, 8], torch.tanh, False, 1,
     [("sgd", 0.1), ("momentum", 0.05), ("adam", 0.01)]),
    ("relu", [8, 8], torch.relu, False, 2, [("adam", 0.01)]),
    ("logistic-bn", [8, 8], torch.sigmoid, True, 3, [("sgd", 0.1), ("adam", 0.01)]),
]


def main():
    x, y = make_points()
    rows = ["case,optimizer,step,loss,eval_loss"]
    for name, hidden, act, bn, seed, optimizers in CASES:
        start = Net([4] + hidden + [3], act, bn, seed)
        start.save(f"weights-{name}.json")
        for opt_name, lr in optimizers:
            net = Net([4] + hidden + [3], act, bn, seed)
            net.load_state_dict(start.state_dict())
            if opt_name == "sgd":
                opt = torch.optim.SGD(net.parameters(), lr=lr)
            elif opt_name == "momentum":
                opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9)
            else:
                opt = torch.optim.Adam(net.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)
            for k in range(STEPS + 1):
                net.eval()
                with torch.no_grad():
                    eval_loss = torch.nn.functional.cross_entropy(net(x), y).item()
                net.train()
                if k == STEPS:
                    rows.append(f"{name},{opt_name},{k},,{repr(eval_loss)}")
                    break
                opt.zero_grad()
                loss = torch.nn.functional.cross_entropy(net(x), y)
                loss.backward()
                opt.step()
                rows.append(f"{name},{opt_name},{k},{repr(loss.item())},{repr(eval_loss)}")
    with open("losses.csv", "w") as f:
        f.write("\n".join(rows) + "\n")
    print(f"torch {torch.__version__}: wrote points.csv, weights-*.json, losses.csv "
          f"({len(rows) - 1} rows)")


if __name__ == "__main__":
    main()
