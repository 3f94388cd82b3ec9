package org.descent.scenario;

import org.descent.function.Objective;

/** The demos' tests read curvature here: the Hessian's two eigenvalues, in closed form. */
final class HessianEigenvalues {

  private HessianEigenvalues() {
  }

  /** The eigenvalues of f's Hessian at (x, y), smallest first. */
  static double[] at(Objective f, double x, double y) {
    double[] g = new double[2];
    double[] h = new double[4];
    f.valueGradientHessian(new double[] {x, y}, g, h);
    double mean = (h[0] + h[3]) / 2;
    double r = Math.hypot((h[0] - h[3]) / 2, h[1]);
    return new double[] {mean - r, mean + r};
  }
}
