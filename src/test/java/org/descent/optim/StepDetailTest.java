package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.descent.function.NoisyObjective;
import org.descent.function.Objective;
import org.descent.optim.StepDetail.Quantity;
import org.descent.optim.StepDetail.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The internals a step reports are the listing's quantities, recomputed here from the recorded
 * gradients with the textbook recurrences (Goodfellow et al. Algorithms 8.2 to 8.7), and
 * recording never changes the path.
 */
class StepDetailTest {

  private static final double[] START = {-1.2, 1};

  /** Runs {@code steps} recorded steps on Rosenbrock; the details in order. */
  private static List<StepDetail> recorded(OptimizerSpec spec, int steps) {
    Optimizer run = spec.create();
    run.recordDetails(true);
    double[] theta = START.clone();
    Objective f = Landscapes.catalogue("rosenbrock");
    List<StepDetail> out = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      run.step(theta, f);
      out.add(run.lastDetail());
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void recordingDoesNotChangeThePathBitForBit(OptimizerType type) {
    Objective exact = Landscapes.catalogue("himmelblau");
    double[] plain = {-0.3, -0.9};
    double[] watched = plain.clone();
    Optimizer a = OptimizerSpec.of(type).create();
    Optimizer b = OptimizerSpec.of(type).create();
    b.recordDetails(true);
    Objective fa = new NoisyObjective(exact, 0.3, 5);
    Objective fb = new NoisyObjective(exact.copy(), 0.3, 5);
    for (int k = 0; k < 40; k++) {
      a.step(plain, fa);
      b.step(watched, fb);
      assertArrayEquals(plain, watched, type + " step " + k);
      StepDetail d = b.lastDetail();
      assertEquals(k, d.step());
      assertTrue(d.has(Quantity.POINT) && d.has(Quantity.STEP));
      // A converged coordinate descent stays put without evaluating anything.
      assertTrue(d.has(Quantity.GRADIENT) || Vectors.isZero(d.get(Quantity.STEP)), type + " "
          + d);
    }
    assertNull(a.lastDetail(), "a run that does not record keeps nothing");
  }

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void theStepIsTheMoveBetweenTheIterates(OptimizerType type) {
    Optimizer run = OptimizerSpec.of(type).create();
    run.recordDetails(true);
    double[] theta = START.clone();
    Objective f = Landscapes.catalogue("rosenbrock");
    for (int k = 0; k < 5; k++) {
      double[] before = theta.clone();
      run.step(theta, f);
      StepDetail d = run.lastDetail();
      assertArrayEquals(before, d.get(Quantity.POINT));
      double[] delta = d.get(Quantity.STEP);
      for (int i = 0; i < 2; i++) {
        assertEquals(theta[i] - before[i], delta[i], 0);
      }
    }
  }

  @Test
  void momentumVelocityFollowsAlgorithm82() {
    double lr = 1e-4;
    double alpha = 0.9;
    List<StepDetail> details = recorded(OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, lr,
        Param.MOMENTUM, alpha), 6);
    double[] v = new double[2];
    for (StepDetail d : details) {
      double[] g = d.get(Quantity.GRADIENT);
      for (int i = 0; i < 2; i++) {
        v[i] = alpha * v[i] - lr * g[i];
      }
      assertArrayEquals(v, d.get(Quantity.VELOCITY), 1e-15);
      assertArrayEquals(v, d.get(Quantity.STEP), 1e-12);
      assertEquals(lr, d.scalar(Scalar.LEARNING_RATE).getAsDouble(), 0);
      assertArrayEquals(new double[] {lr, lr}, d.get(Quantity.EFFECTIVE_RATE), 0);
    }
  }

  @Test
  void nesterovTakesItsGradientAtTheLookAheadPoint() {
    double alpha = 0.9;
    List<StepDetail> details = recorded(OptimizerSpec.of(OptimizerType.NESTEROV, Param.LR, 1e-4,
        Param.MOMENTUM, alpha), 5);
    Objective f = Landscapes.catalogue("rosenbrock");
    double[] v = new double[2];
    for (StepDetail d : details) {
      double[] theta = d.get(Quantity.POINT);
      double[] ahead = d.get(Quantity.EVALUATED_AT);
      for (int i = 0; i < 2; i++) {
        assertEquals(theta[i] + alpha * v[i], ahead[i], 1e-15);
      }
      double[] g = new double[2];
      f.gradient(ahead, g);
      assertArrayEquals(g, d.get(Quantity.GRADIENT), 0);
      v = d.get(Quantity.VELOCITY);
    }
  }

