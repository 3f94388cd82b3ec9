package org.descent.function;

/**
 * The gradient of a compiled formula at many points per call, in structure-of-arrays form: each
 * instruction of the program runs over a block of lanes (one lane per point) before the next,
 * so the inner loops are plain array loops the JIT can vectorize. This is what makes a basin
 * map of a million starts interactive.
 *
 * <p>Short programs run as one fused loop compiled for the formula ({@link FormulaKernels});
 * longer ones instruction by instruction here.
 *
 * <p>Every lane computes exactly what {@link FormulaObjective#valueAndGradient} computes at
 * its point, operation for operation and in the same order (Java's floating point is strict),
 * so the gradient is identical bit for bit; {@code FormulaLanesTest} checks it. Allocates
 * nothing after construction; not thread-safe: one per thread.
 */
public final class FormulaLanes {

  private static final UnaryOp[] UNARY = UnaryOp.values();

  private final Program p;
  private final int width;
  private final int xIndex;
  private final int yIndex;
  private final double[][] v;
  private final double[][] gx;
  private final double[][] gy;
  private final double[] scratch;

  private final FormulaKernels.Kernel kernel;

  FormulaLanes(Program program, int width, FormulaKernels.Kernel kernel) {
    this.kernel = kernel;
    if (width < 1) {
      throw new IllegalArgumentException("width must be positive, got " + width);
    }
    this.p = program;
    this.width = width;
    int n = program.length();
    v = new double[n][];
    gx = new double[n][];
    gy = new double[n][];
    int xi = -1;
    int yi = -1;
    for (int i = 0; i < n; i++) {
      v[i] = new double[width];
      gx[i] = new double[width];
      gy[i] = new double[width];
      // Constants and variables have constant jets: filled once, never written again.
      switch (program.op[i]) {
        case Program.CONST -> java.util.Arrays.fill(v[i], program.constant[i]);
        case Program.VAR_X -> {
          java.util.Arrays.fill(gx[i], 1);
          xi = i;
        }
        case Program.VAR_Y -> {
          java.util.Arrays.fill(gy[i], 1);
          yi = i;
        }
        default -> { }
      }
    }
    xIndex = xi;
    yIndex = yi;
    scratch = new double[width];
  }

  /** The most lanes one call evaluates. */
  public int width() {
    return width;
  }

  /**
   * Writes ∇f(x[i], y[i]) into (dx[i], dy[i]) for i &lt; n. Reads {@code x} and {@code y}
   * (not modified); overwrites the first n entries of {@code dx} and {@code dy}.
   */
  public void gradient(double[] x, double[] y, int n, double[] dx, double[] dy) {
    if (n < 0 || n > width) {
      throw new IllegalArgumentException("between 0 and " + width + " lanes, got " + n);
    }
    if (kernel != null) {
      fused(x, y, n, dx, dy);
      return;
    }
    final int[] op = p.op;
    final int[] a = p.a;
    final int[] b = p.b;
    final double[] c = p.constant;
    if (xIndex >= 0) {
      System.arraycopy(x, 0, v[xIndex], 0, n);
    }
    if (yIndex >= 0) {
      System.arraycopy(y, 0, v[yIndex], 0, n);
    }
    for (int i = 0; i < op.length; i++) {
      int code = op[i];
      double[] ov = v[i];
      double[] ox = gx[i];
      double[] oy = gy[i];
      switch (code) {
        case Program.CONST, Program.VAR_X, Program.VAR_Y -> { }
        case Program.ADD -> {
          add(v[a[i]], v[b[i]], ov, n);
          add(gx[a[i]], gx[b[i]], ox, n);
          add(gy[a[i]], gy[b[i]], oy, n);
        }
        case Program.SUB -> {
          // The scalar evaluator computes l + (-1)·r: the same IEEE operation as l − r.
          sub(v[a[i]], v[b[i]], ov, n);
          sub(gx[a[i]], gx[b[i]], ox, n);
          sub(gy[a[i]], gy[b[i]], oy, n);
        }
        case Program.MUL -> {
          double[] lv = v[a[i]];
          double[] rv = v[b[i]];
          mul(lv, rv, ov, n);
          product(gx[a[i]], rv, lv, gx[b[i]], ox, n);
          product(gy[a[i]], rv, lv, gy[b[i]], oy, n);
        }
        case Program.MIN, Program.MAX -> {
          double[] lv = v[a[i]], lx = gx[a[i]], ly = gy[a[i]];
          double[] rv = v[b[i]], rx = gx[b[i]], ry = gy[b[i]];
          boolean min = code == Program.MIN;
          for (int j = 0; j < n; j++) {
            double l = lv[j];
            double r = rv[j];
            boolean left = min ? l <= r : l >= r;
            if (Double.isNaN(l) || Double.isNaN(r)) {
              left = Double.isNaN(l);
            }
            ov[j] = left ? l : r;
            ox[j] = left ? lx[j] : rx[j];
            oy[j] = left ? ly[j] : ry[j];
          }
        }
        case Program.SQUARE -> {
          double[] uv = v[a[i]];
          mul(uv, uv, ov, n);
          twice(uv, scratch, n);
          chain(scratch, gx[a[i]], ox, n);
          chain(scratch, gy[a[i]], oy, n);
        }
        case Program.POW -> {
          double[] uv = v[a[i]], ux = gx[a[i]], uy = gy[a[i]];
          double k = c[i];
          for (int j = 0; j < n; j++) {
            double u = uv[j];
            double d1 = k == 0 ? 0 : k * Math.pow(u, k - 1);
            ov[j] = Math.pow(u, k);
            ox[j] = times(d1, ux[j]);
            oy[j] = times(d1, uy[j]);
          }
        }
        default -> unary(i, UNARY[code - Program.UNARY_BASE], n);
      }
    }
    int root = op.length - 1;
    System.arraycopy(gx[root], 0, dx, 0, n);
    System.arraycopy(gy[root], 0, dy, 0, n);
  }

