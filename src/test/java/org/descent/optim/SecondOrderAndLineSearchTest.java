package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.descent.function.Objective;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/** Published behaviour of Newton's method, conjugate gradients, BFGS and L-BFGS. */
class SecondOrderAndLineSearchTest {

  private static final double[] ROSENBROCK_START = {-1.2, 1};

  private static Trace run(OptimizerSpec spec, Objective f, int steps, double... start) {
    return TraceRunner.run(spec, f, start, steps, 0, 1);
  }

  /** First step k with ‖θ_k − (1, 1)‖ &lt; 1e-6, or -1. */
  private static int firstWithin(Trace t, double tol) {
    for (int k = 0; k < t.length(); k++) {
      if (Math.hypot(t.x(k) - 1, t.y(k) - 1) < tol) {
        return k;
      }
    }
    return -1;
  }

  @Test
  void newtonJumpsToTheMinimumOfAQuadraticInOneStep() {
    Trace t = run(OptimizerSpec.of(OptimizerType.NEWTON), Landscapes.catalogue("booth"), 1,
        -8, 7);
    assertEquals(1, t.x(1), 1e-12);
    assertEquals(3, t.y(1), 1e-12);
  }

  @Test
  void newtonJumpsOntoTheSaddle() {
    Trace t = run(OptimizerSpec.of(OptimizerType.NEWTON), Landscapes.catalogue("saddle"), 3,
        0.5, 0.3);
    assertEquals(0, t.x(1), 0);
    assertEquals(0, t.y(1), 0);
    assertEquals(0, t.x(3), 0); // and stays there: the gradient is zero
  }

  @Test
  void saddleFreeNewtonMovesAwayFromTheSaddle() {
    Trace t = run(OptimizerSpec.of(OptimizerType.SADDLE_FREE_NEWTON),
        Landscapes.catalogue("saddle"), 1, 0.5, 0.3);
    // |H| = 2I: the step is −g/2 = (−0.5, +0.3): x to the minimum along x, y doubled away.
    assertEquals(0, t.x(1), 1e-15);
    assertEquals(0.6, t.y(1), 1e-15);
  }

  @Test
  void dampedNewtonShortensTheStep() {
    Trace t = run(OptimizerSpec.of(OptimizerType.NEWTON, Param.DAMPING, 2.0),
        Landscapes.catalogue("saddle"), 1, 0.5, 0.3);
    // (H + 2I) = diag(4, 0): singular along y, so the run diverges.
    assertTrue(t.diverged());
    Trace d = run(OptimizerSpec.of(OptimizerType.NEWTON, Param.DAMPING, 1.0),
        Landscapes.catalogue("booth"), 1, 0, 0);
    assertTrue(Math.hypot(d.x(1) - 1, d.y(1) - 3) > 0.01);
  }

  @Test
  void newtonSolvesRosenbrockInAHandfulOfNonMonotoneSteps() {
    Trace t = run(OptimizerSpec.of(OptimizerType.NEWTON), Landscapes.catalogue("rosenbrock"), 10,
        ROSENBROCK_START);
    int k = firstWithin(t, 1e-10);
    assertTrue(k > 0 && k <= 7, "reached (1, 1) at step " + k);
    boolean increased = false;
    for (int i = 1; i < t.length(); i++) {
      increased |= t.loss(i) > t.loss(i - 1);
    }
    assertTrue(increased, "pure Newton on Rosenbrock goes uphill at some step");
  }

  @Test
  void bfgsSolvesRosenbrockWithin35Iterations() {
    Trace t = run(OptimizerSpec.of(OptimizerType.BFGS), Landscapes.catalogue("rosenbrock"), 100,
        ROSENBROCK_START);
    int k = firstWithin(t, 1e-6);
    assertTrue(k > 0 && k <= 35, "reached at iteration " + k);
  }

  @Test
  void lbfgsSolvesRosenbrockWithin40Iterations() {
    Trace t = run(OptimizerSpec.of(OptimizerType.LBFGS), Landscapes.catalogue("rosenbrock"), 100,
        ROSENBROCK_START);
    int k = firstWithin(t, 1e-6);
    assertTrue(k > 0 && k <= 40, "reached at iteration " + k);
  }

  @Test
  void conjugateGradientsSolveRosenbrockWithin40Iterations() {
    Trace t = run(OptimizerSpec.of(OptimizerType.CG), Landscapes.catalogue("rosenbrock"), 100,
        ROSENBROCK_START);
    int k = firstWithin(t, 1e-6);
    assertTrue(k > 0 && k <= 40, "reached at iteration " + k);
  }

