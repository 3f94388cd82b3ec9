package org.descent.optim;

import org.descent.function.Objective;

/**
 * AdaGrad, Goodfellow et al. Algorithm 8.4 (Duchi et al. 2011): r ← r + g⊙g;
 * θ ← θ − ε/(δ + √r) ⊙ g, δ outside the root as in the listing.
 */
final class AdaGrad extends FirstOrderOptimizer {

  private double delta;
  private double[] r;

  AdaGrad(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    delta = spec.get(Param.DELTA);
  }

  @Override
  protected void allocate(int n) {
    r = new double[n];
  }

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    gradient(f, theta, g);
    for (int i = 0; i < theta.length; i++) {
      r[i] += g[i] * g[i];
      theta[i] -= lr / (delta + Math.sqrt(r[i])) * g[i];
    }
    if (recording()) {
      double[] rate = new double[r.length];
      for (int i = 0; i < rate.length; i++) {
        rate[i] = lr / (delta + Math.sqrt(r[i]));
      }
      detail().put(StepDetail.Quantity.SECOND_MOMENT, r)
          .put(StepDetail.Quantity.EFFECTIVE_RATE, rate);
    }
  }
}
