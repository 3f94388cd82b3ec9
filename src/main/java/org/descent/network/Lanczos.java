package org.descent.network;

import java.util.Arrays;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The Lanczos process on a symmetric operator given only by its products v ↦ A v (Golub and
 * Van Loan, Matrix Computations, section 10.1), with full reorthogonalization: each new vector
 * is made orthogonal to all the earlier ones, twice (classical Gram–Schmidt, "twice is
 * enough"), so that the tridiagonal T_m has no spurious copies of converged eigenvalues, which
 * matters for the quadrature weights of {@link HessianSpectrum#density}. The price is m
 * stored vectors of length n.
 *
 * <p>A Ritz value θ with unit Ritz vector y has residual ‖A y − θ y‖ = β_m |s_m|, s_m the last
 * component of T_m's eigenvector; some eigenvalue of A lies within that distance of θ
 * (Parlett, The Symmetric Eigenvalue Problem, theorem 4.5.1), and for an isolated one the
 * error is of the order of its square over the gap. {@link #largest} stops when that residual
 * of the largest Ritz value is at most {@code tolerance × |θ|}.
 */
public final class Lanczos {

  /** The products v ↦ A v; {@code out} is overwritten, {@code v} only read. */
  @FunctionalInterface
  public interface Operator {
    void apply(double[] v, double[] out);
  }

  /**
   * The tridiagonal T_m of a run and what it gives.
   *
   * @param ritzValues T_m's eigenvalues, ascending
   * @param weights the squared first components of their unit eigenvectors (they sum to 1):
   *     the Gauss quadrature weights of the start vector's spectral measure
   * @param residual of the largest Ritz value, β_m |s_m| (0 when the space became invariant)
   * @param topVector the largest Ritz value's Ritz vector (unit), or null when not asked
   */
  public record Result(double[] ritzValues, double[] weights, double residual, int steps,
      double[] topVector) {

    public double largest() {
      return ritzValues[ritzValues.length - 1];
    }
  }

  private Lanczos() {}

  /**
   * Runs until the largest Ritz value's residual is at most {@code tolerance × |θ|}, or
   * {@code maxSteps} steps, or an invariant subspace.
   *
   * @param start read; need not be unit (it must not be zero)
   */
  public static Result largest(Operator a, int n, double[] start, int maxSteps,
      double tolerance) {
    return run(a, n, start, maxSteps, tolerance, true);
  }

  /** Exactly {@code steps} steps (fewer only when an invariant subspace is found). */
  public static Result steps(Operator a, int n, double[] start, int steps) {
    return run(a, n, start, steps, -1, false);
  }

  private static Result run(Operator a, int n, double[] start, int maxSteps, double tolerance,
      boolean wantVector) {
    if (start.length != n || maxSteps < 1) {
      throw new IllegalArgumentException("a start of " + n + " entries and at least one step");
    }
    int m = Math.min(maxSteps, n);
    double[][] q = new double[m][];
    double[] alpha = new double[m];
    double[] beta = new double[m];
    double norm = Math.sqrt(dot(start, start));
    if (!(norm > 0) || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("the start vector must be finite and not zero");
    }
    q[0] = new double[n];
    for (int i = 0; i < n; i++) {
      q[0][i] = start[i] / norm;
    }
    double[] w = new double[n];
    double[] coefficients = new double[m];
    Tridiagonal t = null;
    double scale = 0;
    int k = 0;
    while (true) {
      a.apply(q[k], w);
      alpha[k] = dot(q[k], w);
      for (int pass = 0; pass < 2; pass++) {
        // against every earlier vector, the three-term recurrence included
        for (int j = 0; j <= k; j++) {
          coefficients[j] = dot(q[j], w);
        }
        for (int j = 0; j <= k; j++) {
          double c = coefficients[j];
          double[] qj = q[j];
          for (int i = 0; i < n; i++) {
            w[i] -= c * qj[i];
          }
        }
      }
      double b = Math.sqrt(dot(w, w));
      beta[k] = b;
      k++;
      if (!Double.isFinite(alpha[k - 1]) || !Double.isFinite(b)) {
        throw new ArithmeticException("the Hessian-vector product is not finite");
      }
      // the new direction is rounding of what the earlier ones span: the space is invariant
      scale = Math.max(scale, Math.max(Math.abs(alpha[k - 1]), b));
      boolean invariant = b <= 1e-14 * scale || k == n;
      if (tolerance >= 0 || invariant || k == m) {
        t = Tridiagonal.of(alpha, beta, k);
        double top = t.values[k - 1];
        double residual = invariant ? 0 : b * Math.abs(t.last[k - 1]);
        if (invariant || k == m || residual <= tolerance * Math.abs(top)) {
          return new Result(t.values, t.first2, residual, k,
              wantVector ? ritzVector(q, t.topVector, k, n) : null);
        }
      }
      q[k] = new double[n];
      for (int i = 0; i < n; i++) {
        q[k][i] = w[i] / b;
      }
    }
  }

  private static double[] ritzVector(double[][] q, double[] s, int k, int n) {
    double[] y = new double[n];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        y[i] += s[j] * q[j][i];
      }
    }
    double norm = Math.sqrt(dot(y, y));
    for (int i = 0; i < n; i++) {
      y[i] /= norm;
    }
    return y;
  }

  /** T_k's eigenvalues ascending, their eigenvectors' first and last components squared / as is. */
  private record Tridiagonal(double[] values, double[] first2, double[] last, double[] topVector) {

    static Tridiagonal of(double[] alpha, double[] beta, int k) {
      double[] values = new double[k];
      double[] first2 = new double[k];
      double[] last = new double[k];
      double[] top = new double[k];
      if (k == 1) {
        values[0] = alpha[0];
        first2[0] = 1;
        last[0] = 1;
        top[0] = 1;
        return new Tridiagonal(values, first2, last, top);
      }
      EigenDecomposition e = new EigenDecomposition(Arrays.copyOf(alpha, k),
          Arrays.copyOf(beta, k - 1));
      double[] raw = e.getRealEigenvalues();
      Integer[] order = new Integer[k];
      for (int i = 0; i < k; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Double.compare(raw[x], raw[y]));
      for (int r = 0; r < k; r++) {
        int i = order[r];
        values[r] = raw[i];
        double f = e.getEigenvector(i).getEntry(0);
        first2[r] = f * f;
        last[r] = e.getEigenvector(i).getEntry(k - 1);
      }
      for (int j = 0; j < k; j++) {
        top[j] = e.getEigenvector(order[k - 1]).getEntry(j);
      }
      return new Tridiagonal(values, first2, last, top);
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