  @Test
  void fletcherReevesConjugateGradientsAlsoConverge() {
    Trace t = run(OptimizerSpec.of(OptimizerType.CG, Param.BETA, 1), Landscapes.catalogue(
        "rosenbrock"), 500, ROSENBROCK_START);
    assertTrue(firstWithin(t, 1e-6) > 0);
  }

  @Test
  void conjugateGradientsWithExactLineSearchSolveA2dQuadraticInTwoIterations() {
    Objective f = Landscapes.catalogue("rotated-quadratic", Map.of("angle", 30.0));
    Trace t = run(OptimizerSpec.of(OptimizerType.CG, Param.LINE_SEARCH, 1), f, 2, 2.5, 1);
    assertTrue(Math.hypot(t.x(1), t.y(1)) > 0.1, "not solved after one iteration");
    assertEquals(0, t.x(2), 1e-8);
    assertEquals(0, t.y(2), 1e-8);
  }

  @Test
  void lineSearchMethodsReportTheirEvaluations() {
    Trace t = run(OptimizerSpec.of(OptimizerType.BFGS), Landscapes.catalogue("rosenbrock"), 40,
        ROSENBROCK_START);
    long f = t.functionEvaluations(t.lastStep());
    assertTrue(f >= 40 && f < 200, "function evaluations " + f);
    assertEquals(0, t.functionEvaluations(0));
  }

  @Test
  void convergedQuasiNewtonMethodsStayPutWithoutNaN() {
    for (OptimizerType type : new OptimizerType[] {OptimizerType.BFGS, OptimizerType.LBFGS,
        OptimizerType.CG}) {
      Trace t = run(OptimizerSpec.of(type), Landscapes.catalogue("rosenbrock"), 1000,
          ROSENBROCK_START);
      assertTrue(!t.diverged(), type + " diverged");
      assertEquals(1, t.x(1000), 1e-9, type.key());
      assertEquals(1, t.y(1000), 1e-9, type.key());
    }
  }

  @Test
  void convergedRunsSpendNoMoreEvaluations() {
    for (OptimizerType type : new OptimizerType[] {OptimizerType.BFGS, OptimizerType.LBFGS,
        OptimizerType.CG}) {
      Trace t = run(OptimizerSpec.of(type), Landscapes.catalogue("rosenbrock"), 1000,
          ROSENBROCK_START);
      assertEquals(t.functionEvaluations(200), t.functionEvaluations(1000), type.key());
      assertEquals(t.gradientEvaluations(200), t.gradientEvaluations(1000), type.key());
    }
    Trace c = run(OptimizerSpec.of(OptimizerType.COORDINATE), Landscapes.catalogue("himmelblau"),
        1000, -0.3, -0.9);
    assertEquals(c.functionEvaluations(500), c.functionEvaluations(1000));
  }

  @Test
  void coordinateDescentFinishesASeparableFunctionInOneSweep() {
    Trace t = run(OptimizerSpec.of(OptimizerType.COORDINATE), Landscapes.catalogue("quadratic"),
        2, -2.8, 1.2);
    assertEquals(0, t.x(2), 1e-10);
    assertEquals(0, t.y(2), 1e-10);
    assertEquals(1.2, t.y(1), 0); // the first step moves x only
  }

  @Test
  void coordinateDescentIsSlowOnCoupledVariables() {
    Objective coupled = Landscapes.catalogue("coupled");
    Trace t = run(OptimizerSpec.of(OptimizerType.COORDINATE), coupled, 20, 2.5, -1);
    // Exact minimization along x gives x = y/(1 + α): each sweep shrinks θ by 1/(1 + α)².
    assertTrue(Math.hypot(t.x(20), t.y(20)) > 0.3, "after 10 sweeps: " + t.x(20));
    double shrink = Math.hypot(t.x(20), t.y(20)) / Math.hypot(t.x(18), t.y(18));
    assertEquals(1 / Math.pow(1.05, 2), shrink, 1e-9);
  }

  @Test
  void coordinateDescentWithALearningRateStepsAlongOneAxis() {
    Trace t = run(OptimizerSpec.of(OptimizerType.COORDINATE, Param.EXACT, 0, Param.LR, 0.1),
        Landscapes.catalogue("quadratic"), 2, 2, 1);
    assertEquals(2 - 0.1 * 2, t.x(1), 1e-15);
    assertEquals(1, t.y(1), 0);
    assertEquals(1 - 0.1 * 10, t.y(2), 1e-15);
  }
}
