package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.descent.function.Catalogue;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tuner against closed forms: gradient descent on f = ½(λ₁x² + λ₂y²) from (x₀, y₀) ends
 * after k steps at loss L(ε) = ½ Σ λᵢ (1 − ελᵢ)^(2k) θᵢ², whose minimizer is found here by a
 * brute-force scan of 200,001 rates; and over many steps the rate that converges fastest is
 * 2/(λmin + λmax), where the contraction factor max |1 − ελᵢ| is smallest.
 */
class LearningRateTunerTest {

  private static final double L1 = 1;
  private static final double L2 = 10;
  private static final double[] START = {-2.8, 1.2};
  private static Workers workers;

  @BeforeAll
  static void pool() {
    workers = new Workers(2);
  }

  @AfterAll
  static void close() {
    workers.close();
  }

  private static Objective quadratic() {
    return Catalogue.find("quadratic").orElseThrow().instantiate().formula().objective();
  }

  private static double closedFormLoss(double lr, int k) {
    return 0.5 * (L1 * Math.pow(1 - lr * L1, 2 * k) * START[0] * START[0]
        + L2 * Math.pow(1 - lr * L2, 2 * k) * START[1] * START[1]);
  }

  @Test
  void findsTheRateWithTheLowestFinalLossOfGradientDescentOnAQuadratic() {
    int k = 20;
    double best = Double.NaN;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int i = 0; i <= 200_000; i++) {
      double lr = Math.pow(10, -4 + 4.0 * i / 200_000); // 1e-4 to 1
      double loss = closedFormLoss(lr, k);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = lr;
      }
    }
    List<LearningRateTuner.Result> passes = new ArrayList<>();
    List<Double> progress = new ArrayList<>();
    LearningRateTuner.Result r = LearningRateTuner.tune(LearningRateTuner.Request.finalLoss(
        quadratic(), START, OptimizerSpec.of(OptimizerType.SGD), k, 0, 0, 1e-4, 1), workers,
        new Cancellation(), new AnalysisListener<>() {
          @Override
          public void progress(double fraction) {
            progress.add(fraction);
          }

          @Override
          public void pass(LearningRateTuner.Result result) {
            passes.add(result);
          }
        });
    assertEquals(best, r.bestRate(), 2e-4 * best, "brute force " + best);
    assertEquals(bestLoss, r.best().outcome().finalLoss(), 1e-6 * bestLoss);
    assertEquals(r.bestRate(), r.tuned().get(Param.LR), 0);
    assertTrue(r.high() / r.low() < 1 + 2e-4, r.low() + " to " + r.high());
    assertTrue(passes.size() >= 3, "the coarse grid, then finer rounds: " + passes.size());
    assertEquals(1, passes.get(0).rounds());
    assertEquals(r, passes.get(passes.size() - 1));
    assertEquals(25, passes.get(0).trials().size());
    assertEquals(1.0, progress.get(progress.size() - 1), 0);
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i) >= progress.get(i - 1), "progress only grows");
    }
  }

  @Test
  void theFastestRateToATightToleranceIsTwoOverTheSumOfTheExtremeCurvatures() {
    double optimal = 2 / (L1 + L2);
    LearningRateTuner.Request request = new LearningRateTuner.Request(quadratic(), START,
        OptimizerSpec.of(OptimizerType.SGD), 2000, 0, 0, 1e-3, 1,
        LearningRateTuner.Criterion.STEPS_TO_TOLERANCE, 0, 1e-200, 25, 8, 1e-4);
    LearningRateTuner.Result r = LearningRateTuner.tune(request, workers, new Cancellation(),
        AnalysisListener.none());
    assertTrue(r.best().outcome().reached());
    assertEquals(optimal, r.bestRate(), 0.02 * optimal);
    // The closed-form contraction 9/11 per step: about log(1e-200 / L0) / (2 log(9/11)) steps.
    double steps = Math.log(1e-200 / closedFormLoss(0, 0)) / (2 * Math.log(9.0 / 11));
    assertEquals(steps, r.best().outcome().stepsToTolerance(), 0.03 * steps);
  }

  @Test
  void divergedRatesScoreInfinitelyBadly() {
    LearningRateTuner.Result r = LearningRateTuner.tune(LearningRateTuner.Request.finalLoss(
        quadratic(), START, OptimizerSpec.of(OptimizerType.SGD), 50, 0, 0, 1e-3, 10), workers,
        new Cancellation(), AnalysisListener.none());
    for (LearningRateTuner.Trial t : r.trials()) {
      if (t.lr() > 2 / L2 * 1.05) {
        assertEquals(Double.POSITIVE_INFINITY, t.score(), "lr " + t.lr());
      }
    }
    assertTrue(r.bestRate() < 2 / L2);
  }

  @Test
  void aCancelledTuningStops() {
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    assertThrows(CancellationException.class, () -> LearningRateTuner.tune(
        LearningRateTuner.Request.finalLoss(quadratic(), START,
            OptimizerSpec.of(OptimizerType.ADAM), 1000, 0, 0, 1e-4, 1), workers, cancel,
        AnalysisListener.none()));
  }

  @Test
  void anOptimizerWithoutALearningRateIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningRateTuner.Request.finalLoss(quadratic(), START,
            OptimizerSpec.of(OptimizerType.BFGS), 10, 0, 0, 1e-4, 1));
    assertEquals("bfgs has no learning rate to tune", e.getMessage());
  }
}