  @Test
  void adamMomentsAndBiasCorrectionsFollowKingmaAndBa() {
    double lr = 0.01;
    double b1 = 0.9;
    double b2 = 0.999;
    double delta = 1e-8;
    List<StepDetail> details = recorded(OptimizerSpec.of(OptimizerType.ADAM, Param.LR, lr), 8);
    double[] s = new double[2];
    double[] r = new double[2];
    for (int t = 1; t <= details.size(); t++) {
      StepDetail d = details.get(t - 1);
      double[] g = d.get(Quantity.GRADIENT);
      double c1 = 1 - Math.pow(b1, t);
      double c2 = 1 - Math.pow(b2, t);
      assertEquals(c1, d.scalar(Scalar.FIRST_CORRECTION).getAsDouble(), 1e-15);
      assertEquals(c2, d.scalar(Scalar.SECOND_CORRECTION).getAsDouble(), 1e-15);
      double[] sHat = d.get(Quantity.FIRST_MOMENT_HAT);
      double[] rHat = d.get(Quantity.SECOND_MOMENT_HAT);
      double[] rate = d.get(Quantity.EFFECTIVE_RATE);
      double[] step = d.get(Quantity.STEP);
      for (int i = 0; i < 2; i++) {
        s[i] = b1 * s[i] + (1 - b1) * g[i];
        r[i] = b2 * r[i] + (1 - b2) * g[i] * g[i];
        assertEquals(s[i], d.get(Quantity.FIRST_MOMENT)[i], 1e-12 * Math.abs(s[i]));
        assertEquals(r[i], d.get(Quantity.SECOND_MOMENT)[i], 1e-12 * r[i]);
        assertEquals(s[i] / c1, sHat[i], 1e-12 * Math.abs(sHat[i]));
        assertEquals(r[i] / c2, rHat[i], 1e-12 * rHat[i]);
        assertEquals(lr / (Math.sqrt(rHat[i]) + delta), rate[i], 1e-12 * rate[i]);
        assertEquals(-rate[i] * sHat[i], step[i], 1e-12);
      }
      if (t == 1) {
        // The first step is ε per coordinate whatever the gradient's scale (ŝ = g, r̂ = g²).
        assertEquals(lr, Math.abs(step[0]), 1e-9);
        assertEquals(lr, Math.abs(step[1]), 1e-9);
      }
    }
  }

  @Test
  void adaGradAndRmsPropReportTheirAccumulatorAndRates() {
    List<StepDetail> ada = recorded(OptimizerSpec.of(OptimizerType.ADAGRAD, Param.LR, 0.1), 5);
    double[] r = new double[2];
    for (StepDetail d : ada) {
      double[] g = d.get(Quantity.GRADIENT);
      for (int i = 0; i < 2; i++) {
        r[i] += g[i] * g[i];
        assertEquals(r[i], d.get(Quantity.SECOND_MOMENT)[i], 1e-12 * r[i]);
        double rate = 0.1 / (1e-7 + Math.sqrt(r[i]));
        assertEquals(rate, d.get(Quantity.EFFECTIVE_RATE)[i], 1e-12 * rate);
        assertEquals(-rate * g[i], d.get(Quantity.STEP)[i], 1e-12);
      }
    }
    List<StepDetail> rms = recorded(OptimizerSpec.of(OptimizerType.RMSPROP, Param.LR, 0.01), 5);
    double[] q = new double[2];
    for (StepDetail d : rms) {
      double[] g = d.get(Quantity.GRADIENT);
      for (int i = 0; i < 2; i++) {
        q[i] = 0.9 * q[i] + 0.1 * g[i] * g[i];
        double rate = 0.01 / Math.sqrt(1e-6 + q[i]);
        assertEquals(rate, d.get(Quantity.EFFECTIVE_RATE)[i], 1e-12 * rate);
        assertEquals(-rate * g[i], d.get(Quantity.STEP)[i], 1e-12);
      }
    }
    List<StepDetail> nag = recorded(OptimizerSpec.of(OptimizerType.RMSPROP_NESTEROV,
        Param.LR, 0.001), 4);
    double[] v = new double[2];
    double[] rr = new double[2];
    for (StepDetail d : nag) {
      double[] g = d.get(Quantity.GRADIENT);
      for (int i = 0; i < 2; i++) {
        rr[i] = 0.9 * rr[i] + 0.1 * g[i] * g[i];
        v[i] = 0.9 * v[i] - 0.001 / Math.sqrt(1e-6 + rr[i]) * g[i];
      }
      assertArrayEquals(v, d.get(Quantity.VELOCITY), 1e-12);
    }
  }

