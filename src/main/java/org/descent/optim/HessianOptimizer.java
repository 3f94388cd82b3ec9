package org.descent.optim;

import org.descent.function.Objective;

/**
 * What the Newton methods share: the exact gradient and Hessian at θ, the damping λ, and
 * staying put where the gradient vanishes (even where H is singular). Subclasses turn g and H
 * into the step.
 */
abstract class HessianOptimizer extends ConfiguredOptimizer {

  protected double damping;
  protected double[] g;
  protected double[] h;

  HessianOptimizer(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    damping = spec.get(Param.DAMPING);
  }

  @Override
  public final void step(double[] theta, Objective f) {
    int n = theta.length;
    if (g == null || g.length != n) {
      g = new double[n];
      h = new double[n * n];
      allocate(n);
    }
    f.valueGradientHessian(theta, g, h);
    if (Vectors.isZero(g)) {
      return; // at a critical point: stay, even where H is singular
    }
    move(theta, n);
  }

  /** Allocates the method's own buffers for n parameters. */
  protected abstract void allocate(int n);

  /** Moves θ in place using g and H (row-major n×n) at θ. */
  protected abstract void move(double[] theta, int n);
}
