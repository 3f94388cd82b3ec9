package org.descent.optim;

import org.descent.function.Objective;

/**
 * RMSProp, Goodfellow et al. Algorithm 8.5 (Hinton 2012): r ← ρr + (1 − ρ) g⊙g;
 * θ ← θ − ε/√(δ + r) ⊙ g, δ inside the root as in the listing.
 */
final class RmsProp extends FirstOrderOptimizer {

  private double rho;
  private double delta;
  private double[] r;

  RmsProp(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    rho = spec.get(Param.RHO);
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
      r[i] = rho * r[i] + (1 - rho) * g[i] * g[i];
      theta[i] -= lr / Math.sqrt(delta + r[i]) * g[i];
    }
    if (recording()) {
      double[] rate = new double[r.length];
      for (int i = 0; i < rate.length; i++) {
        rate[i] = lr / Math.sqrt(delta + r[i]);
      }
      detail().put(StepDetail.Quantity.SECOND_MOMENT, r)
          .put(StepDetail.Quantity.EFFECTIVE_RATE, rate);
    }
  }
}
