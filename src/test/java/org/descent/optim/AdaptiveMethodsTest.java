package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/** First steps of the adaptive methods, from their definitions in the papers. */
class AdaptiveMethodsTest {

  // f = 50x² + 0.005y²: gradients of very different scales along the two axes.
  private static Trace firstStep(OptimizerSpec spec) {
    return TraceRunner.run(spec, Landscapes.formula("50*x^2 + 0.005*y^2"),
        new double[] {1, 1}, 1, 0, 1);
  }

  @Test
  void adamsFirstStepHasSizeEpsilonPerCoordinate() {
    double lr = 0.01;
    Trace t = firstStep(OptimizerSpec.of(OptimizerType.ADAM, Param.LR, lr));
    // Bias correction makes ŝ = g and r̂ = g², so the step is ε g/(|g| + δ) ≈ ε sign(g).
    assertEquals(1 - lr, t.x(1), 1e-9);
    assertEquals(1 - lr, t.y(1), 1e-7);
  }

  @Test
  void adamWithoutBiasCorrectionWouldStepFarLess() {
    // Guard against a regression to uncorrected moments: (1 − ρ₁)/√(1 − ρ₂) ≈ 3.2 times smaller.
    Trace t = firstStep(OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.01));
    assertTrue(1 - t.x(1) > 0.009);
  }

  @Test
  void adagradsFirstStepIsEpsilonTimesTheSignOfTheGradient() {
    Trace t = firstStep(OptimizerSpec.of(OptimizerType.ADAGRAD, Param.LR, 0.1));
    // r = g², step ε g/(δ + |g|).
    assertEquals(1 - 0.1 * 100 / (1e-7 + 100), t.x(1), 1e-15);
    assertEquals(1 - 0.1 * 0.01 / (1e-7 + 0.01), t.y(1), 1e-15);
  }

  @Test
  void adagradStepsShrinkAsSquaredGradientsAccumulate() {
    // On a plane g is constant, so step k is ε/√k: the sum of k steps grows like 2ε√k.
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.ADAGRAD, Param.LR, 0.1,
        Param.DELTA, 1e-12), Landscapes.formula("2*x"), new double[] {0, 0}, 100, 0, 1);
    for (int k = 1; k <= 100; k++) {
      assertEquals(0.1 / Math.sqrt(k), t.x(k - 1) - t.x(k), 1e-12, "step " + k);
    }
  }

  @Test
  void rmspropsFirstStepUsesTheDecayedSquare() {
    double rho = 0.9;
    Trace t = firstStep(OptimizerSpec.of(OptimizerType.RMSPROP, Param.LR, 0.01, Param.RHO, rho));
    // r = (1 − ρ)g², step ε g/√(δ + r) = ε/√(1 − ρ) per coordinate for |g| ≫ √δ.
    assertEquals(1 - 0.01 * 100 / Math.sqrt(1e-6 + 0.1 * 100 * 100), t.x(1), 1e-15);
    assertEquals(1 - 0.01 * 0.01 / Math.sqrt(1e-6 + 0.1 * 0.01 * 0.01), t.y(1), 1e-15);
  }

  @Test
  void rmspropOnAPlaneReachesEpsilonPerStep() {
    // With a constant gradient r → g², so the step tends to ε.
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.RMSPROP, Param.LR, 0.01,
        Param.DELTA, 1e-12), Landscapes.formula("3*x"), new double[] {0, 0}, 400, 0, 1);
    assertEquals(0.01, t.x(399) - t.x(400), 1e-12);
  }

  @Test
  void rmspropNesterovTakesTheGradientAhead() {
    // On a plane the look-ahead does not matter: the first step equals RMSProp's.
    Trace plain = TraceRunner.run(OptimizerSpec.of(OptimizerType.RMSPROP), Landscapes.formula(
        "3*x - y"), new double[] {0, 0}, 1, 0, 1);
    Trace nesterov = TraceRunner.run(OptimizerSpec.of(OptimizerType.RMSPROP_NESTEROV),
        Landscapes.formula("3*x - y"), new double[] {0, 0}, 1, 0, 1);
    assertEquals(plain.x(1), nesterov.x(1), 1e-15);
    assertEquals(plain.y(1), nesterov.y(1), 1e-15);
  }

  @Test
  void adaptiveMethodsEqualizeProgressOnAnAxisAlignedRavineButNotOnARotatedOne() {
    // Per-coordinate scaling helps where the ravine follows the axes (Goodfellow et al. 8.5).
    var axis = Landscapes.catalogue("quadratic", java.util.Map.of("lambda2", 100.0));
    var rotated = Landscapes.catalogue("rotated-quadratic", java.util.Map.of("lambda2", 100.0));
    OptimizerSpec adam = OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.05);
    double onAxis = TraceRunner.run(adam, axis, new double[] {2, 2}, 200, 0, 1).finalLoss();
    double onRotated = TraceRunner.run(adam, rotated, new double[] {2 * Math.sqrt(2), 0}, 200, 0,
        1).finalLoss();
    assertTrue(onAxis < onRotated, onAxis + " vs " + onRotated);
  }
}
