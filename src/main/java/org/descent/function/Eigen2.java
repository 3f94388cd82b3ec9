package org.descent.function;

/**
 * Eigen-decomposition of a symmetric 2×2 matrix [[a, b], [b, c]], in closed form:
 * λ = (a + c)/2 ± √(((a − c)/2)² + b²), the first eigenvector at angle φ with
 * tan 2φ = 2b/(a − c). λ1 ≥ λ2; (v1x, v1y) and (v2x, v2y) are unit eigenvectors.
 */
public record Eigen2(double lambda1, double lambda2, double v1x, double v1y, double v2x,
    double v2y) {

  public static Eigen2 of(double a, double b, double c) {
    double mean = 0.5 * (a + c);
    double radius = Math.hypot(0.5 * (a - c), b);
    double phi = 0.5 * Math.atan2(2 * b, a - c);
    double cos = Math.cos(phi);
    double sin = Math.sin(phi);
    return new Eigen2(mean + radius, mean - radius, cos, sin, -sin, cos);
  }

  /**
   * κ = |λ|max / |λ|min, the condition number of the curvature: ∞ when an eigenvalue is zero,
   * NaN when the matrix is not finite.
   */
  public double conditionNumber() {
    double big = Math.max(Math.abs(lambda1), Math.abs(lambda2));
    double small = Math.min(Math.abs(lambda1), Math.abs(lambda2));
    if (Double.isNaN(big) || Double.isNaN(small)) {
      return Double.NaN;
    }
    return small == 0 ? Double.POSITIVE_INFINITY : big / small;
  }
}
