#!/usr/bin/env python3
"""The basin-map benchmark in numpy, vectorized over all starts: Descent's reference figures.

Himmelblau f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2 over [-5, 5]^2, an N x N grid of starts
(numpy.linspace: both ends included), 500 steps of momentum from v = 0,
    v <- alpha v - lr g;  theta <- theta + v      (lr 0.01, alpha 0.9),
with the exact gradient written in the order Descent's formula evaluator computes it
(forward-mode jets: d(u^2) = (2u) du, sums left to right), so that every start can end on the
very same double as in Descent. Each start is labelled by the nearest of the four minima, in
the order `descent list` prints them; -1 for an end point that is not finite.

    python3 docs/benchmarks/basin_numpy.py --grid 1024 [--out numpy.csv] [--compare descent.csv]

--compare reads the CSV of `descent basin docs/benchmarks/himmelblau-basin.yaml --grid N` and
counts the starts whose labels (and end points) differ.
"""
import argparse
import sys
import time

import numpy as np

# Himmelblau's minima as Descent refines them (descent list), in its order.
MINIMA = np.array([
    [3.0, 2.0],
    [-2.805118086952745, 3.131312518250573],
    [-3.779310253377747, -3.2831859912861696],
    [3.5844283403304917, -1.8481265269644034],
])


def basin(n, steps=500, lr=0.01, alpha=0.9):
    xs = np.linspace(-5.0, 5.0, n)
    ys = np.linspace(-5.0, 5.0, n)
    gx_, gy_ = np.meshgrid(xs, ys)  # rows are y: the flattened order is y-major, as Descent's
    x = gx_.ravel().copy()
    y = gy_.ravel().copy()
    vx = np.zeros_like(x)
    vy = np.zeros_like(y)
    # Preallocated buffers and in-place operations: temporaries of this size would otherwise be
    # mapped and unmapped at every operation, which doubles numpy's time.
    u1, u2, t, g_x, g_y = (np.empty_like(x) for _ in range(5))
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            np.multiply(x, x, out=u1)          # u1 = (x*x + y) - 11
            u1 += y
            u1 -= 11.0
            np.multiply(y, y, out=u2)          # u2 = (x + y*y) - 7
            np.add(x, u2, out=u2)
            u2 -= 7.0
            u1 *= 2.0                          # 2 u1, 2 u2: the derivatives of the squares
            u2 *= 2.0
            np.multiply(x, 2.0, out=t)         # g_x = (2 u1)(2x) + (2 u2)
            np.multiply(u1, t, out=g_x)
            g_x += u2
            np.multiply(y, 2.0, out=t)         # g_y = (2 u1) + (2 u2)(2y)
            np.multiply(u2, t, out=g_y)
            np.add(u1, g_y, out=g_y)
            vx *= alpha                        # v = alpha v - lr g; theta = theta + v
            np.multiply(g_x, lr, out=t)
            vx -= t
            x += vx
            vy *= alpha
            np.multiply(g_y, lr, out=t)
            vy -= t
            y += vy
        d = np.hypot(x[:, None] - MINIMA[None, :, 0], y[:, None] - MINIMA[None, :, 1])
        labels = np.argmin(d, axis=1)
    finite = np.isfinite(x) & np.isfinite(y)
    labels = np.where(finite, labels, -1)
    return gx_.ravel(), gy_.ravel(), x, y, labels


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--grid", type=int, default=256)
    p.add_argument("--out")
    p.add_argument("--compare")
    a = p.parse_args()
    t0 = time.perf_counter()
    sx, sy, x, y, labels = basin(a.grid)
    t1 = time.perf_counter()
    print(f"numpy {np.__version__}: {a.grid} x {a.grid} starts, 500 steps: {t1 - t0:.3f} s "
          f"in the loop; labels {np.bincount(labels + 1, minlength=5).tolist()} "
          f"(-1, 0, 1, 2, 3)", file=sys.stderr)
    if a.out:
        with open(a.out, "w") as f:
            f.write("x,y,final_x,final_y,label\n")
            for r in zip(sx, sy, x, y, labels):
                f.write(f"{r[0]!r},{r[1]!r},{r[2]!r},{r[3]!r},{r[4]}\n")
    if a.compare:
        theirs = np.genfromtxt(a.compare, delimiter=",", skip_header=1)
        assert theirs.shape[0] == labels.size, "different grids"
        same_start = np.array_equal(theirs[:, 0], sx) and np.array_equal(theirs[:, 1], sy)
        label_diff = int(np.count_nonzero(theirs[:, 4].astype(int) != labels))
        both_finite = np.isfinite(theirs[:, 2]) & np.isfinite(x)
        end_diff = int(np.count_nonzero(both_finite & ((theirs[:, 2] != x) | (theirs[:, 3] != y))))
        print(f"compared with {a.compare}: same starts: {same_start}; labels differ at "
              f"{label_diff} of {labels.size} starts; finite end points differ at {end_diff}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
