package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.function.Catalogue;
import org.descent.function.Landscape;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/** Sweeps on the quadratic, where every number has a closed form. */
class SweepsTest {

  static final Landscape QUADRATIC = Catalogue.find("quadratic").orElseThrow().instantiate();

  static SweepRequest lrSweep(List<OptimizerSpec> specs, Axis axis, int steps) {
    return new SweepRequest(QUADRATIC.formula().objective(), new double[] {-2.8, 1.2}, specs,
        Param.LR, axis, steps, 0, 0, 0, 1e-6, new double[] {0, 0});
  }

  @Test
  void gradientDescentDivergesExactlyAbove2OverLambdaMax() {
    // λ = 1 and 10: 2/λmax = 0.2.
    Axis axis = Axis.linear("lr", 0.01, 0.3, 30);
    Sweep s = Sweeps.compute(lrSweep(List.of(OptimizerSpec.of(OptimizerType.SGD)), axis, 200));
    assertEquals(0.2, s.limitAtStart(), 1e-12);
    assertEquals(0.2, s.limitAtMinimum(), 1e-12);
    assertTrue(s.showsStabilityLimit());
    Sweep.Curve c = s.curves().get(0);
    for (int i = 0; i < axis.count(); i++) {
      double lr = axis.value(i);
      RunOutcome o = c.outcomes().get(i);
      assertEquals(lr > 0.2 + 1e-12, o.diverged(), "lr " + lr);
      if (!o.diverged()) {
        // Closed form: the loss after k steps is ½Σ λᵢ (1 − ελᵢ)^(2k) θᵢ².
        double k = 200;
        double loss = 0.5 * (1 * Math.pow(1 - lr, 2 * k) * 2.8 * 2.8
            + 10 * Math.pow(1 - 10 * lr, 2 * k) * 1.2 * 1.2);
        assertEquals(loss, o.finalLoss(), 1e-9 * Math.max(1, loss) + 1e-300);
      }
    }
  }

  @Test
  void stepsToToleranceIsTheFirstStepWithinIt() {
    Axis axis = Axis.log("lr", 0.01, 0.19, 7);
    Sweep s = Sweeps.compute(lrSweep(List.of(OptimizerSpec.of(OptimizerType.SGD)), axis, 2000));
    for (int i = 0; i < axis.count(); i++) {
      double lr = axis.value(i);
      int expected = -1;
      for (int k = 0; k <= 2000 && expected < 0; k++) {
        double loss = 0.5 * (Math.pow(1 - lr, 2 * k) * 2.8 * 2.8
            + 10 * Math.pow(1 - 10 * lr, 2 * k) * 1.2 * 1.2);
        if (loss <= 1e-6) {
          expected = k;
        }
      }
      int got = s.curves().get(0).outcomes().get(i).stepsToTolerance();
      assertTrue(Math.abs(got - expected) <= 1, "lr " + lr + ": " + got + " vs " + expected);
    }
  }

