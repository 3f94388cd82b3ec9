package org.descent.optim;

import org.descent.function.Objective;

/**
 * Nesterov momentum, Goodfellow et al. Algorithm 8.3: the gradient is taken at the look-ahead
 * point θ̃ = θ + αv; then v ← αv − εg; θ ← θ + v. The iterate is θ, not θ̃.
 */
final class Nesterov extends FirstOrderOptimizer implements StabilityBound {

  private double alpha;
  private double[] v;
  private double[] ahead;

  Nesterov(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    alpha = spec.get(Param.MOMENTUM);
  }

  @Override
  protected void allocate(int n) {
    v = new double[n];
    ahead = new double[n];
  }

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    Vectors.axpy(theta, alpha, v, ahead);
    gradient(f, ahead, g);
    for (int i = 0; i < theta.length; i++) {
      v[i] = alpha * v[i] - lr * g[i];
      theta[i] += v[i];
    }
    if (recording()) {
      detail().put(StepDetail.Quantity.VELOCITY, v);
    }
  }

  /** (2 + 2α)/((1 + 2α)ε) (Cohen et al. 2021). */
  @Override
  public StabilityThreshold stabilityThreshold(double lr) {
    return new StabilityThreshold((2 + 2 * alpha) / ((1 + 2 * alpha) * lr), false,
        "(2 + 2α)/((1 + 2α)ε)");
  }
}
