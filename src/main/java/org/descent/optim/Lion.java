package org.descent.optim;

import org.descent.function.Objective;

/**
 * Lion (evoLved sign momentum), Chen et al., "Symbolic Discovery of Optimization Algorithms"
 * (NeurIPS 2023), Algorithm 2: c ← β₁m + (1 − β₁)g; θ ← θ − ε (sign(c) + λθ);
 * m ← β₂m + (1 − β₂)g, with m₀ = 0. Here β₁, β₂ are written ρ₁, ρ₂, as for Adam.
 *
 * <p>Every coordinate moves by exactly ε (plus the decay) whatever the gradient's size: only
 * its sign counts, so the learning rate is the step length, and the paper's defaults are a
 * small ε = 1e-4 with β₁ = 0.9, β₂ = 0.99, λ = 0. The update interpolates with β₁ but tracks
 * the momentum with the slower β₂, so the sign reacts faster to a new gradient than m does. A
 * coordinate whose c is exactly 0 does not move (sign(0) = 0, as in the paper's code).
 */
final class Lion extends FirstOrderOptimizer {

  private double beta1;
  private double beta2;
  private double decay;
  private double[] m;

  Lion(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    beta1 = spec.get(Param.BETA1);
    beta2 = spec.get(Param.BETA2);
    decay = spec.get(Param.WEIGHT_DECAY);
  }

  @Override
  protected void allocate(int n) {
    m = new double[n];
  }

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    gradient(f, theta, g);
    for (int i = 0; i < theta.length; i++) {
      double c = beta1 * m[i] + (1 - beta1) * g[i];
      theta[i] -= lr * (Math.signum(c) + decay * theta[i]);
      m[i] = beta2 * m[i] + (1 - beta2) * g[i];
    }
    if (recording()) {
      detail().put(StepDetail.Quantity.LION_MOMENTUM, m);
    }
  }

  /** The step is ε times sign(c), not ε times g: the detail's per-coordinate rate would lie. */
  @Override
  protected boolean stepsWithTheRate() {
    return false;
  }
}
