package org.descent.training;

import org.descent.function.Objective;

/**
 * The network's loss as the optimizer sees it, counting what the optimizer asks for and noting
 * a loss that is not finite (the run has diverged, even if the weights are still finite).
 */
final class WatchedObjective implements Objective {

  private final Objective inner;
  private long functionEvaluations;
  private long gradientEvaluations;
  private boolean sawNonFinite;

  WatchedObjective(Objective inner) {
    this.inner = inner;
  }

  long functionEvaluations() {
    return functionEvaluations;
  }

  long gradientEvaluations() {
    return gradientEvaluations;
  }

  /** Whether a loss seen since the last {@link #reset} was NaN or infinite. */
  boolean sawNonFinite() {
    return sawNonFinite;
  }

  void reset() {
    sawNonFinite = false;
  }

  private double note(double v) {
    if (!Double.isFinite(v)) {
      sawNonFinite = true;
    }
    return v;
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public double value(double[] theta) {
    functionEvaluations++;
    return note(inner.value(theta));
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    functionEvaluations++;
    gradientEvaluations++;
    return note(inner.valueAndGradient(theta, gradient));
  }

  @Override
  public void gradient(double[] theta, double[] gradient) {
    gradientEvaluations++;
    note(inner.valueAndGradient(theta, gradient));
  }

  @Override
  public boolean hasHessian() {
    return inner.hasHessian();
  }

  @Override
  public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
    functionEvaluations++;
    gradientEvaluations++;
    return note(inner.valueGradientHessian(theta, gradient, hessian));
  }

  @Override
  public Objective copy() {
    return new WatchedObjective(inner.copy());
  }
}
