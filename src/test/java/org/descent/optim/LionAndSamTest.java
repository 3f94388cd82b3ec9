package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.function.Objective;
import org.junit.jupiter.api.Test;

/**
 * Lion and sharpness-aware minimization against references written here from the papers'
 * listings (Chen et al. 2023, Algorithm 2; Foret et al. 2021, Algorithm 1 with eq. 2 for p = 2),
 * independent of the classes, and against numbers worked by hand.
 */
class LionAndSamTest {

  /** Chen et al. 2023, Algorithm 2, as printed: g, c, θ, m in that order, m₀ = 0. */
  private static double[] lionByTheListing(Objective f, double[] theta0, int steps, double eta,
      double beta1, double beta2, double lambda) {
    int n = theta0.length;
    double[] theta = theta0.clone();
    double[] m = new double[n];
    double[] g = new double[n];
    for (int t = 1; t <= steps; t++) {
      f.gradient(theta, g);
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        c[i] = beta1 * m[i] + (1 - beta1) * g[i];
      }
      for (int i = 0; i < n; i++) {
        double sign = c[i] > 0 ? 1 : c[i] < 0 ? -1 : 0;
        theta[i] = theta[i] - eta * (sign + lambda * theta[i]);
      }
      for (int i = 0; i < n; i++) {
        m[i] = beta2 * m[i] + (1 - beta2) * g[i];
      }
    }
    return theta;
  }

  /**
   * Foret et al. 2021, Algorithm 1 with plain gradient descent: ε̂(w) of eq. 2 with p = q = 2,
   * ρ g/‖g‖₂; the gradient at w + ε̂(w); w ← w − η g.
   */
  private static double[] samByTheListing(Objective f, double[] w0, int steps, double eta,
      double rho) {
    int n = w0.length;
    double[] w = w0.clone();
    double[] g = new double[n];
    double[] gSam = new double[n];
    for (int t = 0; t < steps; t++) {
      f.gradient(w, g);
      double q = 0;
      for (double gi : g) {
        q += Math.abs(gi) * Math.abs(gi);
      }
      double denominator = Math.sqrt(q);
      double[] ascended = new double[n];
      for (int i = 0; i < n; i++) {
        double epsHat = denominator == 0 ? 0 : rho * Math.signum(g[i]) * Math.abs(g[i])
            / denominator;
        ascended[i] = w[i] + epsHat;
      }
      f.gradient(ascended, gSam);
      for (int i = 0; i < n; i++) {
        w[i] = w[i] - eta * gSam[i];
      }
    }
    return w;
  }

  private static double[] run(OptimizerSpec spec, Objective f, double[] start, int steps) {
    double[] theta = start.clone();
    Optimizer o = spec.create();
    for (int k = 0; k < steps; k++) {
      o.step(theta, f);
    }
    return theta;
  }

  @Test
  void lionFollowsAlgorithmTwo() {
    Objective f = Landscapes.catalogue("himmelblau");
    double[] start = {-0.3, -0.9};
    for (int steps : new int[] {1, 2, 7, 150}) {
      double[] want = lionByTheListing(f, start, steps, 0.01, 0.8, 0.95, 0.3);
      double[] got = run(OptimizerSpec.of(OptimizerType.LION, Param.LR, 0.01, Param.BETA1, 0.8,
          Param.BETA2, 0.95, Param.WEIGHT_DECAY, 0.3), f, start, steps);
      assertArrayEquals(want, got, 1e-14, steps + " steps");
    }
    // the run went somewhere, and the decay changed where
    double[] noDecay = lionByTheListing(f, start, 150, 0.01, 0.8, 0.95, 0);
    double[] decay = lionByTheListing(f, start, 150, 0.01, 0.8, 0.95, 0.3);
    assertTrue(Math.hypot(decay[0] - start[0], decay[1] - start[1]) > 0.5);
    assertTrue(Math.hypot(decay[0] - noDecay[0], decay[1] - noDecay[1]) > 0.01);
  }

  /** Without decay every coordinate moves by exactly ε, however large or small its gradient. */
  @Test
  void lionStepsAreTheLearningRateInEveryCoordinate() {
    Objective f = Landscapes.catalogue("rosenbrock");
    double[] theta = {-1.2, 1};
    Optimizer o = OptimizerSpec.of(OptimizerType.LION, Param.LR, 0.003).create();
    for (int k = 0; k < 40; k++) {
      double[] before = theta.clone();
      o.step(theta, f);
      for (int i = 0; i < 2; i++) {
        assertEquals(0.003, Math.abs(theta[i] - before[i]), 1e-15, "step " + k);
      }
    }
  }

  /**
   * The first step of Lion from m₀ = 0: c = (1 − β₁)g, so the step is −ε sign(g) whatever β₁,
   * and m₁ = (1 − β₂)g; the second step's c = β₁(1 − β₂)g₁ + (1 − β₁)g₂ decides by both.
   * Worked on f = x − 2y (g = (1, −2) everywhere): every step is (−ε, +ε).
   */
  @Test
  void lionOnAPlaneMovesAgainstTheGradientsSigns() {
    Objective plane = Landscapes.formula("x - 2*y");
    double[] theta = run(OptimizerSpec.of(OptimizerType.LION, Param.LR, 0.25), plane,
        new double[] {0, 0}, 3);
    assertArrayEquals(new double[] {-0.75, 0.75}, theta, 0);
  }

  @Test
  void samFollowsAlgorithmOne() {
    // from (1, 1), downhill to the minimum (3, 2); not from near Himmelblau's maximum, where
    // the difference in rounding between two correct codes grows from step to step
    Objective f = Landscapes.catalogue("himmelblau");
    double[] start = {1, 1};
    for (int steps : new int[] {1, 2, 9, 100}) {
      double[] want = samByTheListing(f, start, steps, 0.01, 0.3);
      double[] got = run(OptimizerSpec.of(OptimizerType.SAM, Param.LR, 0.01, Param.RADIUS, 0.3),
          f, start, steps);
      assertArrayEquals(want, got, 1e-13, steps + " steps");
    }
    // ρ matters: plain gradient descent ends elsewhere
    double[] sgd = run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.01), f, start, 100);
    double[] sam = samByTheListing(f, start, 100, 0.01, 0.3);
    assertTrue(Math.hypot(sgd[0] - sam[0], sgd[1] - sam[1]) > 1e-3);
  }

  /**
   * One step by hand on f = ½(x² + 10y²) from (1, 1): g = (1, 10), ‖g‖ = √101, the ascended
   * point θ̃ = (1 + ρ/√101, 1 + 10ρ/√101), its gradient (θ̃ₓ, 10 θ̃ᵧ), and θ − ε times it.
   */
  @Test
  void samTakesTheGradientAtTheAscendedPoint() {
    Objective f = Landscapes.quadratic(1, 0, 10);
    double rho = 0.5;
    double eps = 0.01;
    double r = Math.sqrt(101);
    double tx = 1 + rho / r;
    double ty = 1 + 10 * rho / r;
    double[] want = {1 - eps * tx, 1 - eps * 10 * ty};
    double[] got = run(OptimizerSpec.of(OptimizerType.SAM, Param.LR, eps, Param.RADIUS, rho), f,
        new double[] {1, 1}, 1);
    assertArrayEquals(want, got, 1e-15);
  }

  /**
   * A recorded SAM step shows the gradient it stepped with, at the ascended point θ̃, so that
   * Δθ = −ε g in the step's detail, as the card's rule says; a Lion step shows its m.
   */
  @Test
  void theStepDetailShowsWhatTheStepUsed() {
    Objective f = Landscapes.quadratic(1, 0, 10);
    Optimizer sam = OptimizerSpec.of(OptimizerType.SAM, Param.LR, 0.01, Param.RADIUS, 0.5)
        .create();
    sam.recordDetails(true);
    sam.step(new double[] {1, 1}, f);
    StepDetail d = sam.lastDetail();
    double r = Math.sqrt(101);
    double[] ascended = {1 + 0.5 / r, 1 + 5 / r};
    assertArrayEquals(ascended, d.vector(StepDetail.Quantity.EVALUATED_AT).orElseThrow(), 1e-15);
    double[] g = d.vector(StepDetail.Quantity.GRADIENT).orElseThrow();
    assertArrayEquals(new double[] {ascended[0], 10 * ascended[1]}, g, 1e-14);
    double[] step = d.vector(StepDetail.Quantity.STEP).orElseThrow();
    assertArrayEquals(new double[] {-0.01 * g[0], -0.01 * g[1]}, step, 1e-15);

    Optimizer lion = OptimizerSpec.of(OptimizerType.LION, Param.BETA2, 0.9).create();
    lion.recordDetails(true);
    lion.step(new double[] {1, 1}, f);
    assertArrayEquals(new double[] {0.1, 1}, lion.lastDetail()
        .vector(StepDetail.Quantity.LION_MOMENTUM).orElseThrow(), 1e-15, "m₁ = (1 − β₂) g");
  }
}
