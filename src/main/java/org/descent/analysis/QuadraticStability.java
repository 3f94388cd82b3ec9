package org.descent.analysis;

import java.util.Arrays;
import org.descent.function.FormulaObjective;
import org.descent.function.Objective;
import org.descent.function.SymmetricMatrices;

/**
 * Gradient descent and momentum on a quadratic f(θ) = ½(θ − θ*)ᵀH(θ − θ*), or on the local
 * quadratic model of any function at a point (its Hessian there), in closed form.
 *
 * <p>Gradient descent: θ_{k+1} − θ* = (I − εH)(θ_k − θ*), so along eigenvector i the error is
 * multiplied by 1 − ελᵢ each step: stable iff every |1 − ελᵢ| &lt; 1, i.e. ε &lt; 2/λmax (with
 * all λᵢ &gt; 0); the rate is max |1 − ελᵢ|, smallest at ε = 2/(λmin + λmax), where it is
 * (κ − 1)/(κ + 1).
 *
 * <p>Momentum (v ← αv − εg; θ ← θ + v) along eigenvector i is the two-term recurrence
 * e_{k+1} = (1 + α − ελᵢ) e_k − α e_{k−1}, whose iteration matrix [[1 + α − ελᵢ, −α], [1, 0]]
 * has eigenvalues μ with μ² − (1 + α − ελᵢ)μ + α = 0. The rate is the largest spectral radius
 * over the directions. Each direction's radius is smallest, |1 − √(ελᵢ)|, at
 * α = (1 − √(ελᵢ))² and equals √α from there on (complex roots), so for a given ε the best α is
 * max over i of (1 − √(ελᵢ))², with rate max |1 − √(ελᵢ)|; it applies when 0 &lt; ελᵢ &lt; 4
 * for every i.
 *
 * @param eigenvalues of H, largest first
 */
public record QuadraticStability(double[] eigenvalues) {

  public QuadraticStability {
    eigenvalues = eigenvalues.clone();
    Arrays.sort(eigenvalues);
    for (int i = 0, j = eigenvalues.length - 1; i < j; i++, j--) {
      double t = eigenvalues[i];
      eigenvalues[i] = eigenvalues[j];
      eigenvalues[j] = t;
    }
  }

  @Override
  public double[] eigenvalues() {
    return eigenvalues.clone();
  }

  /** From a symmetric n×n Hessian, row-major. */
  public static QuadraticStability ofHessian(double[] h, int n) {
    if (h.length != n * n) {
      throw new IllegalArgumentException("a Hessian of " + n + " parameters has " + n * n
          + " entries, got " + h.length);
    }
    for (double v : h) {
      if (!Double.isFinite(v)) {
        return new QuadraticStability(filled(n, Double.NaN));
      }
    }
    return new QuadraticStability(SymmetricMatrices.eigenvalues(h, n));
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }

  /** The local quadratic model of f at θ (NaN eigenvalues where f has no Hessian). */
  public static QuadraticStability at(Objective f, double[] theta) {
    int n = f.dimension();
    if (!f.hasHessian()) {
      return new QuadraticStability(filled(n, Double.NaN));
    }
    double[] g = new double[n];
    double[] h = new double[n * n];
    f.valueGradientHessian(theta, g, h);
    return ofHessian(h, n);
  }

  /** The local quadratic model of a 2-D function at (x, y). */
  public static QuadraticStability at(FormulaObjective f, double x, double y) {
    return at(f, new double[] {x, y});
  }

  public double lambdaMax() {
    return eigenvalues.length == 0 ? Double.NaN : eigenvalues[0];
  }

  public double lambdaMin() {
    return eigenvalues.length == 0 ? Double.NaN : eigenvalues[eigenvalues.length - 1];
  }

  /** Whether every curvature is positive (a minimum of the model). */
  public boolean positiveDefinite() {
    return lambdaMin() > 0;
  }

  /** κ = λmax/λmin; ∞ when λmin ≤ 0. */
  public double conditionNumber() {
    return lambdaMin() > 0 ? lambdaMax() / lambdaMin() : Double.POSITIVE_INFINITY;
  }

  /** The stability bound of gradient descent, 2/λmax (∞ where no curvature is positive). */
  public double maxStableLearningRate() {
    double top = lambdaMax();
    return top > 0 ? 2 / top : Double.isNaN(top) ? Double.NaN : Double.POSITIVE_INFINITY;
  }

  /** Per eigen-direction, the factor 1 − ελᵢ of gradient descent (largest λ first). */
  public double[] factors(double lr) {
    double[] f = new double[eigenvalues.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = 1 - lr * eigenvalues[i];
    }
    return f;
  }

  /** The predicted rate of gradient descent, max |1 − ελᵢ| (≥ 1: not converging). */
  public double gradientDescentRate(double lr) {
    double r = 0;
    for (double f : factors(lr)) {
      r = Math.max(r, Math.abs(f));
    }
    return r;
  }

  /** The learning rate with the best rate, 2/(λmin + λmax), for a positive definite model. */
  public double optimalLearningRate() {
    return positiveDefinite() ? 2 / (lambdaMin() + lambdaMax()) : Double.NaN;
  }

  /** The spectral radius of momentum's iteration matrix for one curvature λ. */
  public static double momentumRadius(double lr, double alpha, double lambda) {
    double b = 1 + alpha - lr * lambda;
    double disc = b * b - 4 * alpha;
    if (disc < 0) {
      return Math.sqrt(alpha); // complex pair: |μ|² = product of the roots = α
    }
    double s = Math.sqrt(disc);
    return Math.max(Math.abs(b + s), Math.abs(b - s)) / 2;
  }

  /** The predicted rate of momentum: the largest spectral radius over the directions. */
  public double momentumRate(double lr, double alpha) {
    double r = 0;
    for (double l : eigenvalues) {
      r = Math.max(r, momentumRadius(lr, alpha, l));
    }
    return r;
  }

  /** The momentum rate at each α of an axis (the curve of rate against α). */
  public double[] momentumRates(double lr, Axis alphas) {
    double[] r = new double[alphas.count()];
    for (int i = 0; i < r.length; i++) {
      r[i] = momentumRate(lr, alphas.value(i));
    }
    return r;
  }

  /**
   * The best momentum for this learning rate, max over i of (1 − √(ελᵢ))²; NaN where the
   * closed form does not apply (some ελᵢ ≤ 0 or ≥ 4).
   */
  public double optimalMomentum(double lr) {
    double best = 0;
    for (double l : eigenvalues) {
      double q = lr * l;
      if (!(q > 0 && q < 4)) {
        return Double.NaN;
      }
      double a = 1 - Math.sqrt(q);
      best = Math.max(best, a * a);
    }
    return best;
  }

  /** The rate at {@link #optimalMomentum}: max |1 − √(ελᵢ)|. */
  public double optimalMomentumRate(double lr) {
    double alpha = optimalMomentum(lr);
    return Double.isNaN(alpha) ? Double.NaN : Math.sqrt(alpha);
  }

  /**
   * The rate observed on a trace: (d_K / d_{K−w})^(1/w), the geometric mean ratio of successive
   * distances to θ* over the last w steps (a mean, because momentum's distances oscillate).
   *
   * @param distances d_0 … d_K of an iterate to the minimum
   */
  public static double observedRate(double[] distances, int window) {
    int k = distances.length - 1;
    int w = Math.min(window, k);
    if (w <= 0) {
      return Double.NaN;
    }
    return Math.pow(distances[k] / distances[k - w], 1.0 / w);
  }
}
