package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import org.descent.function.Landscape;
import org.descent.function.Objective;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.descent.trace.Race;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The numbers the 2-D demos say aloud - in their description, notes and teaching-guide entry -
 * computed from the demos' own runs. Each assertion's tolerance matches the digits printed in
 * the text, so a rounding that no longer holds fails. Claims about noise are checked over many
 * seeds ({@link #SEEDS}); a number of one seed is checked on the demo's own seed and the text
 * says so. Where a number has a closed form, the closed form is asserted beside the run.
 */
class LectureNumbersTest {

  private static final Path DIR =
      Path.of(System.getProperty("basedir", ".")).resolve("scenarios");

  /** Seeds 0..SEEDS-1 for claims about noise. */
  private static final int SEEDS = 400;

  // ---------------------------------------------------------------------------------------
  // 1.1 rosenbrock-race

  @Test
  void rosenbrockRace() throws Exception {
    Run r = Run.of("rosenbrock-race.yaml");
    Trace gd = r.t("gradient descent");
    Trace mom = r.t("momentum 0.9");
    Trace adam = r.t("adam");
    int n = 600;
    double lambdaMax = r.eigenvalues(-1.2, 1)[1];
    assertEquals(1506, lambdaMax, 0.5);
    assertEquals(0.0013, 2 / lambdaMax, 0.00005);
    assertTrue(r.lr(gd.label()) < 2 / lambdaMax, "just under the start's 2/λmax");
    assertEquals(-0.35, gd.x(n), 0.005);
    assertEquals(0.13, gd.y(n), 0.005);
    assertEquals(1.8, gd.loss(n), 0.05);
    assertEquals(318, firstStep(mom, k -> mom.loss(k) < 0.01));
    assertEquals(7.5e-4, mom.loss(n), 0.05e-4);
    assertEquals(537, firstStep(adam, k -> adam.loss(k) < 0.01));
    // the bound is local: the floor where lr 0.001 ends is flatter
    double[] end = r.eigenvalues(gd.x(n), gd.y(n));
    assertEquals(296, end[1], 0.5);
    assertEquals(0.0068, 2 / end[1], 0.00005);
    // change live: lr 0.003 rises, then lands on the floor and ends lower
    Trace t3 = r.with(gd.label(), Param.LR, 0.003).t(gd.label());
    double[] losses = {24.2, 94, 54, 118, 11.6, 2.3};
    double[] tolerance = {0.05, 0.5, 0.5, 0.5, 0.05, 0.05};
    for (int k = 0; k < losses.length; k++) {
      assertEquals(losses[k], t3.loss(k), tolerance[k], "lr 0.003, step " + k);
    }
    assertFalse(t3.diverged());
    assertEquals(0.055, t3.loss(n), 0.0005);
    for (double lr = 0.001; lr < 0.00605; lr += 0.001) {
      Trace t = r.with(gd.label(), Param.LR, lr).t(gd.label());
      assertFalse(t.diverged(), "lr " + lr);
      assertTrue(t.loss(n) <= gd.loss(n), "lr " + lr + " ends lower than 0.001");
    }
    for (double lr : new double[] {0.007, 0.008}) {
      Trace t = r.with(gd.label(), Param.LR, lr).t(gd.label());
      assertEquals(7, t.divergedAt().orElse(-1), "lr " + lr);
    }
  }

  // ---------------------------------------------------------------------------------------
  // 1.2 lr-too-small

  @Test
  void lrTooSmall() throws Exception {
    Run r = Run.of("lr-too-small.yaml");
    Trace good = r.t("lr 0.1 (= 1/λmax)");
    Trace small = r.t("lr 0.01 (10x smaller)");
    Trace tiny = r.t("lr 0.001 (100x smaller)");
    int n = 150;
    assertEquals(n, tiny.lastStep());
    // x shrinks by (1 - lr) per step: the comments' closed forms and the runs
    assertEquals(-2.8 * Math.pow(0.9, n), good.x(n), 1e-12);
    assertEquals(-3.8e-7, good.x(n), 0.05e-7);
    assertEquals(-0.62, -2.8 * Math.pow(0.99, n), 0.005);
    assertEquals(-0.62, small.x(n), 0.005);
    assertEquals(-2.41, -2.8 * Math.pow(0.999, n), 0.005);
    assertEquals(-2.41, tiny.x(n), 0.005);
    assertEquals(-2.4098, tiny.x(n), 0.00005);
    assertEquals(0.27, tiny.y(n), 0.005);
    // slow, not still: the loss of lr 0.001 fell by 71 %
    assertEquals(0.71, 1 - tiny.loss(n) / tiny.loss(0), 0.005);
    assertEquals(11.1, tiny.loss(0), 0.05);
    assertEquals(3.3, tiny.loss(n), 0.05);
    assertTrue(tiny.loss(0) - tiny.loss(n) < 2 * (5 * 1.2 * 1.2 - 5 * tiny.y(n) * tiny.y(n)),
        "most of the drop is y's");
    assertEquals(0.81, Math.pow(0.9, 2), 0.005);
    assertEquals(0.98, Math.pow(0.99, 2), 0.005);
    // the log-loss lines of lr 0.1 and 0.01 have slope 2 log(1 - lr lambda_min) per step
    for (Trace t : List.of(good, small)) {
      double lr = r.lr(t.label());
      for (int k = 50; k < n; k++) {
        assertEquals(2 * Math.log(1 - lr), Math.log(t.loss(k + 1) / t.loss(k)), 1e-3,
            t.label() + " step " + k);
      }
    }
    // ten times smaller rate, about ten times slower
    assertEquals(10, Math.log(0.9) / Math.log(0.99), 0.5);
    // change live: lr 0.18 on the third card zig-zags but is fastest
    Run fast = r.with("lr 0.001 (100x smaller)", Param.LR, 0.18);
    Trace z = fast.t("lr 0.001 (100x smaller)");
    assertTrue(z.y(1) * z.y(2) < 0, "zig-zag");
    assertEquals(39, firstStep(z, k -> z.loss(k) < 1e-6));
    assertEquals(73, firstStep(good, k -> good.loss(k) < 1e-6));
    double balanced = 2 / (r.lambdaMin() + r.lambdaMax());
    assertEquals(9.0 / 11, 1 - balanced * r.lambdaMin(), 1e-12);
    assertEquals(9.0 / 11, Math.abs(1 - balanced * r.lambdaMax()), 1e-12);
    assertEquals(0.82, 9.0 / 11, 0.005);
    assertEquals(0.18, 2 / (r.lambdaMin() + r.lambdaMax()), 0.005);
  }

  // ---------------------------------------------------------------------------------------
  // 2.1 momentum-ravine

  @Test
  void momentumRavine() throws Exception {
    Run r = Run.of("momentum-ravine.yaml");
    Trace gd = r.t("gradient descent, lr 0.019");
    Trace mom = r.t("momentum 0.7, lr 0.019");
    int n = 200;
    double lr = 0.019;
    assertEquals(0.95 * 2 / r.lambdaMax(), lr, 1e-12);
    assertEquals(200, r.lambdaMax() / r.lambdaMin(), 1e-9);
    // gradient descent: x = -2.8 (1 - lr lambda_min)^k
    assertEquals(-2.8 * Math.pow(1 - lr * 0.5, n), gd.x(n), 1e-9);
    assertEquals(-0.415, gd.x(n), 0.0005);
    assertEquals(0.043, gd.loss(n), 0.0005);
    // momentum: x_k = A z1^k + B z2^k, the roots of z^2 - (1 + a - lr lambda) z + a
    double a = 0.7;
    double b = 1 + a - lr * 0.5;
    double z1 = (b + Math.sqrt(b * b - 4 * a)) / 2;
    double z2 = a / z1;
    assertEquals(0.965, z1, 0.0005);
    double x0 = -2.8;
    double x1 = x0 * (1 - lr * 0.5);
    double amp = (x1 - z2 * x0) / (z1 - z2);
    assertEquals(amp * Math.pow(z1, n) + (x0 - amp) * Math.pow(z2, n), mom.x(n), 1e-9);
    assertEquals(-0.0027, mom.x(n), 0.00005);
    assertTrue(dist(mom, n) < 0.003);
    assertEquals(0.415, dist(gd, n), 0.0005);
    assertEquals(0.725, z2, 0.0005);
    assertEquals(Math.sqrt(0.7), 0.837, 0.0005);
    // time constants along the floor: 1/(1 - z)
    assertEquals(29, 1 / (1 - z1), 0.5);
    assertEquals(105, 1 / (lr * 0.5), 0.5);
    // loss: below 1e-4 at step 144, 1.9e-6 at step 200; four orders of magnitude below
    assertEquals(144, firstStep(mom, k -> mom.loss(k) < 1e-4));
    assertEquals(1.9e-6, mom.loss(n), 0.05e-6);
    double orders = Math.log10(gd.loss(n) / mom.loss(n));
    assertTrue(orders >= 4 && orders < 5, "orders " + orders);
    // the swing across the ravine (|y| >= 0.05) dies out in fewer steps, further along x
    int gdSwing = lastStep(gd, k -> Math.abs(gd.y(k)) >= 0.05);
    int momSwing = lastStep(mom, k -> Math.abs(mom.y(k)) >= 0.05);
    assertEquals(28, gdSwing);
    assertEquals(18, momSwing);
    assertEquals(-2.14, gd.x(gdSwing), 0.005);
    assertEquals(-1.64, mom.x(momSwing), 0.005);
    // change live: momentum 0.8 and 0.95
    Trace m8 = r.with(mom.label(), Param.MOMENTUM, 0.8).t(mom.label());
    assertEquals(81, firstStep(m8, k -> m8.loss(k) < 1e-4));
    Trace m95 = r.with(mom.label(), Param.MOMENTUM, 0.95).t(mom.label());
    assertEquals(151, firstStep(m95, k -> m95.loss(k) < 1e-4));
    assertEquals(19, firstStep(m95, k -> m95.x(k) > 0));
    // ask: the roots along the floor
    assertEquals(0.934, floorRoot(0.8, lr * 0.5), 0.0005);
    assertEquals(0.81, Math.pow(1 - Math.sqrt(lr * 0.5), 2), 0.005); // critical damping
    assertEquals(0.975, Math.sqrt(0.95), 0.0005);
  }

  /** The larger real root of z² − (1 + α − ελ)z + α, or √α when the roots are complex. */
  private static double floorRoot(double alpha, double lrLambda) {
    double b = 1 + alpha - lrLambda;
    double disc = b * b - 4 * alpha;
    return disc < 0 ? Math.sqrt(alpha) : (b + Math.sqrt(disc)) / 2;
  }

  // ---------------------------------------------------------------------------------------
  // 3.1 noise-lr-decay

  @Test
  void noiseLrDecayOverSeeds() throws Exception {
    Run r = Run.of("noise-lr-decay.yaml");
    String big = "constant lr 0.1";
    String slow = "constant lr 0.002";
    String decayed = "lr 0.1, decayed from step 100 (tau 150)";
    int n = 1000;
    // the predicted floor of lr 0.1: sum over directions of lr sigma^2 / (2 (2 - lr lambda))
    double floor = 0.1 * 4 / (2 * (2 - 0.1 * 1)) + 0.1 * 4 / (2 * (2 - 0.1 * 10));
    assertEquals(0.3, floor, 0.05);
    double[] floors = new double[SEEDS];
    double[] slowX = new double[SEEDS];
    int slowLower = 0;
    int decayedBest = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      Run s = r.seed(seed);
      Trace tb = s.t(big);
      Trace ts = s.t(slow);
      Trace td = s.t(decayed);
      floors[seed] = meanLoss(tb, n - 499, n);
      slowX[seed] = ts.x(n);
      if (ts.loss(n) < tb.loss(n)) {
        slowLower++;
      }
      double dd = dist(td, n);
      if (dd < dist(tb, n) && dd < dist(ts, n) && td.loss(n) < tb.loss(n)
          && td.loss(n) < ts.loss(n)) {
        decayedBest++;
      }
    }
    // the large rate's floor near 0.3 (0.25 to 0.39)
    assertEquals(0.3, median(floors), 0.05);
    assertEquals(0.25, Arrays.stream(floors).min().orElseThrow(), 0.005);
    assertEquals(0.39, Arrays.stream(floors).max().orElseThrow(), 0.005);
    // the small rate's cloud is centred 0.38 short: -2.8 * 0.998^1000
    assertEquals(-0.38, -2.8 * Math.pow(0.998, n), 0.005);
    assertEquals(-0.38, mean(slowX), 0.005);
    // ... but its loss at step 1000 is below the large rate's in 82 % of seeds
    assertEquals(0.82, slowLower / (double) SEEDS, 0.005);
    // the decayed run ends closest, with the lowest loss, in 98 % of seeds
    assertEquals(0.98, decayedBest / (double) SEEDS, 0.005);
  }

  @Test
  void noiseLrDecayOnItsOwnSeed() throws Exception {
    Run r = Run.of("noise-lr-decay.yaml");
    assertEquals(42, r.scenario.seed());
    Trace big = r.t("constant lr 0.1");
    Trace slow = r.t("constant lr 0.002");
    Trace decayed = r.t("lr 0.1, decayed from step 100 (tau 150)");
    int n = 1000;
    assertEquals(0.31, meanLoss(big, n - 499, n), 0.005);
    assertEquals(-0.35, slow.x(n), 0.005);
    assertEquals(0.063, slow.loss(n), 0.0005);
    assertEquals(0.28, big.loss(n), 0.005);
    assertEquals(0.64, dist(big, n), 0.005);
    assertEquals(1e-3, decayed.loss(n), 0.05e-3);
    assertEquals(0.0032, meanLoss(decayed, n - 499, n), 0.00005);
    // the schedule: 0.1 until step 100, 0.026 at step 300, 2.5e-4 at step 1000
    assertEquals(0.026, 0.1 * Math.exp(-200.0 / 150), 0.0005);
    assertEquals(2.5e-4, 0.1 * Math.exp(-900.0 / 150), 0.05e-4);
    // change live: noise 0 - lr 0.1 to machine precision, the small rate at x = -0.38
    Run quiet = r.noise(0);
    assertTrue(quiet.t("constant lr 0.1").loss(n) < 1e-30, "machine precision");
    assertEquals(-0.38, quiet.t("constant lr 0.002").x(n), 0.005);
    // noise 4: the floor goes from 0.31 to 1.25, four times
    assertEquals(1.25, meanLoss(r.noise(4).t("constant lr 0.1"), n - 499, n), 0.005);
  }

  // ---------------------------------------------------------------------------------------
  // 3.3 iterate-averaging

  @Test
  void iterateAveragingOverSeeds() throws Exception {
    Run r = Run.of("iterate-averaging.yaml");
    String polyak = "sgd lr 0.1 + Polyak average from step 100";
    String ema = "sgd lr 0.1 + EMA (tau 50)";
    int n = 1000;
    double[] dPolyak = new double[SEEDS];
    double[] dEma = new double[SEEDS];
    double[] dRaw = new double[SEEDS];
    int polyakClosest = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      Run s = r.seed(seed);
      dPolyak[seed] = avgDist(s.t(polyak), n);
      dEma[seed] = avgDist(s.t(ema), n);
      dRaw[seed] = dist(s.t(polyak), n);
      if (dPolyak[seed] < dEma[seed] && dPolyak[seed] < dRaw[seed]) {
        polyakClosest++;
      }
    }
    assertEquals(0.04, median(dPolyak), 0.005);
    assertEquals(0.13, median(dEma), 0.005);
    assertEquals(0.41, median(dRaw), 0.005);
    assertEquals(0.8, polyakClosest / (double) SEEDS, 0.05); // "in 4 seeds of 5"
    // the raw iterate's stationary spread along x: sqrt(lr sigma^2 / (lambda (2 - lr lambda)))
    assertEquals(0.46, Math.sqrt(0.1 * 4 / 1.9), 0.005);
  }

  @Test
  void iterateAveragingOnItsOwnSeed() throws Exception {
    Run r = Run.of("iterate-averaging.yaml");
    assertEquals(42, r.scenario.seed());
    Trace polyak = r.t("sgd lr 0.1 + Polyak average from step 100");
    Trace ema = r.t("sgd lr 0.1 + EMA (tau 50)");
    int n = 1000;
    assertEquals(0.64, dist(polyak, n), 0.005);
    assertEquals(0.025, avgDist(ema, n), 0.0005);
    assertEquals(0.007, avgDist(polyak, n), 0.0005);
    // change live: tau 5 and 200 on the EMA card
    assertEquals(0.13, meanAvgDist(ema, 500, n), 0.005);
    assertEquals(0.42, meanDist(ema, 500, n), 0.005);
    Trace ema5 = r.withAveraging(ema.label(), new org.descent.optim.Averaging.Ema(5))
        .t(ema.label());
    assertEquals(0.29, meanAvgDist(ema5, 500, n), 0.005);
    Trace ema200 = r.withAveraging(ema.label(), new org.descent.optim.Averaging.Ema(200))
        .t(ema.label());
    assertEquals(0.78, meanAvgDist(ema200, 200, 400), 0.005);
    assertEquals(0.38, meanDist(ema200, 200, 400), 0.005);
  }

  // ---------------------------------------------------------------------------------------
  // 4.1 second-order-rosenbrock

  @Test
  void secondOrderRosenbrock() throws Exception {
    Run r = Run.of("second-order-rosenbrock.yaml");
    int[][] expected = {{6, 6}, {31, 40}, {36, 45}, {35, 110}}; // iterations, evaluations
    String[] labels = {"Newton", "BFGS", "L-BFGS (memory 10)", "conjugate gradients (PR+)"};
    for (int i = 0; i < labels.length; i++) {
      Trace t = r.t(labels[i]);
      int k = within(t, 1, 1, 1e-6);
      assertEquals(expected[i][0], k, labels[i]);
      assertEquals(expected[i][1], t.functionEvaluations(k), labels[i]);
      assertEquals(expected[i][1], t.gradientEvaluations(k), labels[i]);
    }
    Trace newton = r.t("Newton");
    assertEquals(24.2, newton.loss(0), 0.05);
    assertEquals(4.7, newton.loss(1), 0.05);
    assertEquals(-1.18, newton.x(1), 0.005);
    assertEquals(1.38, newton.y(1), 0.005);
    assertEquals(0.76, newton.x(2), 0.005);
    assertEquals(-3.18, newton.y(2), 0.005);
    assertEquals(1412, newton.loss(2), 0.5);
    assertTrue(newton.y(2) > r.scenario.view().yMin(), "the excursion stays on screen");
    Trace mom = r.t("momentum 0.9, lr 0.001");
    assertEquals(0.24, mom.x(50), 0.005);
    assertEquals(0.07, mom.y(50), 0.005);
    // after convergence: the counts still grow for a few steps, then stop
    assertStopsAt(r.t("BFGS"), 44, 35);
    assertStopsAt(r.t("L-BFGS (memory 10)"), 48, 39);
    Trace cg = r.t("conjugate gradients (PR+)");
    assertStopsAt(cg, 183, 37);
    assertEquals(73, cg.functionEvaluations(37) - cg.functionEvaluations(35));
    // BFGS and L-BFGS never increase f
    for (String label : List.of("BFGS", "L-BFGS (memory 10)")) {
      Trace t = r.t(label);
      for (int k = 1; k < t.length(); k++) {
        assertTrue(t.loss(k) <= t.loss(k - 1), label + " step " + k);
      }
    }
    // change live: Newton's damping 1; L-BFGS's memory 1
    Trace damped = r.with("Newton", Param.DAMPING, 1).t("Newton");
    double lowest = Double.POSITIVE_INFINITY;
    for (int k = 0; k < damped.length(); k++) {
      lowest = Math.min(lowest, damped.y(k));
    }
    assertEquals(-0.32, lowest, 0.005);
    assertEquals(49, within(damped, 1, 1, 1e-6));
    Trace m1 = r.with("L-BFGS (memory 10)", Param.MEMORY, 1).t("L-BFGS (memory 10)");
    int k1 = within(m1, 1, 1, 1e-6);
    assertEquals(38, k1);
    assertEquals(77, m1.functionEvaluations(k1));
  }

  private static void assertStopsAt(Trace t, long count, int from) {
    assertEquals(count, t.functionEvaluations(from), t.label());
    assertTrue(t.functionEvaluations(from - 1) < count, t.label());
    assertEquals(count, t.functionEvaluations(t.lastStep()), t.label());
  }

  // ---------------------------------------------------------------------------------------
  // 4.2 coordinate-coupled

  @Test
  void coordinateCoupled() throws Exception {
    Run r = Run.of("coordinate-coupled.yaml");
    Trace cd = r.t("coordinate descent (exact)");
    Trace gd = r.t("gradient descent, lr 0.24");
    Trace cg = r.t("conjugate gradients");
    double alpha = 0.05;
    double[] eig = {r.lambdaMin(), r.lambdaMax()};
    assertEquals(2 * alpha, eig[0], 1e-12);
    assertEquals(4 + 2 * alpha, eig[1], 1e-12);
    assertEquals(41, eig[1] / eig[0], 1e-9);
    assertEquals(0.24, 1 / eig[1], 0.005);
    assertEquals(0.976, 1 - 0.24 * 0.1, 0.0005);
    assertEquals(-1 / (1 + alpha), cd.x(1), 1e-12); // x = y/(1 + α), y = -1
    assertEquals(-0.95, cd.x(1), 0.005);
    double sweep = Math.pow(1 + alpha, -2);
    assertEquals(0.907, sweep, 0.0005);
    int n = 60;
    assertEquals(-0.056, cd.x(n), 0.0005);
    assertEquals(-0.054, cd.y(n), 0.0005);
    assertEquals(3e-4, cd.loss(n), 0.5e-4);
    assertEquals(12.6, cd.loss(0), 0.05);
    // from step 1 to step 59, 29 sweeps: the error falls to 0.907^29 = 6 %
    assertEquals(Math.pow(sweep, 29), Math.hypot(cd.x(59), cd.y(59))
        / Math.hypot(cd.x(1), cd.y(1)), 1e-9);
    assertEquals(0.06, Math.pow(sweep, 29), 0.005);
    assertEquals(24, Math.log(10) / -Math.log(sweep), 0.5);
    assertEquals(0.003, gd.loss(n), 0.0005);
    assertEquals(2, within(cg, 0, 0, 1e-9));
    assertEquals(11, cg.functionEvaluations(2));
    assertEquals(51, cg.functionEvaluations(3));
    assertEquals(51, cg.functionEvaluations(n));
    // change live: alpha 1 and 0.01
    Run strong = r.params("alpha", 1);
    assertEquals(0.25, Math.pow(1 + 1.0, -2), 0);
    Trace cd1 = strong.t(cd.label());
    assertEquals(12, firstStep(cd1, k -> cd1.loss(k) < 1e-6));
    Trace cd001 = r.params("alpha", 0.01).t(cd.label());
    assertEquals(-0.56, cd001.x(n), 0.005);
    assertEquals(-0.55, cd001.y(n), 0.005);
  }

  static int within(Trace t, double x, double y, double tol) {
    return firstStep(t, k -> Math.hypot(t.x(k) - x, t.y(k) - y) < tol);
  }

  // ---------------------------------------------------------------------------------------
  // 1.3 lr-oscillation, 1.4 lr-instability

  @Test
  void lrOscillationAndInstability() throws Exception {
    Run o = Run.of("lr-oscillation.yaml");
    assertEquals(75, firstStep(o.t("lr 0.19 (1.9/λmax)"),
        k -> o.t("lr 0.19 (1.9/λmax)").loss(k) < 1e-6));
    assertEquals(47, firstStep(o.t("lr 0.15 (1.5/λmax)"),
        k -> o.t("lr 0.15 (1.5/λmax)").loss(k) < 1e-6));
    Trace at01 = o.with("lr 0.05 (< 1/λmax)", Param.LR, 0.1).t("lr 0.05 (< 1/λmax)");
    assertEquals(0, at01.y(1), 1e-15);
    Trace at012 = o.with("lr 0.05 (< 1/λmax)", Param.LR, 0.12)
        .t("lr 0.05 (< 1/λmax)");
    assertEquals(-0.24, at012.y(1), 0.005);
    assertEquals(0.048, at012.y(2), 0.0005);
    assertEquals(-0.0096, at012.y(3), 0.00005);
    Trace at018 = o.with("lr 0.05 (< 1/λmax)", Param.LR, 0.18)
        .t("lr 0.05 (< 1/λmax)");
    assertEquals(39, firstStep(at018, k -> at018.loss(k) < 1e-6));

    Run r = Run.of("lr-instability.yaml");
    Trace below = r.t("lr 0.18 = 0.9 × 2/λmax");
    Trace at = r.t("lr 0.20 = 1.0 × 2/λmax");
    Trace above = r.t("lr 0.22 = 1.1 × 2/λmax");
    int n = 100;
    assertEquals(2e-17, below.loss(n), 0.5e-17);
    assertEquals(0.45, at.loss(n), 0.005);
    assertEquals(0.3, Math.abs(at.y(n)), 1e-12);
    assertEquals(11, above.firstStepOutside(r.scenario.view()).orElse(-1));
    assertEquals(3e15, above.loss(n), 0.5e15);
    assertEquals(-6e-10, at.x(n), 0.5e-10);
    assertEquals(0.78, 1 - 0.22, 1e-12);
    Run l11 = r.params("lambda2", 11);
    assertEquals(11, l11.t(at.label()).firstStepOutside(r.scenario.view()).orElse(-1));
    assertEquals(0.0087, l11.t(below.label()).loss(n), 0.00005);
    Run l9 = r.params("lambda2", 9);
    for (Trace t : l9.traces) {
      assertFalse(t.diverged());
    }
    assertEquals(0.0071, l9.t(above.label()).loss(n), 0.00005);
    assertEquals(-0.98, 1 - 0.22 * 9, 1e-12);
  }

  // ---------------------------------------------------------------------------------------
  // 2.2 nesterov-vs-momentum

  @Test
  void nesterovVsMomentum() throws Exception {
    Run r = Run.of("nesterov-vs-momentum.yaml");
    Trace mom = r.t("momentum 0.9, lr 0.01");
    Trace nag = r.t("Nesterov 0.9, lr 0.01");
    assertEquals(100, r.lambdaMax() / r.lambdaMin(), 1e-9);
    assertEquals(0, mom.y(1), 1e-15);
    assertEquals(0, nag.y(1), 1e-15);
    assertEquals(-0.9, mom.y(2), 0.05);
    for (int k = 1; k < nag.length(); k++) {
      assertEquals(0, nag.y(k), 1e-12, "Nesterov on the floor at step " + k);
    }
    assertEquals(23, firstStep(nag, k -> nag.loss(k) < 1e-2));
    assertEquals(62, firstStep(mom, k -> mom.loss(k) < 1e-2));
    assertEquals(58, lastStep(mom, k -> Math.abs(mom.y(k)) > 0.05), "swings, about 60 steps");
    Run fast = r.with(mom.label(), Param.LR, 0.015).with(nag.label(), Param.LR, 0.015);
    assertEquals(5, fast.t(nag.label()).firstStepOutside(r.scenario.view()).orElse(-1));
    Trace m15 = fast.t(mom.label());
    assertEquals(151, firstStep(m15, k -> m15.loss(k) < 1e-6));
    Run back = r.with(mom.label(), Param.LR, 0.013).with(nag.label(), Param.LR, 0.013);
    assertFalse(back.t(nag.label()).diverged() || back.t(mom.label()).diverged());
    assertEquals(1.36, 2 * 1.9 / 2.8, 0.005);
    Trace c35 = r.with(mom.label(), Param.LR, 0.035).t(mom.label());
    Trace c40 = r.with(mom.label(), Param.LR, 0.04).t(mom.label());
    assertTrue(!c35.diverged() && c35.finalLoss() < 1e-6, "0.035 converges");
    assertTrue(c40.finalLoss() > 1e60, "0.04 explodes: " + c40.finalLoss());
  }

  // ---------------------------------------------------------------------------------------
  // 3.2 decay-too-early

  @Test
  void decayTooEarly() throws Exception {
    Run r = Run.of("decay-too-early.yaml");
    String early = "decayed from step 0 (tau 5): too early";
    String inTime = "decayed from step 100 (tau 150)";
    int n = 600;
    Trace e = r.t(early);
    assertEquals(-1.66, e.x(50), 0.005);
    assertEquals(-0.003, e.y(50), 0.0005);
    assertEquals(1.37, e.loss(50), 0.005);
    assertEquals(e.x(50), e.x(n), 1e-4); // sits there: it moves less than a pixel
    assertEquals(e.y(50), e.y(n), 1e-4);
    assertEquals(1.66, e.gradNorm(n), 0.005);
    assertEquals(4e-5, r.t(inTime).loss(n), 0.5e-5);
    assertEquals(-1.7, -2.8 * Math.exp(-0.5), 0.05);
    Trace e50 = r.change(early, o -> o.withSchedule(
        new org.descent.optim.LearningRateSchedule.Exponential(50, 0))).t(early);
    assertEquals(-0.013, e50.x(n), 0.0005);
    assertEquals(-0.013, e50.y(n), 0.0005);
    assertEquals(9e-4, e50.loss(n), 0.5e-4);
    // over seeds: the early run always freezes far from the minimum, the other arrives
    int still = 0;
    int lower = 0;
    double minDist = 9;
    for (int seed = 0; seed < SEEDS; seed++) {
      Run s = r.seed(seed);
      Trace te = s.t(early);
      Trace ti = s.t(inTime);
      minDist = Math.min(minDist, dist(te, n));
      still += Math.hypot(te.x(n) - te.x(50), te.y(n) - te.y(50)) < 1e-3 ? 1 : 0;
      lower += meanLoss(ti, n - 99, n) < meanLoss(te, n - 99, n) / 10 ? 1 : 0;
    }
    assertEquals(SEEDS, still, "the early run stops dead from step 50 on, in every seed");
    assertEquals(0.78, minDist, 0.005, "and never closer than 0.78 to the minimum");
    assertEquals(SEEDS, lower, "the run decayed in time ends lower, in every seed");
  }

  // ---------------------------------------------------------------------------------------
  // 5.1 saddle-escape, 5.2 newton-saddle, 5.3 plateau, 5.4 cliff-clipping

  @Test
  void saddleEscape() throws Exception {
    Run r = Run.of("saddle-escape.yaml");
    Trace gd = r.t("gradient descent, lr 0.05");
    Trace mom = r.t("momentum 0.9, lr 0.05");
    Trace adam = r.t("Adam, lr 0.05");
    assertEquals(73, firstStep(gd, k -> Math.abs(gd.y(k)) > 1));
    assertEquals(27, firstStep(mom, k -> Math.abs(mom.y(k)) > 1));
    assertEquals(20, firstStep(adam, k -> Math.abs(adam.y(k)) > 1));
    double closest = Double.POSITIVE_INFINITY;
    for (int k = 0; k < adam.length(); k++) {
      closest = Math.min(closest, dist(adam, k));
    }
    assertEquals(1.06, closest, 0.005);
    assertEquals(19, firstStep(gd, k -> Math.abs(gd.loss(k)) < 0.05));
    assertEquals(56, lastStep(gd, k -> Math.abs(gd.loss(k)) < 0.05));
    for (int k = 19; k <= 56; k++) {
      assertEquals(0, gd.loss(k), 0.05, "flat at 0, step " + k);
    }
    assertEquals(1.1, 1 + 2 * 0.05, 1e-12);
    Run onAxis = r.start(-1.5, 0);
    for (Trace t : onAxis.traces) {
      assertEquals(0, t.y(t.lastStep()), 0);
      assertTrue(dist(t, t.lastStep()) < 0.012, t.label() + " " + dist(t, t.lastStep()));
    }
    // noise 0.1 (seed 0): gradient descent escapes at step 49, momentum at 20
    Run noisy = r.noise(0.1);
    Trace ngd = noisy.t(gd.label());
    Trace nmom = noisy.t(mom.label());
    assertEquals(49, firstStep(ngd, k -> Math.abs(ngd.y(k)) > 1));
    assertEquals(20, firstStep(nmom, k -> Math.abs(nmom.y(k)) > 1));
    int sooner = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      Trace t = noisy.seed(seed).t(gd.label());
      int out = firstStep(t, k -> Math.abs(t.y(k)) > 1);
      if (out >= 0 && out < 73) {
        sooner++;
      }
    }
    assertEquals(0.93, sooner / (double) SEEDS, 0.005, "noise 0.1: escapes sooner in 93 %");
  }

  @Test
  void newtonSaddleAndPlateauAndCliff() throws Exception {
    Run ns = Run.of("newton-saddle.yaml");
    Trace newton = ns.t("Newton");
    double[] ys = {0.3, -0.074, 0.0008};
    double[] tol = {1e-12, 0.0005, 0.00005};
    for (int k = 0; k < ys.length; k++) {
      assertEquals(ys[k], newton.y(k), tol[k], "Newton y at " + k);
    }
    assertEquals(0, newton.x(1), 1e-12);
    Trace sfn = ns.t("saddle-free Newton");
    assertEquals(7, firstStep(sfn, k -> Math.hypot(sfn.x(k), sfn.y(k) - 1) < 1e-6), 1);
    Trace gd = ns.t("gradient descent, lr 0.1");
    assertEquals(13, firstStep(gd, k -> gd.loss(k) < -0.49));
    assertEquals(-1.46, ns.eigenvalues(1.5, 0.3)[0], 0.005);
    Trace d3 = ns.with("Newton", Param.DAMPING, 3).t("Newton");
    assertEquals(6, firstStep(d3, k -> d3.loss(k) < -0.49));
    Trace d1 = ns.with("Newton", Param.DAMPING, 1).t("Newton");
    assertEquals(-1, d1.y(d1.lastStep()), 1e-6);

    Run p = Run.of("plateau.yaml");
    Trace pg = p.t("gradient descent, lr 1");
    assertEquals(0.016, pg.gradNorm(0), 0.0005);
    assertEquals(1.02, pg.loss(200), 0.005);
    assertEquals(240, firstStep(pg, k -> pg.loss(k) < 0.5));
    for (String label : List.of("momentum 0.9, lr 1", "Adam, lr 0.1")) {
      Trace t = p.t(label);
      assertEquals(38, firstStep(t, k -> t.loss(k) < 0.5), label);
    }
    Trace p5 = p.with(pg.label(), Param.LR, 5).t(pg.label());
    assertEquals(51, firstStep(p5, k -> p5.loss(k) < 0.01));
    assertEquals(248, firstStep(pg, k -> pg.loss(k) < 0.01));
    assertEquals(0.25, p.eigenvalues(0, 0)[1], 0.005);
    assertEquals(8, 2 / p.eigenvalues(0, 0)[1], 0.5);
    Trace p10 = p.with(pg.label(), Param.LR, 10).t(pg.label());
    assertEquals(1.52, Math.abs(p10.x(p10.lastStep())), 0.005);
    assertEquals(1.27, Math.abs(p10.y(p10.lastStep())), 0.005);
    assertEquals(0.46, p10.loss(p10.lastStep()), 0.005);

    Run c = Run.of("cliff-clipping.yaml");
    Trace un = c.t("gradient descent, lr 1");
    Trace cl = c.t("gradient descent, lr 1, clip 1");
    assertEquals(50, un.gradNorm(13), 0.5);
    assertEquals(100, un.gradNorm(13) / un.gradNorm(12), 50, "a hundred times larger");
    assertEquals(50, un.x(14), 0.5);
    assertEquals(44, un.loss(14), 0.5);
    assertEquals(69, firstStep(un, k -> k > 14 && c.scenario.view().contains(un.x(k), un.y(k))));
    assertEquals(1.0, cl.x(14), 0.05);
    assertEquals(0.097, cl.loss(14), 0.0005);
    assertEquals(0.9, 1.5 * Math.pow(0.96, 13), 0.05);
    Trace c5 = c.change(cl.label(), o -> o.withClip(5)).t(cl.label());
    assertEquals(4.99, c5.x(14), 0.005);
    Trace c10 = c.change(cl.label(), o -> o.withClip(10)).t(cl.label());
    assertEquals(9.99, c10.x(14), 0.005);
  }

  // ---------------------------------------------------------------------------------------
  // Running a demo, and variants of it as the lecturer changes one thing live.

  private static final class Run {
    final Scenario scenario;
    final Objective f;
    final double[] start;
    final List<OptimizerSpec> specs;
    final double noise;
    final long seed;
    final List<Trace> traces;

    private Run(Scenario scenario, Objective f, double[] start, List<OptimizerSpec> specs,
        double noise, long seed) {
      this.scenario = scenario;
      this.f = f;
      this.start = start;
      this.specs = specs;
      this.noise = noise;
      this.seed = seed;
      this.traces = Race.run(f, specs, start, scenario.steps(), noise, seed);
    }

    static Run of(String file) throws Exception {
      Scenario s = ScenarioReader.read(DIR.resolve(file));
      Landscape l = s.landscape();
      Vec2 v = s.startOn(l);
      return new Run(s, l.formula().objective(), new double[] {v.x(), v.y()}, s.optimizers(),
          s.noise(), s.seed());
    }

    Run seed(long newSeed) {
      return new Run(scenario, f, start, specs, noise, newSeed);
    }

    Run noise(double sigma) {
      return new Run(scenario, f, start, specs, sigma, seed);
    }

    /** The same demo on the named function with some of its parameters changed. */
    Run params(String name, double value) throws Exception {
      FunctionChoice.Named named = (FunctionChoice.Named) scenario.function();
      java.util.Map<String, Double> p = new java.util.HashMap<>(named.params());
      p.put(name, value);
      Objective g = new FunctionChoice.Named(named.name(), p).resolve(scenario.view()).formula()
          .objective();
      return new Run(scenario, g, start, specs, noise, seed);
    }

    Run start(double x, double y) {
      return new Run(scenario, f, new double[] {x, y}, specs, noise, seed);
    }

    Run change(String label, UnaryOperator<OptimizerSpec> change) {
      List<OptimizerSpec> changed = new ArrayList<>();
      boolean found = false;
      for (OptimizerSpec o : specs) {
        found |= o.label().equals(label);
        changed.add(o.label().equals(label) ? change.apply(o) : o);
      }
      assertTrue(found, "no card '" + label + "'");
      return new Run(scenario, f, start, changed, noise, seed);
    }

    Run with(String label, Param p, double value) {
      return change(label, o -> o.with(p, value));
    }

    Run withAveraging(String label, org.descent.optim.Averaging a) {
      return change(label, o -> o.withAveraging(a));
    }

    Trace t(String label) {
      return traces.stream().filter(t -> t.label().equals(label)).findFirst()
          .orElseThrow(() -> new AssertionError("no run '" + label + "'"));
    }

    double lr(String label) {
      return specs.stream().filter(o -> o.label().equals(label)).findFirst().orElseThrow()
          .get(Param.LR);
    }

    double[] eigenvalues(double x, double y) {
      double[] g = new double[2];
      double[] h = new double[4];
      f.valueGradientHessian(new double[] {x, y}, g, h);
      double mean = (h[0] + h[3]) / 2;
      double rad = Math.hypot((h[0] - h[3]) / 2, h[1]);
      return new double[] {mean - rad, mean + rad};
    }

    double lambdaMax() {
      return eigenvalues(0, 0)[1];
    }

    double lambdaMin() {
      return eigenvalues(0, 0)[0];
    }
  }

  static int firstStep(Trace t, IntPredicate p) {
    for (int k = 0; k < t.length(); k++) {
      if (p.test(k)) {
        return k;
      }
    }
    return -1;
  }

  static int lastStep(Trace t, IntPredicate p) {
    for (int k = t.lastStep(); k >= 0; k--) {
      if (p.test(k)) {
        return k;
      }
    }
    return -1;
  }

  static double dist(Trace t, int k) {
    return Math.hypot(t.x(k), t.y(k));
  }

  static double avgDist(Trace t, int k) {
    return Math.hypot(t.averagedCoordinate(k, 0), t.averagedCoordinate(k, 1));
  }

  static double meanDist(Trace t, int from, int to) {
    double s = 0;
    for (int k = from; k <= to; k++) {
      s += dist(t, k);
    }
    return s / (to - from + 1);
  }

  static double meanAvgDist(Trace t, int from, int to) {
    double s = 0;
    for (int k = from; k <= to; k++) {
      s += avgDist(t, k);
    }
    return s / (to - from + 1);
  }

  static double meanLoss(Trace t, int from, int to) {
    double s = 0;
    for (int k = from; k <= to; k++) {
      s += t.loss(k);
    }
    return s / (to - from + 1);
  }

  static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    int m = c.length / 2;
    return c.length % 2 == 1 ? c[m] : (c[m - 1] + c[m]) / 2;
  }
}
