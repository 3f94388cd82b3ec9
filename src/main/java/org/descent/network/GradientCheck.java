package org.descent.network;

import org.descent.function.Objective;

/**
 * The check every backprop implementation owes its users: the gradient against central
 * finite differences for every parameter, reporting the largest relative error
 * |g − g_fd| / max(|g|, |g_fd|, 1e-4 · max(1, |f|)). The floor keeps components that all but
 * vanish (a dead unit's weights, a saturated unit's) from dividing rounding noise by almost
 * zero: a loss f is computed with a rounding error of a few 1e-16 · |f|, which the differences
 * turn into a noise of about 1e-11 · |f| in g_fd, so a component is measured against the loss's
 * own scale once it is smaller than 1e-4 of it. The differences are the
 * fourth-order central stencil (8(f₊₁ − f₋₁) − (f₊₂ − f₋₂)) / 12h with f_k = f(θ + k h eᵢ)
 * and h = 1e-4: its truncation error (h⁴) and rounding error (ε/h) are both near 1e-12, where
 * the two-point stencil's would be near 1e-11, so a correct backprop in double precision shows
 * relative errors around 1e-9 and a wrong one errors of order 1. ReLU is not differentiable
 * at 0: a pre-activation within 2h of its kink can show a large error that is not a bug (on a
 * small batch it is rare).
 */
public final class GradientCheck {

  /** The finite-difference step. */
  public static final double STEP = 1e-4;
  /** Components below this fraction of max(1, |f|) are measured against that scale. */
  public static final double FLOOR = 1e-4;

  private GradientCheck() {}

  /**
   * @param worst the index of the parameter with the largest error
   * @param backprop the gradient there, by backprop
   * @param finiteDifference the gradient there, by central differences
   */
  public record Result(double maxRelativeError, int worst, double backprop,
      double finiteDifference, int parameters) {}

  /**
   * Checks f's gradient at θ over all parameters; θ is restored. Costs 4n + 1 evaluations.
   *
   * @param theta read (temporarily changed one entry at a time, restored)
   */
  public static Result run(Objective f, double[] theta) {
    int n = theta.length;
    double[] g = new double[n];
    double loss = f.valueAndGradient(theta, g);
    double floor = FLOOR * Math.max(1, Math.abs(loss));
    double[] x = theta.clone();
    double worstError = -1;
    int worst = 0;
    double worstFd = 0;
    for (int i = 0; i < n; i++) {
      double keep = x[i];
      x[i] = keep + STEP;
      double plus1 = f.value(x);
      x[i] = keep - STEP;
      double minus1 = f.value(x);
      x[i] = keep + 2 * STEP;
      double plus2 = f.value(x);
      x[i] = keep - 2 * STEP;
      double minus2 = f.value(x);
      x[i] = keep;
      double fd = (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * STEP);
      double error = relativeError(g[i], fd, floor);
      if (!(error <= worstError)) { // NaN counts as the worst
        worstError = error;
        worst = i;
        worstFd = fd;
        if (Double.isNaN(error)) {
          break;
        }
      }
    }
    return new Result(worstError, worst, g[worst], worstFd, n);
  }

  /**
   * Checks a network at θ on its first {@code samples} training samples (training mode), as
   * {@code descent gradcheck} and the app's diagnostics do: 4n + 1 passes over that batch.
   *
   * @param theta read
   * @throws IllegalArgumentException for fewer than 2 samples with batch normalization
   */
  public static Result ofNetwork(Architecture a, Dataset train, double[] theta, int samples) {
    int m = Math.min(samples, train.size());
    if (m < 1 || (a.batchNorm() && m < 2)) {
      throw new IllegalArgumentException("the gradient check needs at least "
          + (a.batchNorm() ? "2 samples with batch normalization" : "1 sample"));
    }
    NetworkObjective f = new NetworkObjective(a, train);
    int[] first = new int[m];
    for (int i = 0; i < m; i++) {
      first[i] = i;
    }
    f.setBatch(first, 0, m);
    return run(f, theta);
  }

  /** |a − b| / max(|a|, |b|, floor). */
  public static double relativeError(double a, double b, double floor) {
    return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), floor);
  }
}
