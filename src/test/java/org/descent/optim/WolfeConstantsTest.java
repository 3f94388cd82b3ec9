package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.function.Objective;
import org.descent.optim.StepDetail.Quantity;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The Wolfe constants are hyperparameters: the accepted point of every search satisfies the
 * strong Wolfe conditions with the c₁, c₂ given (checked from f itself, not from the search's
 * record), and another c₂ makes another sequence of trial points.
 */
class WolfeConstantsTest {

  @ParameterizedTest
  @CsvSource({"bfgs, 1e-4, 0.9", "bfgs, 0.01, 0.1", "lbfgs, 1e-4, 0.9", "lbfgs, 0.3, 0.5",
      "cg, 1e-4, 0.1", "cg, 1e-3, 0.4"})
  void everyAcceptedPointSatisfiesTheStrongWolfeConditions(String key, double c1, double c2) {
    OptimizerType type = OptimizerType.byKey(key).orElseThrow();
    OptimizerSpec spec = OptimizerSpec.of(type, Param.C1, c1, Param.C2, c2);
    Objective f = Landscapes.catalogue("rosenbrock");
    Optimizer run = spec.create();
    run.recordDetails(true);
    double[] theta = {-1.2, 1};
    int checked = 0;
    for (int k = 0; k < 25; k++) {
      run.step(theta, f);
      StepDetail d = run.lastDetail();
      if (d.lineSearch() == null || d.lineSearch().acceptedTrial() == null) {
        continue; // converged: no search
      }
      double[] x = d.get(Quantity.POINT);
      double[] dir = d.get(Quantity.DIRECTION);
      double alpha = d.lineSearch().acceptedTrial().alpha();
      double[] g0 = new double[2];
      double phi0 = f.valueAndGradient(x, g0);
      double slope0 = g0[0] * dir[0] + g0[1] * dir[1];
      double[] xa = {x[0] + alpha * dir[0], x[1] + alpha * dir[1]};
      double[] ga = new double[2];
      double phi = f.valueAndGradient(xa, ga);
      double slope = ga[0] * dir[0] + ga[1] * dir[1];
      assertTrue(slope0 < 0, "a descent direction");
      if (Math.abs(slope0) < 1e-10) {
        continue; // at the precision of the arithmetic the conditions say nothing
      }
      assertTrue(phi <= phi0 + c1 * alpha * slope0, key + " step " + k + ": sufficient decrease");
      assertTrue(Math.abs(slope) <= c2 * Math.abs(slope0), key + " step " + k + ": curvature, "
          + Math.abs(slope) + " > " + c2 + " x " + Math.abs(slope0));
      assertEquals(c1, d.lineSearch().c1(), 0);
      assertEquals(c2, d.lineSearch().c2(), 0);
      assertTrue(d.lineSearch().acceptedSatisfiesWolfe());
      checked++;
    }
    assertTrue(checked >= 10, "only " + checked + " searches checked");
  }

  @Test
  void anotherCurvatureConstantChangesTheTrialPoints() {
    List<LineSearchRecord.Trial> loose = firstSearch(0.9);
    List<LineSearchRecord.Trial> tight = firstSearch(0.01);
    assertNotEquals(loose, tight);
    assertTrue(tight.size() > loose.size(), "a tighter curvature condition needs more trials: "
        + loose + " vs " + tight);
    assertEquals(loose.get(0), tight.get(0), "both start from the same first trial");
  }

  private static List<LineSearchRecord.Trial> firstSearch(double c2) {
    Optimizer run = OptimizerSpec.of(OptimizerType.BFGS, Param.C2, c2).create();
    run.recordDetails(true);
    run.step(new double[] {-1.2, 1}, Landscapes.catalogue("rosenbrock"));
    return run.lastDetail().lineSearch().trials();
  }

  @Test
  void aNewCurvatureConstantMidRunIsUsedFromTheNextStep() {
    Optimizer run = OptimizerSpec.of(OptimizerType.LBFGS).create();
    run.recordDetails(true);
    double[] theta = {-1.2, 1};
    Objective f = Landscapes.catalogue("rosenbrock");
    run.step(theta, f);
    run.reconfigure(run.spec().with(Param.C2, 0.2));
    run.step(theta, f);
    assertEquals(0.2, run.lastDetail().lineSearch().c2(), 0);
  }

  @Test
  void theConstantsMustBeOrdered() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptimizerSpec.of(OptimizerType.BFGS, Param.C1, 0.5, Param.C2, 0.5));
    assertEquals("the Wolfe constants need c1 < c2, got c1 = 0.5, c2 = 0.5", e.getMessage());
  }

  @Test
  void scenarioFilesSetTheConstants() throws ScenarioException {
    OptimizerSpec s = ScenarioReader.read("function: rosenbrock\noptimizers:\n"
        + "  - type: bfgs\n    c1: 0.001\n    c2: 0.5\n", "wolfe.yaml").optimizers().get(0);
    assertEquals(0.001, s.get(Param.C1), 0);
    assertEquals(0.5, s.get(Param.C2), 0);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(
        "function: rosenbrock\noptimizers:\n  - type: cg\n    c2: 1\n", "bad.yaml"));
    assertTrue(e.getMessage().contains("bad.yaml:4") && e.getMessage().contains(
        "c2 must be in (0, 1), got 1"), e.getMessage());
  }
}
