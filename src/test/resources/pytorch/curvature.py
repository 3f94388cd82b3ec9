"""Reference Hessian spectra for Descent's curvature (HessianSpectrum), PyTorch in float64.

Run from this folder, after reference.py:  python3 curvature.py
It writes spirals.csv (400 two-dimensional points in two classes), weights-354.json (a
2-16-16-2 tanh network: 354 parameters, PyTorch's default initialization) and spectra.csv:
for each case, every eigenvalue of the Hessian of the mean cross-entropy over the whole data
file (inputs as they are, training mode: batch normalization with the batch statistics), at
the weights of its file, from torch.autograd.functional.hessian and torch.linalg.eigvalsh,
ascending. Columns: case,index,eigenvalue. HessianSpectrumTest compares Descent against it.
"""
import json

import numpy as np
import torch

from reference import Net, make_points

torch.set_default_dtype(torch.float64)


def spirals():
    rng = np.random.default_rng(20261207)
    n = 400
    labels = np.arange(n) % 2
    t = rng.uniform(0.25, 1.0, size=n) * 3 * np.pi
    sign = np.where(labels == 0, 1.0, -1.0)
    x = np.stack([sign * t * np.cos(t), sign * t * np.sin(t)], axis=1) / (3 * np.pi)
    x += rng.normal(0, 0.05, size=x.shape)
    with open("spirals.csv", "w") as f:
        f.write("x,y,label\n")
        for row, y in zip(x, labels):
            f.write(f"{repr(float(row[0]))},{repr(float(row[1]))},{int(y)}\n")
    return torch.tensor(x), torch.tensor(labels)


def load(net, path):
    with open(path) as f:
        layers = json.load(f)["layers"]
    with torch.no_grad():
        for i, layer in enumerate(layers):
            net.linears[i].weight.copy_(torch.tensor(layer["weight"]))
            if "bias" in layer:
                net.linears[i].bias.copy_(torch.tensor(layer["bias"]))
            else:
                net.norms[i].weight.copy_(torch.tensor(layer["scale"]))
                net.norms[i].bias.copy_(torch.tensor(layer["shift"]))


def spectrum(net, x, y):
    names = [n for n, _ in net.named_parameters()]
    shapes = [p.shape for _, p in net.named_parameters()]
    flat = torch.cat([p.detach().reshape(-1) for _, p in net.named_parameters()])
    net.train()

    def loss(theta):
        params, at = {}, 0
        for name, shape in zip(names, shapes):
            size = int(np.prod(shape))
            params[name] = theta[at:at + size].reshape(shape)
            at += size
        out = torch.nn.utils.stateless.functional_call(net, params, (x,))
        return torch.nn.functional.cross_entropy(out, y)

    h = torch.autograd.functional.hessian(loss, flat)
    h = 0.5 * (h + h.T)
    return torch.linalg.eigvalsh(h)


def main():
    x4, y4 = make_points()  # rewrites points.csv, the same bytes
    x2, y2 = spirals()
    Net([2, 16, 16, 2], torch.tanh, False, 354).save("weights-354.json")
    cases = [
        ("tanh", x4, y4, [4, 8, 8, 3], torch.tanh, False, "weights-tanh.json"),
        ("logistic-bn", x4, y4, [4, 8, 8, 3], torch.sigmoid, True, "weights-logistic-bn.json"),
        ("spirals-354", x2, y2, [2, 16, 16, 2], torch.tanh, False, "weights-354.json"),
    ]
    rows = ["case,index,eigenvalue"]
    for name, x, y, sizes, act, bn, weights in cases:
        net = Net(sizes, act, bn, 0)
        load(net, weights)
        values = spectrum(net, x, y)
        rows += [f"{name},{i},{repr(v.item())}" for i, v in enumerate(values)]
        print(f"{name}: {len(values)} eigenvalues, largest {values[-1].item():.6g}, "
              f"smallest {values[0].item():.6g}")
    with open("spectra.csv", "w") as f:
        f.write("\n".join(rows) + "\n")
    print(f"torch {torch.__version__}: wrote spirals.csv, weights-354.json, spectra.csv")


if __name__ == "__main__":
    main()
