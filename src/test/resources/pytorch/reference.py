"""Reference numbers for Descent, computed with PyTorch in float64.

Run from this folder:  python3 reference.py [network] [adamw] [schedules]
(no argument: all three). "network" writes points.csv (the data), weights-*.json (the start points, in Descent's weights-file
layout, which is PyTorch's: one list of rows per Linear.weight, output units first) and
losses.csv, the fixture PyTorchReferenceTest compares Descent against, step by step.

Each case trains a small MLP from its weights file on all of points.csv (full batch, inputs
as they are: no standardization, no validation split) with one optimizer:
  loss       the training-mode loss at step k (the forward pass of that step, before
             optimizer.step(); batch normalization with the batch statistics)
  eval_loss  the evaluation-mode loss at step k (model.eval(): running statistics)
Momentum is torch.optim.SGD(momentum=0.9), whose buffer form b <- 0.9 b + g; theta <- theta -
lr b equals Descent's velocity form v <- 0.9 v - lr g; theta <- theta + v for a constant lr.

"adamw" writes adamw.csv: torch.optim.AdamW's iterates on Rosenbrock's function, step by step
(AdamWTest), and losses-adamw.csv, AdamW training the tanh network of losses.csv from its
weights file (PyTorchReferenceTest); it reads points.csv and weights-tanh.json, so run it after
"network" or on their committed copies.
"schedules" writes schedules.csv: the learning rates of torch.optim.lr_scheduler's OneCycleLR,
CosineAnnealingWarmRestarts and LinearLR (as a warm-up) at every step (ScheduleTest).
"""
import sys
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


def train_rows(name, net, opt, x, y, opt_name):
    rows = []
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
    return rows


def read_points():
    xs, ys = [], []
    with open("points.csv") as f:
        next(f)
        for line in f:
            a, b, label, c, d = line.strip().split(",")
            xs.append([float(a), float(b), float(c), float(d)])
            ys.append(int(label))
    return torch.tensor(xs), torch.tensor(ys)


# name, lr, betas, eps, weight decay, steps
ADAMW_CASES = [
    ("defaults-lr0.01", 0.01, (0.9, 0.999), 1e-8, 0.01, 300),
    ("strong-decay", 0.05, (0.8, 0.99), 1e-6, 0.5, 300),
]


def adamw():
    rows = ["case,step,x,y"]
    for name, lr, betas, eps, wd, steps in ADAMW_CASES:
        theta = torch.tensor([-1.2, 1.0], requires_grad=True)
        opt = torch.optim.AdamW([theta], lr=lr, betas=betas, eps=eps, weight_decay=wd)
        rows.append(f"{name},0,{repr(theta[0].item())},{repr(theta[1].item())}")
        for k in range(1, steps + 1):
            opt.zero_grad()
            a, b = theta[0], theta[1]
            loss = (1 - a) ** 2 + 100 * (b - a ** 2) ** 2
            loss.backward()
            opt.step()
            rows.append(f"{name},{k},{repr(theta[0].item())},{repr(theta[1].item())}")
    with open("adamw.csv", "w") as f:
        f.write("\n".join(rows) + "\n")
    # the tanh network of losses.csv, from its weights file
    x, y = read_points()
    with open("weights-tanh.json") as f:
        layers = json.load(f)["layers"]
    net = Net([4, 8, 8, 3], torch.tanh, False, 1)
    with torch.no_grad():
        for linear, layer in zip(net.linears, layers):
            linear.weight.copy_(torch.tensor(layer["weight"]))
            linear.bias.copy_(torch.tensor(layer["bias"]))
    opt = torch.optim.AdamW(net.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                            weight_decay=0.1)
    net_rows = ["case,optimizer,step,loss,eval_loss"] + train_rows("tanh", net, opt, x, y,
                                                                   "adamw")
    with open("losses-adamw.csv", "w") as f:
        f.write("\n".join(net_rows) + "\n")
    print(f"torch {torch.__version__}: wrote adamw.csv ({len(rows) - 1} rows), "
          f"losses-adamw.csv ({len(net_rows) - 1} rows)")


def schedules():
    # schedule, its arguments as Descent's record takes them, the base rate, steps
    cases = [
        ("one-cycle", (100, 0.3, 25.0, 1e4), 0.1, 100),
        ("one-cycle", (37, 0.25, 10.0, 100.0), 1.0, 37),
        ("one-cycle", (50, 0.5, 4.0, 1e3), 0.01, 50),
        ("cosine-restarts", (10, 1, 0.0), 0.1, 200),
        ("cosine-restarts", (5, 2, 0.001), 0.1, 200),
        ("cosine-restarts", (3, 3, 0.01), 0.5, 200),
        ("warmup", (5,), 0.1, 20),
        ("warmup", (60,), 0.3, 100),
    ]
    rows = ["schedule,args,base,step,lr"]
    for name, args, base, steps in cases:
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=base)
        if name == "one-cycle":
            total, pct, div, final = args
            sched = torch.optim.lr_scheduler.OneCycleLR(
                opt, max_lr=base, total_steps=total, pct_start=pct, anneal_strategy="cos",
                div_factor=div, final_div_factor=final, cycle_momentum=False)
        elif name == "cosine-restarts":
            period, mult, eta_min = args
            sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(
                opt, T_0=period, T_mult=mult, eta_min=eta_min)
        else:
            (w,) = args
            sched = torch.optim.lr_scheduler.LinearLR(
                opt, start_factor=1 / w, end_factor=1.0, total_iters=w - 1)
        text = " ".join(repr(a) for a in args)
        for k in range(steps):
            rows.append(f"{name},{text},{repr(base)},{k},{repr(opt.param_groups[0]['lr'])}")
            opt.step()
            sched.step()
    with open("schedules.csv", "w") as f:
        f.write("\n".join(rows) + "\n")
    print(f"torch {torch.__version__}: wrote schedules.csv ({len(rows) - 1} rows)")


def main():
    parts = sys.argv[1:] or ["network", "adamw", "schedules"]
    if "network" in parts:
        network()
    if "adamw" in parts:
        adamw()
    if "schedules" in parts:
        schedules()


def network():
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
