package org.descent.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.network.DataSource;
import org.descent.network.MiniBatches;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/**
 * AdamW, Lion and sharpness-aware minimization train the network with the classes of the
 * landscape (through the trainer, on mini-batches), and SAM takes both of a step's gradients
 * on that step's batch.
 */
class TodaysOptimizersOnTheNetworkTest {

  private static NetworkSetup setup() {
    return NetworkSetup.defaults(DataSource.Synthetic.of("moons")).withHidden(List.of(8))
        .withBatchSize(32).withSteps(300).withEvalEvery(50);
  }

  @Test
  void eachLowersTheTrainingLoss() throws Exception {
    List<OptimizerSpec> specs = List.of(
        OptimizerSpec.of(OptimizerType.ADAMW, Param.LR, 0.01, Param.WEIGHT_DECAY, 0.01),
        OptimizerSpec.of(OptimizerType.LION, Param.LR, 0.003, Param.WEIGHT_DECAY, 0.1),
        OptimizerSpec.of(OptimizerType.SAM, Param.LR, 0.1, Param.RADIUS, 0.05));
    TrainingPlan plan = TrainingPlan.prepare(new TrainingRequest(setup(), specs));
    for (TrainingPlan.RunPlan rp : plan.runs()) {
      assertFalse(rp.fullBatch(), rp.label() + " runs on mini-batches");
    }
    for (RunSnapshot r : Trainer.train(plan)) {
      assertTrue(r.cannotStart().isEmpty(), r.label());
      assertFalse(r.diverged(), r.label());
      assertEquals(300, r.latest().step(), r.label());
      double first = r.points().get(0).trainLoss();
      double last = r.latest().trainLoss();
      assertTrue(last < 0.7 * first, r.label() + ": loss " + first + " → " + last);
    }
  }

  /**
   * SAM by Foret et al.'s Algorithm 1, written here on the network's objective: each step sets
   * the next batch, takes the gradient g on it, then the gradient at θ + ρ g/‖g‖ on the same
   * batch. The trainer's losses follow it step for step; a version that draws the next batch
   * for the second gradient does not.
   */
  @Test
  void samTakesBothGradientsOnTheSameBatch() throws Exception {
    double lr = 0.1;
    double rho = 0.2;
    NetworkSetup s = setup().withSteps(40).withEvalEvery(1);
    TrainingPlan plan = TrainingPlan.prepare(new TrainingRequest(s, List.of(
        OptimizerSpec.of(OptimizerType.SAM, Param.LR, lr, Param.RADIUS, rho))));
    List<TrainingPoint> points = Trainer.train(plan).get(0).points();
    assertEquals(41, points.size());
    double[] same = reference(plan, lr, rho, false);
    double[] next = reference(plan, lr, rho, true);
    double apart = 0;
    for (int k = 0; k <= 40; k++) {
      assertEquals(same[k], points.get(k).trainLoss(), 1e-12 * same[k], "step " + k);
      apart = Math.max(apart, Math.abs(next[k] - same[k]));
    }
    assertTrue(apart > 1e-6, "the two references must be told apart: " + apart);
  }

  /** The training loss after each step of SAM on the plan's batches. */
  private static double[] reference(TrainingPlan plan, double lr, double rho,
      boolean nextBatchForTheSecondGradient) {
    NetworkObjective f = new NetworkObjective(plan.architecture(), plan.data().train());
    MiniBatches batches = new MiniBatches(plan.data().train().size(), plan.batch(),
        plan.setup().seed());
    double[] theta = plan.initialWeights();
    int n = theta.length;
    double[] g = new double[n];
    double[] gSam = new double[n];
    double[] ascended = new double[n];
    double[] losses = new double[plan.steps() + 1];
    losses[0] = f.evaluate(theta, plan.data().train()).loss();
    for (int k = 1; k <= plan.steps(); k++) {
      batches.next(f);
      f.valueAndGradient(theta, g);
      double norm = 0;
      for (double gi : g) {
        norm += gi * gi;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        ascended[i] = theta[i] + rho * g[i] / norm;
      }
      if (nextBatchForTheSecondGradient) {
        batches.next(f);
      }
      f.valueAndGradient(ascended, gSam);
      for (int i = 0; i < n; i++) {
        theta[i] -= lr * gSam[i];
      }
      losses[k] = f.evaluate(theta, plan.data().train()).loss();
    }
    return losses;
  }

  /**
   * The estimate that bounds a training counts SAM's two gradients a step: 80 more steps (with
   * the same number of evaluations, 2, for 110 and 190 steps at one every 100) cost SAM twice
   * what they cost gradient descent.
   */
  @Test
  void samsStepsCostTwoGradients() {
    NetworkSetup s = setup().withEvalEvery(100);
    double sgd = extra(s, OptimizerSpec.of(OptimizerType.SGD));
    double sam = extra(s, OptimizerSpec.of(OptimizerType.SAM));
    assertTrue(sgd > 0);
    assertEquals(2 * sgd, sam, 1e-9 * sam);
  }

  private static double extra(NetworkSetup s, OptimizerSpec spec) {
    return org.descent.network.WorkEstimate.multiplyAdds(s.withSteps(190), List.of(spec), 100,
        400, 100, 32) - org.descent.network.WorkEstimate.multiplyAdds(s.withSteps(110),
        List.of(spec), 100, 400, 100, 32);
  }
}
