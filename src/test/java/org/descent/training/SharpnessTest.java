package org.descent.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.descent.function.SymmetricMatrices;
import org.descent.network.DataSource;
import org.descent.network.HessianSpectrum;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.optim.StepDetail;
import org.junit.jupiter.api.Test;

/**
 * A run's sharpness every k steps: at the right steps, equal to the exact spectrum's top of
 * the weights of those steps, Adam's preconditioned one to that of a dense P^(−1/2) H P^(−1/2)
 * built from Adam's own moments.
 */
class SharpnessTest {

  private static final NetworkSetup SETUP = NetworkSetup.defaults(DataSource.Synthetic.of(
      "moons")).withHidden(List.of(8)).withBatchSize(NetworkSetup.FULL_BATCH).withSteps(12)
      .withEvalEvery(5);

  private static double top(double[] h, int n) {
    return Arrays.stream(SymmetricMatrices.eigenvalues(h, n)).max().orElseThrow();
  }

  @Test
  void everyKStepsTheLargestEigenvalueOfTheWeightsOfThatStep() throws Exception {
    OptimizerSpec sgd = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.5);
    OptimizerSpec adam = OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.01);
    TrainingPlan plan = TrainingPlan.prepare(new TrainingRequest(SETUP, List.of(sgd, adam))
        .withSharpnessEvery(5));
    List<RunSnapshot> runs = Trainer.train(plan);
    NetworkObjective f = new NetworkObjective(plan.architecture(), plan.data().train());
    int n = f.dimension();
    for (RunSnapshot r : runs) {
      assertEquals(List.of(0, 5, 10, 12), r.sharpness().stream().map(Sharpness::step).toList(),
          r.label());
      for (Sharpness s : r.sharpness()) {
        double[] exact = HessianSpectrum.eigenvalues(f, r.weightsAt(s.step()));
        double want = exact[exact.length - 1];
        assertEquals(want, s.lambdaMax(), 1e-8 * want, r.label() + " step " + s.step());
        TrainingPoint p = r.points().stream().filter(x -> x.step() == s.step()).findFirst()
            .orElseThrow();
        assertEquals(s, p.sharpness(), "the evaluation carries it");
      }
    }
    assertEquals(2 / 0.5, runs.get(0).sharpness().get(1).threshold(), 1e-12);
    assertTrue(Double.isNaN(runs.get(0).sharpness().get(1).preconditioned()));

    // Adam's moments after 5 full-batch steps, from Adam itself
    Optimizer o = adam.create();
    double[] theta = plan.initialWeights();
    NetworkObjective g = new NetworkObjective(plan.architecture(), plan.data().train());
    for (int k = 1; k <= 5; k++) {
      g.setFullBatch();
      o.recordDetails(k == 5);
      o.step(theta, g);
    }
    StepDetail d = o.lastDetail();
    double[] rHat = d.get(StepDetail.Quantity.SECOND_MOMENT_HAT);
    double c1 = 1 - Math.pow(0.9, 5);
    double[] h = new double[n * n];
    f.valueGradientHessian(theta, new double[n], h);
    double[] scaled = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double pi = c1 * (Math.sqrt(rHat[i]) + 1e-8);
        double pj = c1 * (Math.sqrt(rHat[j]) + 1e-8);
        scaled[i * n + j] = h[i * n + j] / Math.sqrt(pi * pj);
      }
    }
    Sharpness at5 = runs.get(1).sharpness().get(1);
    double want = top(scaled, n);
    assertEquals(want, at5.preconditioned(), 1e-8 * want);
    assertTrue(at5.thresholdPreconditioned());
    assertEquals(38 / 0.01, at5.threshold(), 1e-9);
    assertTrue(Double.isNaN(runs.get(1).sharpness().get(0).preconditioned()), "step 0");
  }

  @Test
  void withoutItNothingIsComputed() throws Exception {
    RunSnapshot r = Trainer.train(TrainingPlan.prepare(new TrainingRequest(SETUP,
        List.of(OptimizerSpec.of(OptimizerType.SGD))))).get(0);
    assertTrue(r.sharpness().isEmpty());
    assertTrue(r.points().stream().allMatch(p -> Double.isNaN(p.sharpness().lambdaMax())));
  }
}
