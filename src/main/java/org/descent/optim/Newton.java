package org.descent.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Newton's method, Goodfellow et al. Algorithm 8.8, with Levenberg–Marquardt damping λ:
 * θ ← θ − (H + λI)⁻¹ g. No line search, as in the listing: on a quadratic it lands on the
 * critical point in one step, which is a saddle when H is indefinite. Where H + λI is singular
 * the step is infinite and the run is shown as diverged.
 */
final class Newton extends HessianOptimizer {

  private double[] p;

  Newton(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void allocate(int n) {
    p = new double[n];
  }

  @Override
  protected void move(double[] theta, int n) {
    for (int i = 0; i < n; i++) {
      h[i * n + i] += damping;
    }
    solve(h, g, p, n);
    for (int i = 0; i < n; i++) {
      theta[i] -= p[i];
    }
  }

  /** p = A⁻¹ g; non-finite entries when A is singular. */
  static void solve(double[] a, double[] g, double[] p, int n) {
    if (n == 2) {
      double det = a[0] * a[3] - a[1] * a[2];
      p[0] = (a[3] * g[0] - a[1] * g[1]) / det;
      p[1] = (a[0] * g[1] - a[2] * g[0]) / det;
      return;
    }
    Array2DRowRealMatrix m = new Array2DRowRealMatrix(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m.setEntry(i, j, a[i * n + j]);
      }
    }
    LUDecomposition lu = new LUDecomposition(m);
    if (!lu.getSolver().isNonSingular()) {
      java.util.Arrays.fill(p, Double.POSITIVE_INFINITY);
      return;
    }
    RealVector x = lu.getSolver().solve(new ArrayRealVector(g));
    for (int i = 0; i < n; i++) {
      p[i] = x.getEntry(i);
    }
  }
}
