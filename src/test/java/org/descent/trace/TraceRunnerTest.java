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

  /**
   * sqrt(1 - x) is finite at x = 1 but its slope is infinite there: sgd with lr 2 lands on
   * x = 1 exactly (0 + 2·0.5) at step 1, which is where the run breaks, not at step 2 when the
   * infinite gradient has thrown the iterate away.
   */
  @Test
  void aFiniteLossWithAnInfiniteGradientIsTheDivergenceStep() throws Exception {
    Objective f = org.descent.function.Formula.parse("sqrt(1 - x) + y^2").objective();
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 2), f,
        new double[] {0, 0}, 10, 0, 1);
    assertEquals(1, t.divergedAt().getAsInt());
    assertEquals(Trace.NonFinite.GRADIENT, t.divergenceCause());
    assertEquals(1, t.length());
    assertEquals(0.5, t.gradNorm(0));
    Trace atStart = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD), org.descent.function
        .Formula.parse("sqrt(x) + y^2").objective(), new double[] {0, 1}, 10, 0, 1);
    assertEquals(0, atStart.divergedAt().getAsInt());
    assertEquals(0, atStart.length());
    assertTrue(Double.isNaN(atStart.finalLoss()));
    Trace nan = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD), org.descent.function
        .Formula.parse("log(x)").objective(), new double[] {-1, 1}, 10, 0, 1);
    assertEquals(Trace.NonFinite.LOSS, nan.divergenceCause());
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
