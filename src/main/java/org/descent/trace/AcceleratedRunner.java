package org.descent.trace;

import java.util.Arrays;
import org.descent.function.Objective;
import org.descent.optim.Vectors;

/**
 * Nesterov's accelerated gradient method (1983) in the form of Beck and Teboulle's FISTA:
 * x_k = y_(k−1) − ε ∇f(y_(k−1)); y_k = x_k + (k − 1)/(k + 2) (x_k − x_(k−1)), y_0 = x_0. Its
 * momentum grows towards 1 with k, which is what buys the O(1/k²) rate on a convex, L-smooth
 * function with ε ≤ 1/L (Goodfellow et al. section 8.3.3), against gradient descent's O(1/k);
 * the {@code nesterov} optimizer, with a constant momentum α, is the same look-ahead but not
 * this schedule, and on such a function its gap falls back to O(1/k) (with a constant about
 * 1 − α times smaller). This runner exists for the rate chart ({@code chart: {accelerated:
 * true}}); it is no optimizer card, so it takes no clipping, schedule or noise.
 */
public final class AcceleratedRunner {

  private AcceleratedRunner() {}

  /**
   * @param f used on the calling thread only
   * @param lr the step ε
   */
  public static Trace run(String label, Objective f, double[] start, double lr, int steps) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("the learning rate must be positive, got " + lr);
    }
    int n = start.length;
    double[] iterates = new double[(steps + 1) * n];
    double[] losses = new double[steps + 1];
    double[] gradNorms = new double[steps + 1];
    long[] evals = new long[steps + 1];
    double[] x = start.clone();
    double[] previous = start.clone();
    double[] y = start.clone();
    double[] g = new double[n];
    int divergedAt = -1;
    Trace.NonFinite cause = null;
    for (int k = 0; k <= steps; k++) {
      if (k > 0) {
        f.gradient(y, g);
        System.arraycopy(x, 0, previous, 0, n);
        for (int i = 0; i < n; i++) {
          x[i] = y[i] - lr * g[i];
        }
        double beta = (k - 1.0) / (k + 2.0);
        for (int i = 0; i < n; i++) {
          y[i] = x[i] + beta * (x[i] - previous[i]);
        }
      }
      double loss = f.valueAndGradient(x, g);
      cause = !Vectors.allFinite(x) ? Trace.NonFinite.ITERATE
          : !Double.isFinite(loss) ? Trace.NonFinite.LOSS
          : !Vectors.allFinite(g) ? Trace.NonFinite.GRADIENT : null;
      if (cause != null) {
        divergedAt = k;
        break;
      }
      System.arraycopy(x, 0, iterates, k * n, n);
      losses[k] = loss;
      gradNorms[k] = Vectors.norm(g);
      evals[k] = k; // one gradient per step, at the look-ahead point
    }
    int length = divergedAt < 0 ? steps + 1 : divergedAt;
    return new Trace(label, n, TraceRunner.NO_BUDGET, Arrays.copyOf(iterates, length * n),
        null,
        Arrays.copyOf(losses, length), Arrays.copyOf(gradNorms, length),
        new long[length], Arrays.copyOf(evals, length), divergedAt, cause);
  }
}
