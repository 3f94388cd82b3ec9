package org.descent.optim;

import org.descent.function.Objective;

/**
 * Gradient descent, Goodfellow et al. Algorithm 8.1 (with the full gradient, or a noisy one
 * when the objective simulates mini-batches): θ ← θ − ε g.
 */
final class Sgd extends FirstOrderOptimizer implements StabilityBound {

  Sgd(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {}

  @Override
  protected void allocate(int n) {}

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    gradient(f, theta, g);
    for (int i = 0; i < theta.length; i++) {
      theta[i] -= lr * g[i];
    }
  }

  /** 2/ε: the step's multiplier 1 − ελ passes −1. */
  @Override
  public StabilityThreshold stabilityThreshold(double lr) {
    return new StabilityThreshold(2 / lr, false, "2/ε");
  }
}
