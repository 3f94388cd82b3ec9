package org.descent.optim;

import org.descent.function.Objective;

/**
 * L-BFGS, Nocedal and Wright Algorithms 7.4 (two-loop recursion) and 7.5: the BFGS direction
 * from the last m pairs (s, y) only, with H₀ = γI, γ = sᵀy/yᵀy of the newest pair, and a strong
 * Wolfe line search (c₁ = 1e-4, c₂ = 0.9). Memory and time are O(mn) per iteration, so it scales
 * to networks. Pairs with yᵀs not safely positive are not stored.
 */
final class Lbfgs extends LineSearchOptimizer {

  private int memory;
  private double[][] s;
  private double[][] y;
  private double[] rho;
  private double[] a;
  private int count;
  private int newest;

  Lbfgs(OptimizerSpec spec) {
    super(spec, new StrongWolfeLineSearch(1e-4, 0.9, 40));
  }

  @Override
  protected void configure(OptimizerSpec spec) {
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

  @Override
  protected void iterate(Objective f) {
    int n = d.length;
    // Two-loop recursion: d = −H g.
    System.arraycopy(g, 0, d, 0, n);
    for (int k = 0; k < count; k++) {
      int i = Math.floorMod(newest - k, memory);
      double ai = rho[i] * Vectors.dot(s[i], d);
      a[i] = ai;
      for (int j = 0; j < n; j++) {
        d[j] -= ai * y[i][j];
      }
    }
    if (count > 0) {
      double gamma = 1 / (rho[newest] * Vectors.dot(y[newest], y[newest]));
      for (int j = 0; j < n; j++) {
        d[j] *= gamma;
      }
    }
    for (int k = count - 1; k >= 0; k--) {
      int i = Math.floorMod(newest - k, memory);
      double b = rho[i] * Vectors.dot(y[i], d);
      for (int j = 0; j < n; j++) {
        d[j] += s[i][j] * (a[i] - b);
      }
    }
    for (int j = 0; j < n; j++) {
      d[j] = -d[j];
    }
    if (!descending()) {
      restart();
      steepestDescentDirection();
    }
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
}
