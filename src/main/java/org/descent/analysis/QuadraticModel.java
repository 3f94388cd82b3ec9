package org.descent.analysis;

import org.descent.function.Objective;

/**
 * f(θ) = ½(θ − c)ᵀH(θ − c) in any dimension: the local quadratic model of a function at a
 * point (H its Hessian there), or a test problem whose rates are known in closed form
 * ({@link QuadraticStability}). Immutable and without scratch space, so one instance serves
 * every thread ({@link #copy()} returns itself).
 *
 * @param hessian symmetric, n×n row-major (not modified)
 * @param centre c, the minimum when H is positive definite
 */
public record QuadraticModel(double[] hessian, double[] centre) implements Objective {

  public QuadraticModel {
    hessian = hessian.clone();
    centre = centre.clone();
    if (hessian.length != centre.length * centre.length) {
      throw new IllegalArgumentException("an n x n Hessian for n = " + centre.length);
    }
  }

  @Override
  public double[] hessian() {
    return hessian.clone();
  }

  @Override
  public double[] centre() {
    return centre.clone();
  }

  @Override
  public int dimension() {
    return centre.length;
  }

  @Override
  public double value(double[] theta) {
    int n = centre.length;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double gi = 0;
      for (int j = 0; j < n; j++) {
        gi += hessian[i * n + j] * (theta[j] - centre[j]);
      }
      s += (theta[i] - centre[i]) * gi;
    }
    return 0.5 * s;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    int n = centre.length;
    double s = 0;
    for (int i = 0; i < n; i++) {
      double gi = 0;
      for (int j = 0; j < n; j++) {
        gi += hessian[i * n + j] * (theta[j] - centre[j]);
      }
      gradient[i] = gi;
      s += (theta[i] - centre[i]) * gi;
    }
    return 0.5 * s;
  }

  @Override
  public double valueGradientHessian(double[] theta, double[] gradient, double[] h) {
    System.arraycopy(hessian, 0, h, 0, hessian.length);
    return valueAndGradient(theta, gradient);
  }

  @Override
  public QuadraticModel copy() {
    return this;
  }

  /**
   * The model of f at θ: its Hessian there, centred at the Newton point θ − H⁻¹∇f when H is
   * invertible (else at θ).
   */
  public static QuadraticModel of(Objective f, double[] theta) {
    int n = f.dimension();
    double[] g = new double[n];
    double[] h = new double[n * n];
    f.valueGradientHessian(theta, g, h);
    double[] c = theta.clone();
    try {
      var solver = new org.apache.commons.math3.linear.LUDecomposition(
          new org.apache.commons.math3.linear.Array2DRowRealMatrix(square(h, n), false))
          .getSolver();
      if (solver.isNonSingular()) {
        double[] step = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(g))
            .toArray();
        for (int i = 0; i < n; i++) {
          c[i] -= step[i];
        }
      }
    } catch (RuntimeException e) {
      // a singular or non-finite Hessian: keep the model centred at θ
    }
    return new QuadraticModel(h, c);
  }

  private static double[][] square(double[] h, int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(h, i * n, m[i], 0, n);
    }
    return m;
  }

  /** Its stability analysis. */
  public QuadraticStability stability() {
    return QuadraticStability.ofHessian(hessian, centre.length);
  }

  /**
   * The rate observed when {@code spec} runs on this model from {@code start}: the geometric
   * mean ratio of successive distances to the centre over the last {@code window} of
   * {@code steps} steps (the same optimizer code as a race, through TraceRunner).
   */
  public double observedRate(org.descent.optim.OptimizerSpec spec, double[] start, int steps,
      int window) {
    var trace = org.descent.trace.TraceRunner.run(spec, this, start, steps, 0, 0);
    double[] d = new double[trace.length()];
    for (int k = 0; k < d.length; k++) {
      double s = 0;
      for (int i = 0; i < centre.length; i++) {
        double e = trace.coordinate(k, i) - centre[i];
        s += e * e;
      }
      d[k] = Math.sqrt(s);
    }
    return QuadraticStability.observedRate(d, window);
  }
}
