package org.descent.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.descent.network.NetworkInputException;
import org.descent.network.NetworkObjective;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two minima of one network and the paths between them (Garipov et al. 2018). */
class ModeConnectivityTest {

  private static TrainingPlan plan;
  private static ModeConnectivity.Result result;

  @BeforeAll
  static void trainTheTwoMinima() throws Exception {
    // The mini-batch demo's network: moons, 2-16-16-2 tanh, 354 weights, gradient descent
    // with one sample per step for 2,000 steps.
    Scenario s = ScenarioReader.read(Path.of("scenarios/network-minibatch-size.yaml"));
    plan = TrainingPlan.prepare(new TrainingRequest(s.network(), s.optimizers(),
        s.networkRates()));
    result = ModeConnectivity.compute(plan, 0, 0, 1, 21, 1000, () -> false);
  }

  @Test
  void theCurveIsTheQuadraticBezierCurveThroughBothMinima() {
    double[] a = {1, -2, 3};
    double[] c = {0, 4, 1};
    double[] b = {5, 0, -1};
    double[] out = new double[3];
    assertArrayEquals(a, ModeConnectivity.onCurve(a, c, b, 0, out), 0);
    assertArrayEquals(b, ModeConnectivity.onCurve(a, c, b, 1, out), 0);
    // B(1/2) = (a + 2c + b) / 4
    assertArrayEquals(new double[] {1.5, 1.5, 1}, ModeConnectivity.onCurve(a, c, b, 0.5, out),
        1e-15);
    assertArrayEquals(new double[] {2, -1.5, 2}, ModeConnectivity.onLine(a, b, 0.25, out),
        1e-15);
  }

  /**
   * The control point's gradient is ∂L(φ(t))/∂θ = 2t(1 − t) ∇L(φ(t)), checked against central
   * differences of the loss at the same t (the objective draws t from its random source).
   */
  @Test
  void theControlPointsGradientIsThatOfTheLossAlongTheCurve() {
    NetworkObjective loss = new NetworkObjective(plan.architecture(), plan.data().train());
    loss.setFullBatch();
    int n = plan.architecture().parameterCount();
    SplittableRandom r = new SplittableRandom(7);
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian() * 0.5;
      b[i] = r.nextGaussian() * 0.5;
      c[i] = r.nextGaussian() * 0.5;
    }
    double t = new SplittableRandom(11).nextDouble();
    var objective = new ModeConnectivity.CurveLoss(loss, a, b, new SplittableRandom(11));
    double[] g = new double[n];
    objective.valueAndGradient(c, g);
    double[] at = new double[n];
    double worst = 0;
    for (int i = 0; i < n; i += 7) {
      double h = 1e-5;
      double keep = c[i];
      c[i] = keep + h;
      double up = loss.value(ModeConnectivity.onCurve(a, c, b, t, at));
      c[i] = keep - h;
      double down = loss.value(ModeConnectivity.onCurve(a, c, b, t, at));
      c[i] = keep;
      double fd = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(fd - g[i]) / Math.max(1e-6, Math.abs(fd)));
    }
    assertTrue(worst < 1e-5, "largest relative error " + worst);
  }

  @Test
  void bothPathsStartAndEndAtTheTwoMinima() {
    int last = result.t().length - 1;
    assertEquals(0, result.t()[0]);
    assertEquals(1, result.t()[last]);
    assertEquals(result.lossA(), result.line()[0]);
    assertEquals(result.lossA(), result.curve()[0]);
    assertEquals(result.lossB(), result.line()[last]);
    assertEquals(result.lossB(), result.curve()[last]);
  }

  /**
   * The first minimum is the one the app trains (the scenario's own seed): the same final
   * loss as the plain training of that card.
   */
  @Test
  void theFirstMinimumIsTheScenariosOwnRun() {
    RunSnapshot own = Trainer.train(plan).get(0);
    NetworkObjective loss = new NetworkObjective(plan.architecture(), plan.data().train());
    loss.setFullBatch();
    double[] w = own.weightsAt(own.step());
    assertEquals(loss.value(w), result.lossA(), 1e-12);
  }

  /**
   * The lesson: two seeds end in two different minima of about the same loss; the straight
   * line between them climbs over a barrier many times their loss, while the trained curve
   * stays at or below the worse of the two.
   */
  @Test
  void theStraightLineClimbsOverABarrierTheCurveAvoids() {
    assertTrue(result.distance() > 1, "the minima are " + result.distance() + " apart");
    assertTrue(result.lossA() < 0.05 && result.lossB() < 0.05,
        result.lossA() + ", " + result.lossB());
    assertTrue(result.lineBarrier() > 5 * Math.max(result.lossA(), result.lossB()),
        "line barrier " + result.lineBarrier());
    assertTrue(result.curveBarrier() < 0.1 * result.lineBarrier(),
        "curve barrier " + result.curveBarrier() + ", line " + result.lineBarrier());
    double mid = result.lineBarrierAt();
    assertTrue(mid > 0.2 && mid < 0.8, "the line peaks at t = " + mid);
  }

  @Test
  void twoEqualSeedsAreRefused() {
    var e = assertThrows(NetworkInputException.class,
        () -> ModeConnectivity.compute(plan, 0, 3, 3, 5, 1, () -> false));
    assertTrue(e.getMessage().contains("the same"), e.getMessage());
  }

  @Test
  void aCancelledComputationReturnsNothing() throws NetworkInputException {
    assertEquals(null, ModeConnectivity.compute(plan, 0, 0, 1, 5, 10, () -> true));
  }
}