  /**
   * The compiled kernel, in a method of its own: inlined into the interpreter's large method,
   * its loop would not be vectorized.
   */
  private void fused(double[] x, double[] y, int n, double[] dx, double[] dy) {
    if (kernel.optimistic(x, y, n, dx, dy, scratch) && !allClear(scratch, n)) {
      for (int j = 0; j < n; j++) {
        if (FormulaKernels.suspicious(scratch[j])) {
          exactAt(x, y, j, dx, dy);
        }
      }
    }
  }

  /**
   * Whether no product of guarded terms is 0 or NaN: the smallest magnitude is positive (a NaN
   * makes the minimum NaN). A reduction the JIT vectorizes, so the common case costs little.
   */
  private static boolean allClear(double[] products, int n) {
    double m = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      m = Math.min(m, Math.abs(products[j]));
    }
    return m > 0;
  }

  /** Points where a guarded term was ±0: the evaluator's guards decide there. */
  private void exactAt(double[] x, double[] y, int j, double[] dx, double[] dy) {
    kernel.exact(x, y, j, j + 1, dx, dy);
  }

  // Small loops, one per method: each compiles (and vectorizes) on its own.

  private static void add(double[] l, double[] r, double[] out, int n) {
    for (int j = 0; j < n; j++) {
      out[j] = l[j] + r[j];
    }
  }

  private static void sub(double[] l, double[] r, double[] out, int n) {
    for (int j = 0; j < n; j++) {
      out[j] = l[j] - r[j];
    }
  }

  private static void mul(double[] l, double[] r, double[] out, int n) {
    for (int j = 0; j < n; j++) {
      out[j] = l[j] * r[j];
    }
  }

  private static void twice(double[] u, double[] out, int n) {
    for (int j = 0; j < n; j++) {
      out[j] = 2 * u[j];
    }
  }

  /** out = dl·r + l·dr, the Leibniz rule in the scalar evaluator's order. */
  private static void product(double[] dl, double[] r, double[] l, double[] dr, double[] out,
      int n) {
    for (int j = 0; j < n; j++) {
      out[j] = dl[j] * r[j] + l[j] * dr[j];
    }
  }

  /** out = times(d, du), lane-wise. */
  private static void chain(double[] d, double[] du, double[] out, int n) {
    for (int j = 0; j < n; j++) {
      out[j] = times(d[j], du[j]);
    }
  }

  /** As the scalar evaluator's unary case, first order only. */
  private void unary(int i, UnaryOp f, int n) {
    int u = p.a[i];
    double[] uv = v[u];
    double[] ov = v[i];
    double[] d = scratch;
    for (int j = 0; j < n; j++) {
      double val = f.value(uv[j]);
      ov[j] = val;
      d[j] = f.first(uv[j], val);
    }
    chain(d, gx[u], gx[i], n);
    chain(d, gy[u], gy[i], n);
  }

  /** As in the scalar evaluator: a coordinate the argument does not depend on stays 0. */
  private static double times(double derivative, double term) {
    return term == 0 ? 0 : derivative * term;
  }
}
