package org.descent.optim;

import org.descent.function.Objective;

/**
 * Saddle-free Newton (Dauphin et al. 2014): θ ← θ − (|H| + λI)⁻¹ g, where
 * |H| = V|Λ|Vᵀ replaces each eigenvalue of the Hessian by its absolute value. Along directions
 * of negative curvature it moves downhill instead of toward the saddle.
 */
final class SaddleFreeNewton implements Optimizer {

  private OptimizerSpec spec;
  private double damping;
  private double[] g;
  private double[] h;
  private double[] values;
  private double[] vectors;

  SaddleFreeNewton(OptimizerSpec spec) {
    reconfigure(spec);
  }

  @Override
  public void step(double[] theta, Objective f) {
    int n = theta.length;
    if (g == null || g.length != n) {
      g = new double[n];
      h = new double[n * n];
      values = new double[n];
      vectors = new double[n * n];
    }
    f.valueGradientHessian(theta, g, h);
    if (Vectors.isZero(g)) {
      return;
    }
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

  @Override
  public void reconfigure(OptimizerSpec newSpec) {
    if (spec != null) {
      spec.requireSameType(newSpec);
    }
    this.spec = newSpec;
    this.damping = newSpec.get(Param.DAMPING);
  }

  @Override
  public OptimizerSpec spec() {
    return spec;
  }
}
