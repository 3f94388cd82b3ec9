package org.descent.optim;

import org.descent.function.Objective;

/**
 * Momentum, Goodfellow et al. Algorithm 8.2: v ← αv − εg; θ ← θ + v, with v₀ = 0. With a
 * constant ε this is the "velocity buffer" form b ← αb + g; θ ← θ − εb (v = −εb) iterate for
 * iterate; with a schedule the two differ, and this class follows the listing.
 */
final class Momentum extends FirstOrderOptimizer implements StabilityBound {

  private double alpha;
  private double[] v;

  Momentum(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    alpha = spec.get(Param.MOMENTUM);
  }

  @Override
  protected void allocate(int n) {
    v = new double[n];
  }

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    gradient(f, theta, g);
    for (int i = 0; i < theta.length; i++) {
      v[i] = alpha * v[i] - lr * g[i];
      theta[i] += v[i];
    }
    if (recording()) {
      detail().put(StepDetail.Quantity.VELOCITY, v);
    }
  }

  /** (2 + 2α)/ε (Cohen et al. 2021). */
  @Override
  public StabilityThreshold stabilityThreshold(double lr) {
    return new StabilityThreshold((2 + 2 * alpha) / lr, false, "(2 + 2α)/ε");
  }
}
