package org.descent.function;

/**
 * A formula as an {@link Objective} of two parameters (x, y), with exact derivatives by
 * forward-mode differentiation. Allocation-free; not thread-safe (see {@link #copy()}).
 */
public final class FormulaObjective implements Objective {

  private final Formula formula;
  private final JetEvaluator jet;

  FormulaObjective(Formula formula, JetEvaluator jet) {
    this.formula = formula;
    this.jet = jet;
  }

  public Formula formula() {
    return formula;
  }

  @Override
  public int dimension() {
    return 2;
  }

  /** f(x, y). */
  public double value(double x, double y) {
    jet.evaluate(x, y, JetEvaluator.VALUE);
    return jet.value();
  }

  @Override
  public double value(double[] theta) {
    return value(theta[0], theta[1]);
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    jet.evaluate(theta[0], theta[1], JetEvaluator.GRADIENT);
    gradient[0] = jet.dx();
    gradient[1] = jet.dy();
    return jet.value();
  }

  @Override
  public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
    jet.evaluate(theta[0], theta[1], JetEvaluator.HESSIAN);
    gradient[0] = jet.dx();
    gradient[1] = jet.dy();
    hessian[0] = jet.dxx();
    hessian[1] = jet.dxy();
    hessian[2] = jet.dxy();
    hessian[3] = jet.dyy();
    return jet.value();
  }

  /**
   * Evaluates everything at (x, y) into {@code out} = [f, fx, fy, fxx, fxy, fyy], for readouts
   * and grids that work with plain coordinates.
   */
  public void jet(double x, double y, double[] out) {
    jet.evaluate(x, y, JetEvaluator.HESSIAN);
    out[0] = jet.value();
    out[1] = jet.dx();
    out[2] = jet.dy();
    out[3] = jet.dxx();
    out[4] = jet.dxy();
    out[5] = jet.dyy();
  }

  @Override
  public FormulaObjective copy() {
    return formula.objective();
  }
}
