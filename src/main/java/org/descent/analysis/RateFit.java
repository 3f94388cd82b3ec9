package org.descent.analysis;

import org.descent.trace.Trace;

/**
 * The rate of a sublinear convergence read off a trace: the least-squares slope of
 * log(f(θ_k) − f*) against log k over a window of steps. A gap falling like c/k^p has slope
 * −p: −1 for gradient descent on a convex L-smooth function, −2 for Nesterov's accelerated
 * method (Goodfellow et al. section 8.3.3). Steps are sampled evenly in log k, so that the
 * late steps, many more in number, do not outweigh the early decades.
 */
public final class RateFit {

  private RateFit() {}

  /**
   * @param from the first step of the window, at least 1
   * @param to the last step, within the trace
   * @return the slope, or NaN when a gap in the window is not positive
   */
  public static double slope(Trace t, double fstar, int from, int to) {
    if (from < 1 || to <= from || to > t.lastStep()) {
      throw new IllegalArgumentException("the window must be 1 <= from < to <= "
          + t.lastStep() + ", got " + from + ".." + to);
    }
    int samples = 50;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double a = Math.log(from);
    double b = Math.log(to);
    for (int i = 0; i < samples; i++) {
      int k = (int) Math.round(Math.exp(a + (b - a) * i / (samples - 1)));
      double gap = t.loss(k) - fstar;
      if (!(gap > 0)) {
        return Double.NaN;
      }
      double x = Math.log(k);
      double y = Math.log(gap);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    return (samples * sxy - sx * sy) / (samples * sxx - sx * sx);
  }
}
