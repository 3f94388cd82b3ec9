package org.descent.function;

import java.util.SplittableRandom;

/**
 * Simulates mini-batch noise: every gradient gets independent Gaussian noise of standard
 * deviation σ per coordinate, drawn from a seeded generator, so a run is reproducible. Values
 * and Hessians are exact: the noise models the sampling of the gradient, which is what a
 * stochastic optimizer sees.
 */
public final class NoisyObjective implements Objective {

  private final Objective exact;
  private final double sigma;
  private final long seed;
  private final SplittableRandom random;

  public NoisyObjective(Objective exact, double sigma, long seed) {
    if (!(sigma >= 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("gradient noise must be zero or positive, got " + sigma);
    }
    this.exact = exact;
    this.sigma = sigma;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** The standard deviation of the noise per coordinate. */
  public double sigma() {
    return sigma;
  }

  @Override
  public int dimension() {
    return exact.dimension();
  }

  @Override
  public double value(double[] theta) {
    return exact.value(theta);
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    double v = exact.valueAndGradient(theta, gradient);
    perturb(gradient);
    return v;
  }

  @Override
  public void gradient(double[] theta, double[] gradient) {
    exact.gradient(theta, gradient);
    perturb(gradient);
  }

  @Override
  public boolean hasHessian() {
    return exact.hasHessian();
  }

  @Override
  public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
    double v = exact.valueGradientHessian(theta, gradient, hessian);
    perturb(gradient);
    return v;
  }

  private void perturb(double[] gradient) {
    if (sigma == 0) {
      return;
    }
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] += sigma * random.nextGaussian();
    }
  }

  /** A fresh copy that replays the same noise from the start. */
  @Override
  public NoisyObjective copy() {
    return new NoisyObjective(exact.copy(), sigma, seed);
  }
}
