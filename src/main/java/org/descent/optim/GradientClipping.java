package org.descent.optim;

/**
 * Clipping by norm (Pascanu et al. 2013; Goodfellow et al. section 10.11.1): when ‖g‖ exceeds
 * the threshold v, g ← g v/‖g‖. The direction is kept; only the step length is bounded, which is
 * what tames the gradient on a cliff.
 */
public final class GradientClipping {

  private GradientClipping() {}

  /**
   * Rescales {@code g} in place so its Euclidean norm is at most {@code maxNorm}.
   *
   * @return true when it was rescaled
   */
  public static boolean clipByNorm(double[] g, double maxNorm) {
    if (maxNorm == Double.POSITIVE_INFINITY) {
      return false;
    }
    double norm = Vectors.norm(g);
    if (norm > maxNorm && Double.isFinite(norm)) {
      double scale = maxNorm / norm;
      for (int i = 0; i < g.length; i++) {
        g[i] *= scale;
      }
      return true;
    }
    return false;
  }
}
