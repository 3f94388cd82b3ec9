package org.descent.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.descent.network.Activation;
import org.descent.network.DataSource;
import org.descent.network.NetworkSetup;
import org.descent.optim.Averaging;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/** Training runs end to end: accuracy reached, every optimizer, divergence, curves, limits. */
class TrainerTest {

  private static List<RunSnapshot> train(NetworkSetup s, OptimizerSpec... specs)
      throws Exception {
    return Trainer.train(TrainingPlan.prepare(new TrainingRequest(s, List.of(specs))));
  }

  @Test
  void adamReaches95PercentOnTheDigitsWithin4000Steps() throws Exception {
    NetworkSetup s = NetworkSetup.defaults(new DataSource.BuiltIn("digits"))
        .withHidden(List.of(32)).withBatchSize(32).withSteps(4000).withEvalEvery(200);
    RunSnapshot r = train(s, OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.001)).get(0);
    double best = r.points().stream().mapToDouble(TrainingPoint::valAccuracy).max()
        .orElseThrow();
    System.out.printf("digits, Adam: validation accuracy %.4f at step 4000 (best %.4f)%n",
        r.latest().valAccuracy(), best);
    assertTrue(r.latest().valAccuracy() >= 0.95, r.latest().toString());
  }

  @Test
  void fullBatchTrainingSeparatesTwoSpiralsTo95Percent() throws Exception {
    NetworkSetup s = NetworkSetup.defaults(DataSource.Synthetic.of("spirals"))
        .withBatchSize(NetworkSetup.FULL_BATCH).withSteps(3000).withEvalEvery(500);
    RunSnapshot r = train(s, OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.01)).get(0);
    System.out.printf("spirals, full batch Adam: validation accuracy %.4f, training %.4f%n",
        r.latest().valAccuracy(), r.latest().trainAccuracy());
    assertTrue(r.latest().valAccuracy() >= 0.95, r.latest().toString());
    assertTrue(r.grid() != null && r.grid().size() == 64, "2-D data: decision regions");
    // the grid classifies a training point as the network does
    assertEquals(2, r.grid().classes());
  }

  @Test
  void everyOptimizerTrainsTheNetworkWithItsOwnCode() throws Exception {
    NetworkSetup s = NetworkSetup.defaults(DataSource.Synthetic.of("moons"))
        .withHidden(List.of(6)).withSteps(60).withEvalEvery(30);
    List<OptimizerSpec> specs = new ArrayList<>();
    for (OptimizerType t : OptimizerType.values()) {
      // Newton without damping jumps to the saddles and maxima of a network's loss (the
      // lecture's point); with Levenberg-Marquardt damping it descends
      specs.add(t.needsHessian() ? OptimizerSpec.of(t, Param.DAMPING, 1) : OptimizerSpec.of(t));
    }
    TrainingPlan plan = TrainingPlan.prepare(new TrainingRequest(s, specs));
    assertTrue(plan.architecture().parameterCount() <= 500);
    for (TrainingPlan.RunPlan rp : plan.runs()) {
      boolean lineSearch = switch (rp.spec().type()) {
        case CG, BFGS, LBFGS, NEWTON, SADDLE_FREE_NEWTON, COORDINATE -> true;
        default -> false;
      };
      assertEquals(lineSearch, rp.fullBatch(), rp.label());
    }
    for (RunSnapshot r : Trainer.train(plan)) {
      assertTrue(r.cannotStart().isEmpty(), r.label());
      assertFalse(r.diverged(), r.label());
      assertEquals(60, r.latest().step(), r.label());
      assertTrue(r.latest().trainLoss() < r.points().get(0).trainLoss(), r.label()
          + " lowered the loss");
    }
  }

  @Test
  void newtonOnALargeNetworkCannotStartAndSaysWhy() throws Exception {
    NetworkSetup s = NetworkSetup.defaults(new DataSource.BuiltIn("digits"))
        .withHidden(List.of(16)).withSteps(5);
    List<RunSnapshot> runs = train(s, OptimizerSpec.of(OptimizerType.NEWTON),
        OptimizerSpec.of(OptimizerType.SADDLE_FREE_NEWTON), OptimizerSpec.of(OptimizerType.SGD));
    assertEquals("Newton needs the Hessian: this network has 1,210 parameters, at most 500",
        runs.get(0).cannotStart());
    assertEquals("Saddle-free Newton needs the Hessian: this network has 1,210 parameters, "
        + "at most 500", runs.get(1).cannotStart());
    assertTrue(runs.get(0).points().isEmpty() && runs.get(0).finished());
    assertEquals("", runs.get(2).cannotStart());
    assertEquals(5, runs.get(2).step());
  }

  @Test
  void aRunWhoseLossBlowsUpStopsAndTheOthersGoOn() throws Exception {
    NetworkSetup s = NetworkSetup.defaults(DataSource.Synthetic.of("moons"))
        .withActivation(Activation.RELU).withBatchSize(NetworkSetup.FULL_BATCH)
        .withSteps(300).withEvalEvery(1);
    // a step of 1e308 times the gradient overflows the weights within two steps
    List<RunSnapshot> runs = train(s, OptimizerSpec.of(OptimizerType.SGD, Param.LR, 1e308),
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1).withLabel("calm"));
    RunSnapshot wild = runs.get(0);
    assertTrue(wild.diverged(), "lr 1e308 diverges");
    int k = wild.divergedAt().getAsInt();
    assertTrue(k > 0 && k < 300);
    assertEquals(k, wild.step());
    for (TrainingPoint p : wild.points()) {
      assertTrue(p.step() < k && Double.isFinite(p.trainLoss()));
    }
    assertEquals(300, runs.get(1).latest().step());
  }

  @Test
  void evaluationsComeEveryEvalEveryStepsAndAtTheLastStep() throws Exception {
    NetworkSetup s = NetworkSetup.defaults(DataSource.Synthetic.of("xor")).withSteps(25)
        .withEvalEvery(10).withValidation(0);
    OptimizerSpec decayed = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1)
        .withSchedule(new LearningRateSchedule.Step(10, 0.5))
        .withAveraging(new Averaging.Polyak(0));
    RunSnapshot r = train(s, decayed).get(0);
    assertEquals(List.of(0, 10, 20, 25), r.points().stream().map(TrainingPoint::step).toList());
    TrainingPoint p = r.points().get(2);
    assertEquals(0.025, p.learningRate(), 1e-15, "the schedule at step 20");
    assertTrue(Double.isNaN(p.valLoss()) && Double.isNaN(p.valAccuracy()), "no validation");
    assertTrue(Double.isFinite(p.averageTrainLoss()), "averaging");
    assertEquals(p.gradNorm() * p.gradNorm(), p.gradNormSquared(), 1e-12);
    assertTrue(Double.isFinite(p.curvature()));
    assertEquals(25.0 / 13, r.latest().epoch(), 1e-12, "400 points, 32 a batch: 13 a pass");
  }

  @Test
  void longRunsKeepAtMost2000PointsEvenlySpacedWithTheLatest() {
    Curve c = new Curve(10);
    for (int k = 0; k <= 100_000; k++) {
      c.add(new TrainingPoint(k, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Sharpness.none(k)));
      if (k % 7 == 0) {
        c.addIterate(k, new double[10]);
      }
    }
    List<TrainingPoint> pts = c.points();
    assertTrue(pts.size() >= 1000 && pts.size() <= 2001, "kept " + pts.size());
    assertEquals(0, pts.get(0).step());
    assertEquals(100_000, pts.get(pts.size() - 1).step());
    int gap = pts.get(1).step() - pts.get(0).step();
    for (int i = 1; i < pts.size() - 1; i++) {
      assertEquals(gap, pts.get(i).step() - pts.get(i - 1).step());
    }
    Trajectory t = c.trajectory();
    assertTrue(t.size() <= Curve.MAX_ITERATES + 1, "iterates " + t.size());
    assertEquals(99_995, t.step(t.size() - 1));
  }

  @Test
  void tooMuchWorkIsRefusedBeforeTraining() {
    NetworkSetup s = NetworkSetup.defaults(new DataSource.BuiltIn("digits"))
        .withHidden(List.of(512, 512)).withBatchSize(NetworkSetup.FULL_BATCH)
        .withSteps(100_000);
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(
        org.descent.network.NetworkInputException.class, () -> TrainingPlan.prepare(
            new TrainingRequest(s, List.of(OptimizerSpec.of(OptimizerType.SGD)))));
    assertTrue(e.getMessage().startsWith("too much work: about 1.7e+14 multiply-adds for 1 "
        + "runs of 100,000 steps on 301,066 parameters; at most 5e+11"), e.getMessage());
  }

  @Test
  void theSameRequestGivesTheSameNumbersBitForBit() throws Exception {
    NetworkSetup s = NetworkSetup.defaults(DataSource.Synthetic.of("circles")).withSteps(50)
        .withBatchNorm(true);
    RunSnapshot a = train(s, OptimizerSpec.of(OptimizerType.NESTEROV, Param.LR, 0.1)).get(0);
    RunSnapshot b = train(s, OptimizerSpec.of(OptimizerType.NESTEROV, Param.LR, 0.1)).get(0);
    assertEquals(a.points(), b.points());
  }
}
