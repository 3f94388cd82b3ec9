package org.descent.network;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The eigenvalues of the network's Hessian at θ: the loss of the objective's current batch (the
 * whole training set for the curvature of training, in training mode), differentiated exactly
 * by {@link NetworkObjective#hessianVectorProduct}. Three ways, by size:
 *
 * <ul>
 *   <li><b>exact</b> ({@link #eigenvalues}), up to {@link NetworkObjective#MAX_HESSIAN_PARAMETERS}:
 *       the n × n Hessian built column by column and decomposed (Commons Math);
 *   <li><b>λmax</b> ({@link #largest}) at any size: {@link Lanczos} from a seeded Gaussian
 *       start, stopped when the largest Ritz value's residual is at most
 *       {@link #TOLERANCE} × |θ| (so within that relative distance of an eigenvalue), after
 *       at most {@link #maxSteps} products;
 *   <li><b>a density</b> ({@link #density}) at any size, by stochastic Lanczos quadrature
 *       (Ubaru, Chen and Saad 2017; Ghorbani, Krishnan and Xiao 2019): {@link #PROBES}
 *       Rademacher vectors v (‖v‖² = n), {@link #STEPS} Lanczos steps from each; the Ritz
 *       values θ_k of each with weights τ_k (squared first components of T_m's eigenvectors,
 *       summing to 1) are a Gauss quadrature of vᵀ g(H) v / n, so Σ τ_k θ_k^j is exactly
 *       vᵀHʲv / n for j &lt; 2m, whose mean over v is trace(Hʲ)/n. The density is the average
 *       over probes of Σ τ_k N(λ; θ_k, σ²), σ = 1% of the Ritz values' span, on
 *       {@link #GRID} points from 8σ below the smallest to 8σ above the largest: it integrates
 *       to 1, its mean is trace(H)/n and its second moment trace(H²)/n + σ², up to the
 *       probes' sampling error.
 * </ul>
 *
 * <p>An eigenvalue counts as negative below −{@link #NEGATIVE} × max |λ|: rounding makes the
 * zero eigenvalues of a network (a dead unit, a symmetry) ±1e-16 × the scale, not 0. Above the
 * exact limit the fraction is estimated from the quadrature weights of the nodes below −σ, a
 * coarser count: a network's Hessian has many eigenvalues within σ of 0 (on the 354-parameter
 * network of the tests, 40% are below −1e-9 × max |λ| and 10% below −1%), which m Lanczos
 * steps lump together.
 */
public final class HessianSpectrum {

  /** Relative residual at which Lanczos stops for λmax. */
  public static final double TOLERANCE = 1e-10;
  /** The most Lanczos steps for λmax (fewer on a large network: {@link #maxSteps}). */
  public static final int MAX_STEPS = 200;
  /** Lanczos vectors kept at most, in numbers: m × n. */
  static final long MAX_BASIS_VALUES = 20_000_000;
  /** Rademacher probes of the density. */
  public static final int PROBES = 10;
  /** Lanczos steps per probe. */
  public static final int STEPS = 80;
  /** Points of the density's grid. */
  public static final int GRID = 1001;
  /** How far below zero, relative to max |λ|, an eigenvalue counts as negative. */
  public static final double NEGATIVE = 1e-9;
  /** Top eigenvalues a density reports (the largest Ritz values of its first probe). */
  public static final int TOP = 5;

  private HessianSpectrum() {}

  /** Lanczos steps affordable on n parameters: at most {@link #MAX_STEPS}, 20 at least. */
  public static int maxSteps(int n) {
    return (int) Math.min(MAX_STEPS, Math.max(20, MAX_BASIS_VALUES / Math.max(1, n)));
  }

  /**
   * Every eigenvalue of the Hessian, ascending.
   *
   * @throws UnsupportedOperationException above {@link NetworkObjective#MAX_HESSIAN_PARAMETERS}
   */
  public static double[] eigenvalues(NetworkObjective f, double[] theta) {
    int n = f.dimension();
    double[] h = new double[n * n];
    f.valueGradientHessian(theta, new double[n], h);
    for (double x : h) {
      if (!Double.isFinite(x)) {
        throw new ArithmeticException("the Hessian is not finite at these weights");
      }
    }
    double[] values = org.descent.function.SymmetricMatrices.eigenvalues(h, n);
    Arrays.sort(values);
    return values;
  }

  /** The fraction of ascending eigenvalues below −{@link #NEGATIVE} × max |λ|. */
  public static double negativeFraction(double[] ascending) {
    double scale = Math.max(Math.abs(ascending[0]), Math.abs(ascending[ascending.length - 1]));
    return fractionBelow(ascending, -NEGATIVE * scale);
  }

  /** The fraction of ascending eigenvalues below {@code bound}. */
  public static double fractionBelow(double[] ascending, double bound) {
    int count = 0;
    while (count < ascending.length && ascending[count] < bound) {
      count++;
    }
    return (double) count / ascending.length;
  }

  /** A Gaussian start vector from a seed (Lanczos normalizes it). */
  public static double[] gaussianStart(int n, long seed) {
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, Seeds.CURVATURE));
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  /**
   * A start that follows the top eigenvector along training: the last Ritz vector (unit) plus
   * a unit Gaussian from {@code seed}, so that an eigenvalue that overtakes the old top one
   * still has a component to grow from; null (a fresh start) when there is no last vector.
   */
  public static double[] warmStart(double[] last, long seed) {
    if (last == null) {
      return null;
    }
    double[] g = gaussianStart(last.length, seed);
    double norm = Math.sqrt(Lanczos.dot(g, g));
    double[] v = last.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] += g[i] / norm;
    }
    return v;
  }

  /**
   * λmax of the Hessian by Lanczos.
   *
   * @param start the start vector (e.g. the last Ritz vector, to follow it along training), or
   *     null for a Gaussian one from {@code seed}
   * @throws ArithmeticException when a Hessian-vector product is not finite
   */
  public static Lanczos.Result largest(NetworkObjective f, double[] theta, double[] start,
      long seed) {
    int n = f.dimension();
    return Lanczos.largest((v, out) -> f.hessianVectorProduct(theta, v, out), n,
        start != null ? start : gaussianStart(n, seed), maxSteps(n), TOLERANCE);
  }

  /**
   * λmax of P^(−1/2) H P^(−1/2), the eigenvalues of P⁻¹H (Adam's preconditioned sharpness,
   * {@link org.descent.optim.StabilityThreshold}).
   *
   * @param preconditioner P's diagonal, all positive; read
   */
  public static Lanczos.Result largestPreconditioned(NetworkObjective f, double[] theta,
      double[] preconditioner, double[] start, long seed) {
    int n = f.dimension();
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(preconditioner[i] > 0)) {
        throw new IllegalArgumentException("the preconditioner must be positive");
      }
      d[i] = 1 / Math.sqrt(preconditioner[i]);
    }
    double[] scaled = new double[n];
    return Lanczos.largest((v, out) -> {
      for (int i = 0; i < n; i++) {
        scaled[i] = d[i] * v[i];
      }
      f.hessianVectorProduct(theta, scaled, out);
      for (int i = 0; i < n; i++) {
        out[i] *= d[i];
      }
    }, n, start != null ? start : gaussianStart(n, seed), maxSteps(n), TOLERANCE);
  }

  /**
   * A stochastic Lanczos quadrature density of the spectrum.
   *
   * @param lambda the grid, ascending
   * @param density on the grid
   * @param sigma the Gaussian kernel's standard deviation
   * @param nodes every probe's Ritz values
   * @param weights their weights divided by the number of probes (they sum to 1)
   * @param negativeFraction the weight of the nodes below −σ: the fraction of eigenvalues
   *     more negative than the density resolves (m steps cannot tell the many eigenvalues near
   *     0 apart, nor their signs)
   * @param top the largest Ritz values of the first probe, descending (at most {@link #TOP})
   */
  public record Density(double[] lambda, double[] density, double sigma, double[] nodes,
      double[] weights, double negativeFraction, double[] top, int probes, int steps) {}

  /**
   * The density from {@code probes} Rademacher vectors of {@code steps} Lanczos steps each
   * (fewer when n or the memory bound is smaller).
   *
   * @throws ArithmeticException when a Hessian-vector product is not finite
   */
  public static Density density(NetworkObjective f, double[] theta, int probes, int steps,
      long seed) {
    int n = f.dimension();
    int m = Math.min(Math.min(steps, n), maxSteps(n));
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, Seeds.CURVATURE + 1));
    double[] nodes = new double[0];
    double[] weights = new double[0];
    double[] top = null;
    double[] v = new double[n];
    for (int p = 0; p < probes; p++) {
      for (int i = 0; i < n; i++) {
        v[i] = r.nextBoolean() ? 1 : -1;
      }
      Lanczos.Result res = Lanczos.steps((x, out) -> f.hessianVectorProduct(theta, x, out), n,
          v, m);
      int k = res.ritzValues().length;
      int at = nodes.length;
      nodes = Arrays.copyOf(nodes, at + k);
      weights = Arrays.copyOf(weights, at + k);
      for (int j = 0; j < k; j++) {
        nodes[at + j] = res.ritzValues()[j];
        weights[at + j] = res.weights()[j] / probes;
      }
      if (top == null) {
        top = new double[Math.min(TOP, k)];
        for (int j = 0; j < top.length; j++) {
          top[j] = res.ritzValues()[k - 1 - j];
        }
      }
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : nodes) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    double scale = Math.max(Math.abs(lo), Math.abs(hi));
    double sigma = (hi - lo) / 100;
    if (!(sigma > 0)) {
      sigma = Math.max(scale, 1e-12) / 100; // a single point: one bump of the same relative width
    }
    double negative = 0;
    for (int j = 0; j < nodes.length; j++) {
      if (nodes[j] < -sigma) {
        negative += weights[j];
      }
    }
    double from = lo - 8 * sigma;
    double step = (hi - lo + 16 * sigma) / (GRID - 1);
    double[] grid = new double[GRID];
    double[] density = new double[GRID];
    double norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
    for (int g = 0; g < GRID; g++) {
      double x = from + g * step;
      grid[g] = x;
      double s = 0;
      for (int j = 0; j < nodes.length; j++) {
        double z = (x - nodes[j]) / sigma;
        if (Math.abs(z) < 40) {
          s += weights[j] * Math.exp(-0.5 * z * z);
        }
      }
      density[g] = s * norm;
    }
    return new Density(grid, density, sigma, nodes, weights, negative, top, probes, m);
  }
}
