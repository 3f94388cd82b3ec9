package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.function.Objective;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/** Clipping, schedules and averaging around the first-order methods. */
class WrappersTest {

  @Test
  void clippingBoundsEveryStepOnTheCliff() {
    Objective cliff = Landscapes.catalogue("cliff");
    OptimizerSpec sgd = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 1.0);
    Trace free = TraceRunner.run(sgd, cliff, new double[] {-3, 1.5}, 200, 0, 1);
    Trace clipped = TraceRunner.run(sgd.withClip(1), cliff, new double[] {-3, 1.5}, 200, 0, 1);
    double longestFree = 0;
    double longestClipped = 0;
    for (int k = 1; k < 200; k++) {
      longestFree = Math.max(longestFree,
          Math.hypot(free.x(k) - free.x(k - 1), free.y(k) - free.y(k - 1)));
      longestClipped = Math.max(longestClipped,
          Math.hypot(clipped.x(k) - clipped.x(k - 1), clipped.y(k) - clipped.y(k - 1)));
    }
    assertTrue(longestFree > 20, "the wall catapults plain gradient descent: " + longestFree);
    assertTrue(longestClipped <= 1.0 * 1 + 1e-12, "a clipped step is at most ε·clip");
    assertEquals(3, clipped.x(199), 0.1);
  }

  @Test
  void clipByNormKeepsTheDirection() {
    double[] g = {3, 4};
    assertTrue(GradientClipping.clipByNorm(g, 1));
    assertEquals(0.6, g[0], 1e-15);
    assertEquals(0.8, g[1], 1e-15);
    double[] small = {0.3, 0.4};
    assertTrue(!GradientClipping.clipByNorm(small, 1));
    assertEquals(0.3, small[0], 0);
  }

  @Test
  void schedulesFollowTheirFormulas() {
    var exp = new LearningRateSchedule.Exponential(10, 5);
    assertEquals(0.1, exp.rate(0.1, 5), 0);
    assertEquals(0.1 * Math.exp(-1), exp.rate(0.1, 15), 1e-17);
    var linear = new LearningRateSchedule.Linear(0.01, 100);
    assertEquals(0.1, linear.rate(0.1, 0), 0);
    assertEquals(0.055, linear.rate(0.1, 50), 1e-15);
    assertEquals(0.01, linear.rate(0.1, 100), 0);
    assertEquals(0.01, linear.rate(0.1, 1000), 0);
    var step = new LearningRateSchedule.Step(10, 0.5);
    assertEquals(0.1, step.rate(0.1, 9), 0);
    assertEquals(0.05, step.rate(0.1, 10), 0);
    assertEquals(0.025, step.rate(0.1, 25), 0);
  }

  @Test
  void aScheduleSetsTheStepOfGradientDescentOnAPlane() {
    // On f = x the step of gradient descent is exactly the learning rate.
    var schedule = new LearningRateSchedule.Step(3, 0.5);
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.8)
        .withSchedule(schedule), Landscapes.formula("x + 0*y"), new double[] {0, 0}, 9, 0, 1);
    for (int k = 1; k <= 9; k++) {
      assertEquals(schedule.rate(0.8, k - 1), t.x(k - 1) - t.x(k), 1e-15, "step " + k);
    }
  }

  @Test
  void decayingTheLearningRateCalmsNoisyIterates() {
    Objective f = Landscapes.catalogue("quadratic");
    OptimizerSpec sgd = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.05);
    double[] start = {-2.8, 1.2};
    Trace constant = TraceRunner.run(sgd, f, start, 2000, 2.0, 3);
    Trace decayed = TraceRunner.run(sgd.withSchedule(new LearningRateSchedule.Exponential(300,
        100)), f, start, 2000, 2.0, 3);
    assertTrue(meanLossOfLast(decayed, 500) < 0.2 * meanLossOfLast(constant, 500));
  }

  @Test
  void polyakAverageIsTheMeanOfTheIterates() {
    Objective f = Landscapes.catalogue("quadratic");
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.05)
        .withAveraging(new Averaging.Polyak(10)), f, new double[] {-2.8, 1.2}, 100, 1.0, 3);
    double sx = 0;
    double sy = 0;
    for (int k = 10; k <= 100; k++) {
      sx += t.x(k);
      sy += t.y(k);
    }
    assertEquals(sx / 91, t.averagedCoordinate(100, 0), 1e-12);
    assertEquals(sy / 91, t.averagedCoordinate(100, 1), 1e-12);
    assertEquals(t.x(5), t.averagedCoordinate(5, 0), 0); // before the start: the iterate
  }

  @Test
  void emaAverageFollowsItsRecurrence() {
    Objective f = Landscapes.catalogue("quadratic");
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.05)
        .withAveraging(new Averaging.Ema(4)), f, new double[] {-2.8, 1.2}, 30, 1.0, 3);
    double m = t.x(0);
    for (int k = 1; k <= 30; k++) {
      m = 0.75 * m + 0.25 * t.x(k);
      assertEquals(m, t.averagedCoordinate(k, 0), 1e-12);
    }
  }

  @Test
  void averagingIsCloserToTheMinimumThanNoisyIterates() {
    Objective f = Landscapes.catalogue("quadratic");
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.05)
        .withAveraging(new Averaging.Polyak(500)), f, new double[] {-2.8, 1.2}, 3000, 2.0, 11);
    double iterate = Math.hypot(t.x(3000), t.y(3000));
    double average = Math.hypot(t.averagedCoordinate(3000, 0), t.averagedCoordinate(3000, 1));
    assertTrue(average < 0.3 * iterate, average + " vs " + iterate);
  }

  private static double meanLossOfLast(Trace t, int n) {
    double s = 0;
    for (int k = t.lastStep() - n + 1; k <= t.lastStep(); k++) {
      s += t.loss(k);
    }
    return s / n;
  }
}
