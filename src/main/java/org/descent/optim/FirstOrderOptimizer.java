package org.descent.optim;

import org.descent.function.Objective;

/**
 * What every gradient-with-a-learning-rate method shares: the step counter t, the learning rate
 * of the schedule at t, and gradients clipped by norm. Subclasses hold only their own state and
 * the update rule.
 */
abstract class FirstOrderOptimizer extends ConfiguredOptimizer {

  /** Steps taken so far; the current step is t (0-based). */
  protected int t;
  /** The (clipped) gradient of the current step. */
  protected double[] g;

  FirstOrderOptimizer(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  public final void step(double[] theta, Objective f) {
    if (g == null || g.length != theta.length) {
      g = new double[theta.length];
      allocate(theta.length);
    }
    double lr = spec().schedule().rate(spec().get(Param.LR), t);
    update(theta, f, lr);
    t++;
  }

  /** Computes the clipped gradient at {@code at} into {@code out}. */
  protected final void gradient(Objective f, double[] at, double[] out) {
    f.gradient(at, out);
    GradientClipping.clipByNorm(out, spec().clip());
  }

  /** Allocates the state for n parameters, all zero. */
  protected abstract void allocate(int n);

  /** One update of θ in place with learning rate ε. */
  protected abstract void update(double[] theta, Objective f, double lr);
}
