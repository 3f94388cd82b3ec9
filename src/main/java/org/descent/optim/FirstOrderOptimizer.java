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
    beginDetail(t);
    double[] before = recording() ? theta.clone() : null;
    update(theta, f, lr);
    if (before != null) {
      detail().put(StepDetail.Scalar.LEARNING_RATE, lr);
      if (!detail().has(StepDetail.Quantity.EFFECTIVE_RATE) && stepsWithTheRate()) {
        double[] rate = new double[theta.length];
        java.util.Arrays.fill(rate, lr);
        detail().put(StepDetail.Quantity.EFFECTIVE_RATE, rate);
      }
      endDetail(before, theta);
    }
    t++;
  }

  /**
   * Computes the clipped gradient at {@code at} into {@code out}; when recording, the first
   * gradient of the step is kept as g (and the clipped one, if clipping acted).
   */
  protected final void gradient(Objective f, double[] at, double[] out) {
    f.gradient(at, out);
    StepDetail.Builder d = detail();
    boolean first = d != null && !d.has(StepDetail.Quantity.GRADIENT);
    if (first) {
      d.put(StepDetail.Quantity.EVALUATED_AT, at);
      d.put(StepDetail.Quantity.GRADIENT, out);
    }
    if (GradientClipping.clipByNorm(out, spec().clip()) && first) {
      d.put(StepDetail.Quantity.CLIPPED_GRADIENT, out);
    }
  }

  /**
   * Whether the step is ε times the gradient in every coordinate, so that the step detail's
   * per-coordinate rate is ε unless the method records its own.
   */
  protected boolean stepsWithTheRate() {
    return true;
  }

  /** Allocates the state for n parameters, all zero. */
  protected abstract void allocate(int n);

  /** One update of θ in place with learning rate ε. */
  protected abstract void update(double[] theta, Objective f, double lr);
}
