package org.descent.function;

import org.descent.function.Expr.BinaryOp;

/**
 * Forward-mode automatic differentiation of a compiled formula on primitive doubles: each
 * instruction carries a second-order "jet" (value, ∂x, ∂y, ∂xx, ∂xy, ∂yy). The arrays are
 * allocated once, so evaluation allocates nothing. Not thread-safe: one evaluator per thread.
 *
 * <p>For a function φ of one argument u, the chain rule to second order is
 * value φ(u), gradient φ'(u)∇u, Hessian φ''(u)∇u∇uᵀ + φ'(u)∇²u; products use the Leibniz rule.
 */
final class JetEvaluator {

  /** Only the value. */
  static final int VALUE = 0;
  /** Value and gradient. */
  static final int GRADIENT = 1;
  /** Value, gradient and Hessian. */
  static final int HESSIAN = 2;

  private static final UnaryOp[] UNARY = UnaryOp.values();

  private final Program p;
  private final double[] v;
  private final double[] gx;
  private final double[] gy;
  private final double[] hxx;
  private final double[] hxy;
  private final double[] hyy;

  JetEvaluator(Program program) {
    this.p = program;
    int n = program.length();
    v = new double[n];
    gx = new double[n];
    gy = new double[n];
    hxx = new double[n];
    hxy = new double[n];
    hyy = new double[n];
  }

  double value() {
    return v[v.length - 1];
  }

  double dx() {
    return gx[gx.length - 1];
  }

  double dy() {
    return gy[gy.length - 1];
  }

  double dxx() {
    return hxx[hxx.length - 1];
  }

  double dxy() {
    return hxy[hxy.length - 1];
  }

  double dyy() {
    return hyy[hyy.length - 1];
  }

  /** Evaluates the program at (x, y) to the given order; read the result with the getters. */
  void evaluate(double x, double y, int order) {
    final int[] op = p.op;
    final int[] a = p.a;
    final int[] b = p.b;
    final double[] c = p.constant;
    final boolean first = order >= GRADIENT;
    final boolean second = order >= HESSIAN;
    for (int i = 0; i < op.length; i++) {
      int code = op[i];
      switch (code) {
        case Program.CONST -> {
          v[i] = c[i];
          if (first) {
            gx[i] = 0;
            gy[i] = 0;
          }
          if (second) {
            hxx[i] = 0;
            hxy[i] = 0;
            hyy[i] = 0;
          }
        }
        case Program.VAR_X, Program.VAR_Y -> {
          boolean isX = code == Program.VAR_X;
          v[i] = isX ? x : y;
          if (first) {
            gx[i] = isX ? 1 : 0;
            gy[i] = isX ? 0 : 1;
          }
          if (second) {
            hxx[i] = 0;
            hxy[i] = 0;
            hyy[i] = 0;
          }
        }
        case Program.ADD, Program.SUB -> {
          int l = a[i];
          int r = b[i];
          double s = code == Program.ADD ? 1 : -1;
          v[i] = v[l] + s * v[r];
          if (first) {
            gx[i] = gx[l] + s * gx[r];
            gy[i] = gy[l] + s * gy[r];
          }
          if (second) {
            hxx[i] = hxx[l] + s * hxx[r];
            hxy[i] = hxy[l] + s * hxy[r];
            hyy[i] = hyy[l] + s * hyy[r];
          }
        }
        case Program.MUL -> {
          int l = a[i];
          int r = b[i];
          double lv = v[l];
          double rv = v[r];
          v[i] = lv * rv;
          if (first) {
            gx[i] = gx[l] * rv + lv * gx[r];
            gy[i] = gy[l] * rv + lv * gy[r];
          }
          if (second) {
            hxx[i] = hxx[l] * rv + 2 * gx[l] * gx[r] + lv * hxx[r];
            hxy[i] = hxy[l] * rv + gx[l] * gy[r] + gy[l] * gx[r] + lv * hxy[r];
            hyy[i] = hyy[l] * rv + 2 * gy[l] * gy[r] + lv * hyy[r];
          }
        }
        case Program.MIN, Program.MAX -> {
          int l = a[i];
          int r = b[i];
          boolean takeLeft = code == Program.MIN ? v[l] <= v[r] : v[l] >= v[r];
          if (Double.isNaN(v[l]) || Double.isNaN(v[r])) {
            takeLeft = Double.isNaN(v[l]);
          }
          copy(takeLeft ? l : r, i, first, second);
        }
        case Program.SQUARE -> {
          int u = a[i];
          double uv = v[u];
          chain(i, u, uv * uv, 2 * uv, 2, first, second);
        }
        case Program.POW -> {
          int u = a[i];
          double uv = v[u];
          double k = c[i];
          double d1 = k == 0 ? 0 : k * Math.pow(uv, k - 1);
          double d2 = k == 0 || k == 1 ? 0 : k * (k - 1) * Math.pow(uv, k - 2);
          chain(i, u, Math.pow(uv, k), d1, d2, first, second);
        }
        default -> unary(i, UNARY[code - Program.UNARY_BASE], first, second);
      }
    }
  }

  private void unary(int i, UnaryOp f, boolean first, boolean second) {
    int u = p.a[i];
    double x = v[u];
    double val = f.value(x);
    double d1 = f.first(x, val);
    chain(i, u, val, d1, second ? f.second(x, val, d1) : 0, first, second);
  }

  private void chain(int i, int u, double val, double d1, double d2, boolean first,
      boolean second) {
    v[i] = val;
    if (first) {
      // A coordinate the argument does not depend on stays at 0 even where φ' is infinite
      // (the gradient of (x² + y²)^0.75 at the origin is 0, not NaN).
      gx[i] = times(d1, gx[u]);
      gy[i] = times(d1, gy[u]);
    }
    if (second) {
      // Skip 0·∞ where a zero derivative meets an infinite one (e.g. the square of sqrt(x) at 0).
      hxx[i] = times(d2, gx[u] * gx[u]) + times(d1, hxx[u]);
      hxy[i] = times(d2, gx[u] * gy[u]) + times(d1, hxy[u]);
      hyy[i] = times(d2, gy[u] * gy[u]) + times(d1, hyy[u]);
    }
  }

  private static double times(double derivative, double term) {
    return term == 0 ? 0 : derivative * term;
  }

  private void copy(int from, int to, boolean first, boolean second) {
    v[to] = v[from];
    if (first) {
      gx[to] = gx[from];
      gy[to] = gy[from];
    }
    if (second) {
      hxx[to] = hxx[from];
      hxy[to] = hxy[from];
      hyy[to] = hyy[from];
    }
  }

  /** The value of a two-argument operation, for constant folding. */
  static double binaryValue(BinaryOp f, double l, double r) {
    return switch (f) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case MIN -> Math.min(l, r);
      case MAX -> Math.max(l, r);
    };
  }
}
