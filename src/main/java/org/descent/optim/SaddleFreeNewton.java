package org.descent.optim;

import org.descent.function.SymmetricMatrices;

/**
 * Saddle-free Newton (Dauphin et al. 2014): θ ← θ − (|H| + λI)⁻¹ g, where
 * |H| = V|Λ|Vᵀ replaces each eigenvalue of the Hessian by its absolute value. Along directions
 * of negative curvature it moves downhill instead of toward the saddle.
 */
final class SaddleFreeNewton extends HessianOptimizer {

  private double[] values;
  private double[] vectors;

  SaddleFreeNewton(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void allocate(int n) {
    values = new double[n];
    vectors = new double[n * n];
  }

  @Override
  protected void move(double[] theta, int n) {
    SymmetricMatrices.eigen(h, n, values, vectors);
    for (int k = 0; k < n; k++) {
      double component = 0; // v_kᵀ g
      for (int i = 0; i < n; i++) {
        component += vectors[i * n + k] * g[i];
      }
      if (component == 0) {
        continue;
      }
      double scale = component / (Math.abs(values[k]) + damping);
      for (int i = 0; i < n; i++) {
        theta[i] -= scale * vectors[i * n + k];
      }
    }
  }
}
