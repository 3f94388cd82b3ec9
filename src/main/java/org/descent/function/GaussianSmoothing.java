package org.descent.function;

/**
 * A 2-D function blurred by a Gaussian of width σ, f_σ(θ) = E[f(θ + σz)] with z ~ N(0, I), the
 * continuation method of Goodfellow et al. section 8.7.6: wide blurs melt the small ripples
 * away, so the blurred function has fewer minima, and following its minimum as σ shrinks leads
 * to the basin of the global one. The expectation is computed by Gauss–Hermite quadrature
 * with {@link #NODES} nodes per axis: exact for polynomials up to degree 2·NODES − 1, and for
 * smooth functions such as Rastrigin's cosines accurate far beyond what a picture shows. The
 * value, the gradient and the Hessian are the blurred function's own (the expectation of the
 * derivatives). σ = 0 is the function itself. Not thread-safe (scratch space); {@link #copy()}
 * gives another.
 */
public final class GaussianSmoothing implements Objective {

  /** Quadrature nodes per axis. */
  public static final int NODES = 12;

  // Gauss–Hermite nodes t and weights w for ∫ e^(−t²) g(t) dt, computed once by Newton's method
  // on the Hermite polynomial (Golub–Welsch would do too).
  private static final double[] T = new double[NODES];
  private static final double[] W = new double[NODES];

  static {
    hermiteRule(NODES, T, W);
  }

  private final FormulaObjective f;
  private final double sigma;
  private final double[] jet = new double[6];
  private final double[] sum = new double[6];

  public GaussianSmoothing(FormulaObjective f, double sigma) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("the blur sigma must be zero or positive, got "
          + sigma);
    }
    this.f = f;
    this.sigma = sigma;
  }

  public double sigma() {
    return sigma;
  }

  @Override
  public int dimension() {
    return 2;
  }

  /** Writes the blurred value, gradient and Hessian at (x, y) into out, as FormulaObjective.jet. */
  public void jet(double x, double y, double[] out) {
    if (sigma == 0) {
      f.jet(x, y, out);
      return;
    }
    java.util.Arrays.fill(sum, 0);
    double h = Math.sqrt(2) * sigma;
    for (int i = 0; i < NODES; i++) {
      for (int j = 0; j < NODES; j++) {
        f.jet(x + h * T[i], y + h * T[j], jet);
        double w = W[i] * W[j];
        for (int k = 0; k < 6; k++) {
          sum[k] += w * jet[k];
        }
      }
    }
    for (int k = 0; k < 6; k++) {
      out[k] = sum[k] / Math.PI;
    }
  }

  @Override
  public double value(double[] theta) {
    jet(theta[0], theta[1], jet);
    return jet[0];
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    double[] out = new double[6];
    jet(theta[0], theta[1], out);
    gradient[0] = out[1];
    gradient[1] = out[2];
    return out[0];
  }

  @Override
  public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
    double[] out = new double[6];
    jet(theta[0], theta[1], out);
    gradient[0] = out[1];
    gradient[1] = out[2];
    hessian[0] = out[3];
    hessian[1] = out[4];
    hessian[2] = out[4];
    hessian[3] = out[5];
    return out[0];
  }

  @Override
  public GaussianSmoothing copy() {
    return new GaussianSmoothing(f.copy(), sigma);
  }

  /**
   * The n-point Gauss–Hermite rule: the roots of the physicists' Hermite polynomial H_n by
   * Newton's method from the asymptotic first guesses, and their weights
   * 2^(n−1) n! √π / (n² H_(n−1)(t)²), in the stable normalized recurrence.
   */
  static void hermiteRule(int n, double[] t, double[] w) {
    // Newton on the orthonormal Hermite functions (Numerical Recipes' gauher recurrence, in
    // its own words): p_j = sqrt(2/j) t p_(j-1) - sqrt((j-1)/j) p_(j-2).
    double pim4 = 0.7511255444649425; // π^(−1/4)
    int m = (n + 1) / 2;
    double z = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0) {
        z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -0.16667);
      } else if (i == 1) {
        z -= 1.14 * Math.pow(n, 0.426) / z;
      } else if (i == 2) {
        z = 1.86 * z - 0.86 * t[0];
      } else if (i == 3) {
        z = 1.91 * z - 0.91 * t[1];
      } else {
        z = 2.0 * z - t[i - 2];
      }
      double pp = 0;
      for (int iteration = 0; iteration < 100; iteration++) {
        double p1 = pim4;
        double p2 = 0;
        for (int j = 1; j <= n; j++) {
          double p3 = p2;
          p2 = p1;
          p1 = z * Math.sqrt(2.0 / j) * p2 - Math.sqrt((j - 1.0) / j) * p3;
        }
        pp = Math.sqrt(2.0 * n) * p2;
        double z1 = z;
        z = z1 - p1 / pp;
        if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) {
          break;
        }
      }
      t[i] = z;
      t[n - 1 - i] = -z;
      w[i] = 2.0 / (pp * pp);
      w[n - 1 - i] = w[i];
    }
  }
}
