package org.descent.function;

/**
 * Counts what an optimizer asks of a function: a value, a gradient, or both count as one
 * function and/or one gradient evaluation; a Hessian, which comes with its value and gradient,
 * counts as one of each.
 */
public final class CountingObjective implements Objective {

  private final Objective inner;
  private long functionEvaluations;
  private long gradientEvaluations;

  public CountingObjective(Objective inner) {
    this.inner = inner;
  }

  public long functionEvaluations() {
    return functionEvaluations;
  }

  public long gradientEvaluations() {
    return gradientEvaluations;
  }

  @Override
  public int dimension() {
    return inner.dimension();
  }

  @Override
  public double value(double[] theta) {
    functionEvaluations++;
    return inner.value(theta);
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    functionEvaluations++;
    gradientEvaluations++;
    return inner.valueAndGradient(theta, gradient);
  }

  @Override
  public void gradient(double[] theta, double[] gradient) {
    gradientEvaluations++;
    inner.gradient(theta, gradient);
  }

  @Override
  public boolean hasHessian() {
    return inner.hasHessian();
  }

  @Override
  public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
    functionEvaluations++;
    gradientEvaluations++;
    return inner.valueGradientHessian(theta, gradient, hessian);
  }

  /** A fresh counter (starting at zero) around a copy of the function. */
  @Override
  public CountingObjective copy() {
    return new CountingObjective(inner.copy());
  }
}
