package org.descent.function;

/** 2 × 2 matrices, row-major in a {@code double[4]}: [[m0, m1], [m2, m3]]. */
public final class Matrix2 {

  private Matrix2() {}

  /**
   * M⁻¹ = [[m3, −m1], [−m2, m0]] / det M, a new array ({@code m} is not modified); null when
   * det M = 0.
   */
  public static double[] inverse(double[] m) {
    double det = m[0] * m[3] - m[1] * m[2];
    return det != 0 ? new double[] {m[3] / det, -m[1] / det, -m[2] / det, m[0] / det} : null;
  }

  /** H⁻¹ of {@code f} at θ (a 2-D point, not modified); null where H is singular. */
  public static double[] inverseHessian(Objective f, double[] theta) {
    double[] gradient = new double[2];
    double[] hessian = new double[4];
    f.valueGradientHessian(theta, gradient, hessian);
    return inverse(hessian);
  }
}
