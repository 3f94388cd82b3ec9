package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.function.Objective;
import org.descent.optim.StepDetail.Quantity;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/** Delta-bar-delta against Jacobs' (1988) rule, worked by hand and run as a reference. */
class DeltaBarDeltaTest {

  private static OptimizerSpec spec(double lr, double kappa, double phi, double theta) {
    return OptimizerSpec.of(OptimizerType.DELTA_BAR_DELTA, Param.LR, lr, Param.KAPPA, kappa,
        Param.PHI, phi, Param.THETA, theta);
  }

  /**
   * f = ½(x² + 10y²) from (1, 1) with ε₀ = 0.05, κ = 0.01, φ = 0.5, θ = 0.5, by hand:
   * step 0: δ̄ = 0, rates stay (0.05, 0.05); g = (1, 10); θ₁ = (0.95, 0.5); δ̄ = (0.5, 5).
   * step 1: g = (0.95, 5) agrees with δ̄ in both: rates (0.06, 0.06);
   *         θ₂ = (0.95 − 0.057, 0.5 − 0.3) = (0.893, 0.2); δ̄ = (0.725, 5).
   * step 2: g = (0.893, 2) agrees: rates (0.07, 0.07); θ₃ = (0.893 − 0.06251, 0.2 − 0.14).
   */
  @Test
  void theFirstStepsMatchTheRuleWorkedByHand() {
    Objective f = Landscapes.quadratic(1, 0, 10);
    Optimizer run = spec(0.05, 0.01, 0.5, 0.5).create();
    run.recordDetails(true);
    double[] theta = {1, 1};
    run.step(theta, f);
    assertArrayEquals(new double[] {0.95, 0.5}, theta, 1e-15);
    assertArrayEquals(new double[] {0.05, 0.05}, run.lastDetail().get(Quantity.EFFECTIVE_RATE),
        1e-15);
    assertArrayEquals(new double[] {0.5, 5}, run.lastDetail().get(Quantity.AVERAGE_GRADIENT),
        1e-15);
    run.step(theta, f);
    assertArrayEquals(new double[] {0.893, 0.2}, theta, 1e-15);
    assertArrayEquals(new double[] {0.06, 0.06}, run.lastDetail().get(Quantity.EFFECTIVE_RATE),
        1e-15);
    run.step(theta, f);
    assertArrayEquals(new double[] {0.893 - 0.07 * 0.893, 0.2 - 0.07 * 2}, theta, 1e-15);
  }

  /** A flipped sign shrinks the rate by the factor 1 − φ; an agreeing one adds κ. */
  @Test
  void anOvershootShrinksTheRateGeometricallyAndAgreementGrowsItLinearly() {
    Objective f = Landscapes.quadratic(1, 0, 100);
    Optimizer run = spec(0.015, 0.001, 0.3, 0).create(); // θ = 0: δ̄ is the last gradient
    run.recordDetails(true);
    double[] theta = {1, 1};
    double[] previousRate = {0.015, 0.015};
    double[] previousG = null;
    for (int k = 0; k < 60; k++) {
      run.step(theta, f);
      StepDetail d = run.lastDetail();
      double[] g = d.get(Quantity.GRADIENT);
      double[] rate = d.get(Quantity.EFFECTIVE_RATE);
      for (int i = 0; i < 2; i++) {
        double expected = previousRate[i];
        if (previousG != null && previousG[i] * g[i] > 0) {
          expected += 0.001;
        } else if (previousG != null && previousG[i] * g[i] < 0) {
          expected *= 0.7;
        }
        assertEquals(expected, rate[i], 1e-15, "step " + k + " coordinate " + i);
        assertEquals(-rate[i] * g[i], d.get(Quantity.STEP)[i], 1e-15);
      }
      previousRate = rate;
      previousG = g;
    }
    // The flat x never overshoots: its rate grew by κ per step; the steep y was cut back.
    assertEquals(0.015 + 59 * 0.001, previousRate[0], 1e-12);
    assertTrue(previousRate[1] < 2.0 / 100 * 1.5, "y's rate " + previousRate[1]);
  }

  /** In a ravine the per-coordinate rates beat the single rate gradient descent must keep. */
  @Test
  void beatsGradientDescentInAnAxisAlignedRavine() {
    Objective f = Landscapes.quadratic(0.5, 0, 100);
    double[] start = {-2.8, 1};
    Trace sgd = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.019), f, start,
        200, 0, 0);
    Trace dbd = TraceRunner.run(spec(0.019, 0.01, 0.5, 0.7), f, start, 200, 0, 0);
    assertTrue(dbd.finalLoss() < 1e-4 * sgd.finalLoss(), dbd.finalLoss() + " vs "
        + sgd.finalLoss());
  }

  @Test
  void aScheduleScalesEveryRate() {
    Objective f = Landscapes.quadratic(1, 0, 10);
    Optimizer run = spec(0.05, 0.01, 0.5, 0.5)
        .withSchedule(new LearningRateSchedule.Step(1, 0.5)).create();
    run.recordDetails(true);
    double[] theta = {1, 1};
    run.step(theta, f);
    run.step(theta, f); // σ₁ = 0.5 and the rates (0.06, 0.06)
    assertArrayEquals(new double[] {0.03, 0.03}, run.lastDetail().get(Quantity.EFFECTIVE_RATE),
        1e-15);
  }
}