  @Test
  void optimizersWithoutTheParameterAreSkippedAndAxesFollowTheParameter() {
    List<OptimizerSpec> specs = List.of(OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.05),
        OptimizerSpec.of(OptimizerType.BFGS), OptimizerSpec.of(OptimizerType.NESTEROV,
            Param.LR, 0.05));
    Axis axis = SweepRequest.defaultAxis(Param.MOMENTUM, 0, 0.999, 4);
    assertEquals(Axis.Scale.LOG_ONE_MINUS, axis.scale());
    assertEquals(0.9, axis.value(1), 1e-12);
    assertEquals(0.99, axis.value(2), 1e-12);
    assertEquals(0.999, axis.value(3));
    SweepRequest r = new SweepRequest(QUADRATIC.formula().objective(), new double[] {-2.8, 1.2},
        specs, Param.MOMENTUM, axis, 100, 0, 0, 0, 1e-6, null);
    Sweep s = Sweeps.compute(r);
    assertEquals(List.of("bfgs"), s.skipped());
    assertEquals(2, s.curves().size());
    assertEquals(0.99, s.curves().get(1).specs().get(2).get(Param.MOMENTUM), 1e-12);
    assertTrue(Double.isNaN(s.limitAtMinimum()));
    assertEquals(Axis.Scale.LOG, SweepRequest.defaultAxis(Param.LR, 1e-3, 1, 3).scale());
    assertEquals(Axis.Scale.LINEAR, SweepRequest.defaultAxis(Param.DAMPING, 0, 1, 3).scale());
    assertThrows(IllegalArgumentException.class,
        () -> SweepRequest.defaultAxis(Param.BETA, 0, 1, 3));
  }

  @Test
  void theSweepAcceptsAnObjectiveOfAnyDimension() {
    double[] h = new double[25];
    for (int i = 0; i < 5; i++) {
      h[i * 5 + i] = 1 + i;
    }
    QuadraticModel f = new QuadraticModel(h, new double[5]);
    SweepRequest r = new SweepRequest(f, new double[] {1, 1, 1, 1, 1},
        List.of(OptimizerSpec.of(OptimizerType.SGD)), Param.LR, Axis.linear("lr", 0.1, 0.5, 5),
        100, 0, 0, 0, 1e-8, new double[5]);
    Sweep s = Sweeps.compute(r);
    assertEquals(0.4, s.limitAtStart(), 1e-12);
    List<RunOutcome> o = s.curves().get(0).outcomes();
    assertTrue(!o.get(2).diverged()); // 0.3 < 0.4
    assertTrue(o.get(4).diverged()); // 0.5 > 0.4
  }

  @Test
  void badRequestsAreRefusedWithMessages() {
    var f = QUADRATIC.formula().objective();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SweepRequest(f, new double[] {0, 0}, List.of(OptimizerSpec.of(
            OptimizerType.SGD)), Param.LR, Axis.linear("lr", -1, 1, 3), 10, 0, 0, 0, 1e-6,
            null));
    assertEquals("learning rate must be positive, got -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new SweepRequest(f, new double[] {0, 0}, List.of(OptimizerSpec.of(
            OptimizerType.SGD)), Param.LR, Axis.log("lr", 0.1, 1, 10_000), 100_000, 0, 0, 0,
            1e-6, null));
    assertTrue(e.getMessage().startsWith("too much work"), e.getMessage());
  }

  /**
   * A network too large for its exact Hessian (722 weights) still gets its 2/λmax line: λmax
   * by Lanczos equals plain power iteration on the same Hessian-vector products, run here to
   * convergence (the network's curvature at its start is positive-dominated: its largest
   * eigenvalue is also its largest in size).
   */
  @Test
  void aLargeNetworksSweepHasIts2OverLambdaMaxLine() throws Exception {
    var setup = org.descent.network.NetworkSetup.defaults(
        org.descent.network.DataSource.Synthetic.of("moons")).withHidden(List.of(24, 24));
    var p = setup.prepare();
    var f = new org.descent.network.NetworkObjective(p.architecture(), p.data().train());
    assertEquals(722, f.dimension());
    assertTrue(!f.hasHessian());
    double[] theta = p.start();
    double[] v = new double[722];
    java.util.Arrays.fill(v, 1 / Math.sqrt(722));
    double[] hv = new double[722];
    double lambda = 0;
    for (int k = 0; k < 5000; k++) {
      f.hessianVectorProduct(theta, v, hv);
      double norm = 0;
      double rq = 0;
      for (int i = 0; i < 722; i++) {
        rq += v[i] * hv[i];
        norm += hv[i] * hv[i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < 722; i++) {
        v[i] = hv[i] / norm;
      }
      lambda = rq;
    }
    Sweep s = Sweeps.compute(new SweepRequest(f, theta,
        List.of(OptimizerSpec.of(OptimizerType.SGD)), Param.LR, Axis.log("lr", 0.01, 1, 3), 5,
        0, 0, Double.NaN, 1e-6, null));
    assertEquals(2 / lambda, s.limitAtStart(), 1e-6 * (2 / lambda));
  }
}
