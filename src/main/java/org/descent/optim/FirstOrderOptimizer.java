package org.descent.optim;

import org.descent.function.Objective;

/**
 * What every gradient-with-a-learning-rate method shares: the step counter t, the learning rate
 * of the schedule at t, and gradients clipped by norm. Subclasses hold only their own state and
 * the update rule.
 */
abstract class FirstOrderOptimizer implements Optimizer {

  private OptimizerSpec spec;
  /** Steps taken so far; the current step is t (0-based). */
  protected int t;
  /** The (clipped) gradient of the current step. */
  protected double[] g;

  FirstOrderOptimizer(OptimizerSpec spec) {
    reconfigure(spec);
  }

  @Override
  public final void step(double[] theta, Objective f) {
    if (g == null || g.length != theta.length) {
      g = new double[theta.length];
      allocate(theta.length);
    }
    double lr = spec.schedule().rate(spec.get(Param.LR), t);
    update(theta, f, lr);
    t++;
  }

  /** Computes the clipped gradient at {@code at} into {@code out}. */
  protected final void gradient(Objective f, double[] at, double[] out) {
    f.gradient(at, out);
    GradientClipping.clipByNorm(out, spec.clip());
  }

  @Override
  public final void reconfigure(OptimizerSpec newSpec) {
    if (spec != null) {
      spec.requireSameType(newSpec);
    }
    this.spec = newSpec;
    configure(newSpec);
  }

  @Override
  public final OptimizerSpec spec() {
    return spec;
  }

  /** Reads the hyperparameters of the type (called on construction and on reconfigure). */
  protected abstract void configure(OptimizerSpec spec);

  /** Allocates the state for n parameters, all zero. */
  protected abstract void allocate(int n);

  /** One update of θ in place with learning rate ε. */
  protected abstract void update(double[] theta, Objective f, double lr);
}
