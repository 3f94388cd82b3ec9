package org.descent.analysis;

import org.descent.function.Eigen2;
import org.descent.function.FormulaObjective;

/**
 * Everything the hover readout shows at a point: f, ∇f, the Hessian's eigenvalues and
 * eigenvectors (the curvature axes) and the condition number. Non-finite values are kept as
 * they are, to be displayed, never thrown.
 */
public record PointDiagnostics(double x, double y, double value, double dx, double dy,
    double hxx, double hxy, double hyy, Eigen2 curvature) {

  /** Evaluates f at (x, y) with its exact derivatives (uses the caller's evaluator). */
  public static PointDiagnostics at(FormulaObjective f, double x, double y) {
    double[] j = new double[6];
    f.jet(x, y, j);
    return new PointDiagnostics(x, y, j[0], j[1], j[2], j[3], j[4], j[5],
        Eigen2.of(j[3], j[4], j[5]));
  }

  public double gradientNorm() {
    return Math.hypot(dx, dy);
  }

  public double conditionNumber() {
    return curvature.conditionNumber();
  }

  /**
   * The largest stable learning rate of gradient descent for the local quadratic model,
   * 2/λmax; ∞ where no curvature is positive.
   */
  public double stableLearningRate() {
    double top = curvature.lambda1();
    return top > 0 ? 2 / top : Double.POSITIVE_INFINITY;
  }
}
