package org.descent.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.function.Catalogue;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

class TraceRunnerTest {

  private static Objective rosenbrock() {
    return Catalogue.find("rosenbrock").orElseThrow().instantiate().formula().objective();
  }

  @Test
  void divergenceIsRecordedAtTheFirstNonFiniteStepAndOnlyFiniteRowsAreKept() {
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.01), rosenbrock(),
        new double[] {-1.2, 1}, 1000, 0, 1);
    assertTrue(t.diverged());
    int k = t.divergedAt().getAsInt();
    assertEquals(k, t.length());
    assertTrue(k > 2 && k < 30, "diverged at " + k);
    for (int i = 0; i < t.length(); i++) {
      assertTrue(Double.isFinite(t.loss(i)) && Double.isFinite(t.x(i)) && Double.isFinite(t.y(i)));
    }
  }

  @Test
  void recordsTheExactLossAndGradientNormAtEveryIterate() {
    Objective f = rosenbrock();
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.05), f,
        new double[] {-1.2, 1}, 30, 0.3, 5);
    double[] g = new double[2];
    for (int k = 0; k <= 30; k++) {
      double v = f.valueAndGradient(t.iterate(k), g);
      assertEquals(v, t.loss(k), 0);
      assertEquals(Math.hypot(g[0], g[1]), t.gradNorm(k), 1e-12 * t.gradNorm(k));
    }
    assertEquals(-1.2, t.x(0), 0);
    assertEquals(1, t.y(0), 0);
  }

  @Test
  void firstOrderMethodsUseOneGradientPerStep() {
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.NESTEROV), rosenbrock(),
        new double[] {-1.2, 1}, 25, 0, 1);
    for (int k = 0; k <= 25; k++) {
      assertEquals(k, t.gradientEvaluations(k));
      assertEquals(0, t.functionEvaluations(k));
    }
    assertFalse(t.diverged());
  }
}
