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
  private int steps;

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
    beginDetail(steps++);
    double[] before = recording() ? theta.clone() : null;
    f.valueGradientHessian(theta, g, h);
    if (before != null) {
      detail().put(StepDetail.Quantity.EVALUATED_AT, theta).put(StepDetail.Quantity.GRADIENT, g)
          .put(StepDetail.Quantity.HESSIAN, h);
    }
    if (!Vectors.isZero(g)) { // at a critical point: stay, even where H is singular
      move(theta, n);
    }
    if (before != null) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = theta[i] - before[i];
      }
      detail().put(StepDetail.Quantity.DIRECTION, d);
      endDetail(before, theta);
    }
  }

  /** Allocates the method's own buffers for n parameters. */
  protected abstract void allocate(int n);

  /** Moves θ in place using g and H (row-major n×n) at θ. */
  protected abstract void move(double[] theta, int n);
}
