package org.descent.optim;

import org.descent.function.Objective;

/**
 * L-BFGS, Nocedal and Wright Algorithms 7.4 (two-loop recursion) and 7.5: the BFGS direction
 * from the last m pairs (s, y) only, with H₀ = γI, γ = sᵀy/yᵀy of the newest pair, and a strong
 * Wolfe line search (hyperparameters c₁ = 1e-4, c₂ = 0.9). Memory and time are O(mn) per iteration, so it scales
 * to networks. Pairs with yᵀs not safely positive are not stored.
 */
final class Lbfgs extends LineSearchOptimizer implements InverseHessianModel {

  private int memory;
  private double[][] s;
  private double[][] y;
  private double[] rho;
  private double[] a;
  private int count;
  private int newest;

  Lbfgs(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configureMethod(OptimizerSpec spec) {
    int m = (int) spec.get(Param.MEMORY);
    if (s != null && m != memory) {
      memory = m;
      allocate(s[0].length);
    }
    memory = m;
  }

  @Override
  protected void allocate(int n) {
    s = new double[memory][n];
    y = new double[memory][n];
    rho = new double[memory];
    a = new double[memory];
    count = 0;
    newest = -1;
  }

  @Override
  protected void restart() {
    count = 0;
    newest = -1;
  }

  /**
   * M, n × n row-major: column j is the two-loop recursion applied to the unit vector eⱼ, so it
   * is exactly the matrix the directions are computed with (H₀ = γI of the newest pair, I
   * before the first pair).
   */
  @Override
  public double[] inverseHessian() {
    if (s == null) {
      return null;
    }
    int n = d.length;
    double[] m = new double[n * n];
    double[] e = new double[n];
    for (int j = 0; j < n; j++) {
      java.util.Arrays.fill(e, 0);
      e[j] = 1;
      twoLoop(e);
      for (int i = 0; i < n; i++) {
        m[i * n + j] = e[i];
      }
    }
    return m;
  }

  @Override
  protected void recordModel(StepDetail.Builder detail) {
    detail.put(StepDetail.Quantity.INVERSE_HESSIAN, inverseHessian());
  }

  @Override
  protected void iterate(Objective f) {
    int n = d.length;
    System.arraycopy(g, 0, d, 0, n);
    twoLoop(d);
    for (int j = 0; j < n; j++) {
      d[j] = -d[j];
    }
    if (!descending()) {
      restart();
      steepestDescentDirection();
    }
    directionChosen();
    double alpha = searchAlongDirection(f, count > 0 ? 1.0 : unitLengthStep());
    if (alpha == 0) {
      restart();
      return;
    }
    double sy = curvature();
    if (Double.isNaN(sy)) {
      return; // rejected: the slot to be written may still hold the oldest pair in use
    }
    int slot = (newest + 1) % memory;
    for (int j = 0; j < n; j++) {
      s[slot][j] = x[j] - xNew[j];
      y[slot][j] = g[j] - gNew[j];
    }
    rho[slot] = 1 / sy;
    newest = slot;
    count = Math.min(count + 1, memory);
  }

  /**
   * The two-loop recursion (Nocedal and Wright Algorithm 7.4) in place: v ← M v with the pairs
   * held. Uses the scratch array a.
   */
  private void twoLoop(double[] v) {
    int n = v.length;
    for (int k = 0; k < count; k++) {
      int i = Math.floorMod(newest - k, memory);
      double ai = rho[i] * Vectors.dot(s[i], v);
      a[i] = ai;
      for (int j = 0; j < n; j++) {
        v[j] -= ai * y[i][j];
      }
    }
    if (count > 0) {
      double gamma = 1 / (rho[newest] * Vectors.dot(y[newest], y[newest]));
      for (int j = 0; j < n; j++) {
        v[j] *= gamma;
      }
    }
    for (int k = count - 1; k >= 0; k--) {
      int i = Math.floorMod(newest - k, memory);
      double b = rho[i] * Vectors.dot(y[i], v);
      for (int j = 0; j < n; j++) {
        v[j] += s[i][j] * (a[i] - b);
      }
    }
  }
}