  @Test
  void clippingIsReportedOnlyWhenItActs() {
    OptimizerSpec clipped = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.001).withClip(10);
    Optimizer run = clipped.create();
    run.recordDetails(true);
    Objective f = Landscapes.catalogue("rosenbrock");
    double[] steep = START.clone(); // ‖g‖ ≈ 233
    run.step(steep, f);
    StepDetail d = run.lastDetail();
    assertTrue(d.clipped());
    double[] g = d.get(Quantity.GRADIENT);
    double[] c = d.get(Quantity.CLIPPED_GRADIENT);
    assertEquals(10, Math.hypot(c[0], c[1]), 1e-12);
    assertEquals(0, g[0] * c[1] - g[1] * c[0], 1e-9, "the direction is kept");
    assertEquals(-0.001 * c[0], d.get(Quantity.STEP)[0], 1e-15);
    double[] flat = {0.999, 0.998};
    run.step(flat, f);
    assertFalse(run.lastDetail().clipped(), "a small gradient is not clipped");
  }

  @Test
  void newtonReportsTheHessianAndItsDirection() {
    Objective f = Landscapes.quadratic(3, 1, 2);
    Optimizer run = OptimizerSpec.of(OptimizerType.NEWTON).create();
    run.recordDetails(true);
    double[] theta = {1, -2};
    run.step(theta, f);
    StepDetail d = run.lastDetail();
    assertArrayEquals(new double[] {3, 1, 1, 2}, d.get(Quantity.HESSIAN), 1e-12);
    assertArrayEquals(new double[] {-1, 2}, d.get(Quantity.DIRECTION), 1e-12);
    assertArrayEquals(new double[] {0, 0}, theta, 1e-12);
  }

  @ParameterizedTest
  @EnumSource(value = OptimizerType.class, names = {"CG", "BFGS", "LBFGS"})
  void lineSearchMethodsReportTheirDirectionAndTrialPoints(OptimizerType type) {
    List<StepDetail> details = recorded(OptimizerSpec.of(type), 10);
    Objective f = Landscapes.catalogue("rosenbrock");
    for (StepDetail d : details) {
      LineSearchRecord ls = d.lineSearch();
      assertNotNull(ls, type + " step " + d.step());
      double alpha = d.scalar(Scalar.STEP_LENGTH).getAsDouble();
      assertEquals(alpha, ls.acceptedTrial().alpha(), 0);
      double[] x = d.get(Quantity.POINT);
      double[] dir = d.get(Quantity.DIRECTION);
      double[] step = d.get(Quantity.STEP);
      for (int i = 0; i < 2; i++) {
        assertEquals(alpha * dir[i], step[i], 1e-12 * (1 + Math.abs(x[i])));
      }
      // φ(α) of every trial is f along the line, evaluated here independently.
      for (LineSearchRecord.Trial t : ls.trials()) {
        double[] p = {x[0] + t.alpha() * dir[0], x[1] + t.alpha() * dir[1]};
        assertEquals(f.value(p), t.phi(), 1e-12 * (1 + Math.abs(t.phi())));
      }
      assertEquals(f.value(x), ls.phi0(), 1e-12 * (1 + ls.phi0()));
      if (type != OptimizerType.CG) {
        assertTrue(d.has(Quantity.INVERSE_HESSIAN));
      }
    }
  }

  @Test
  void exactCoordinateDescentReportsItsSearchAlongTheCoordinate() {
    List<StepDetail> details = recorded(OptimizerSpec.of(OptimizerType.COORDINATE), 4);
    for (StepDetail d : details) {
      int i = (int) d.scalar(Scalar.COORDINATE).getAsDouble();
      assertEquals(d.step() % 2, i);
      double[] dir = d.get(Quantity.DIRECTION);
      assertEquals(0, dir[1 - i], 0, "it moves along coordinate " + i + " only");
      assertTrue(d.lineSearch().acceptedTrial() != null);
      assertFalse(d.has(Quantity.EFFECTIVE_RATE), "an exact step has no rate");
    }
  }
}
