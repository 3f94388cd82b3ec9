package org.descent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/**
 * What the lectures say of networks, shown on this one: batch normalization's outputs, the
 * symmetry of zero initialization, dead ReLUs, the initializers' scales, the batch order.
 */
class NetworkBehaviourTest {

  @Test
  void batchNormalizedUnitsHaveZeroMeanAndUnitVarianceInTraining() {
    Architecture a = new Architecture(3, List.of(6, 5), 2, Activation.TANH, true);
    Dataset data = TestNets.data(50, 3, 2, 4);
    NetworkObjective f = new NetworkObjective(a, data);
    double[] theta = TestNets.theta(a, 1.5, 2);
    ParameterLayout p = a.layout();
    for (int l = 0; l < 2; l++) { // scale 1, shift 0: u = x̂ itself
      java.util.Arrays.fill(theta, p.scale(l), p.scale(l) + a.unitsOf(l), 1);
      java.util.Arrays.fill(theta, p.shift(l), p.shift(l) + a.unitsOf(l), 0);
    }
    f.value(theta);
    Workspace w = lastWorkspace(f, theta, data);
    for (int l = 0; l < 2; l++) {
      for (int j = 0; j < a.unitsOf(l); j++) {
        double[] u = w.u[l][j];
        double mean = 0;
        double ss = 0;
        for (int i = 0; i < 50; i++) {
          mean += u[i];
        }
        mean /= 50;
        for (int i = 0; i < 50; i++) {
          ss += (u[i] - mean) * (u[i] - mean);
        }
        double var = ss / 50;
        assertEquals(0, mean, 1e-12, "layer " + l + " unit " + j);
        // σ² / (σ² + ε): 1 up to batch norm's ε = 1e-5
        assertEquals(1, var, 1e-4, "layer " + l + " unit " + j);
      }
    }
  }

  /** The training workspace after a training-mode pass over the full batch. */
  private static Workspace lastWorkspace(NetworkObjective f, double[] theta, Dataset data) {
    Workspace w = new Workspace(f.architecture(), data.size());
    int[] all = new int[data.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    w.gather(data, all, 0, all.length, 1);
    new Mlp(f.architecture()).forward(theta, w, all.length, true,
        new RunningStatistics(f.architecture()), false);
    return w;
  }

  @Test
  void runningAveragesMoveOnlyWithTrainingSteps() {
    Architecture a = new Architecture(2, List.of(4), 2, Activation.RELU, true);
    NetworkObjective f = new NetworkObjective(a, TestNets.data(30, 2, 2, 1));
    double[] theta = TestNets.theta(a, 1, 1);
    f.value(theta); // first evaluation: no setBatch, nothing armed
    assertEquals(0, f.runningStatistics().mean(0, 0));
    f.setFullBatch();
    f.value(theta);
    double once = f.runningStatistics().mean(0, 0);
    assertNotEquals(0, once);
    f.value(theta);
    f.hessianVectorProduct(theta, theta, new double[theta.length]);
    f.evaluate(theta, f.data());
    assertEquals(once, f.runningStatistics().mean(0, 0), "only the first pass after setBatch");
  }

  @Test
  void zeroInitializationKeepsHiddenUnitsIdenticalWhileRandomInitializationBreaksTheSymmetry()
      throws NetworkInputException {
    for (Initializer init : List.of(new Initializer.Zero(), new Initializer.Glorot())) {
      Architecture a = new Architecture(2, List.of(5, 3), 3, Activation.TANH, false);
      Dataset data = SyntheticData.generate("blobs", 90, 0.3, 1);
      NetworkObjective f = new NetworkObjective(a, data);
      double[] theta = Initialization.initialize(a, init, 0.1, 7, null);
      Optimizer o = OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.1).create();
      for (int k = 0; k < 200; k++) {
        f.setFullBatch();
        o.step(theta, f);
      }
      ParameterLayout p = a.layout();
      boolean identical = true;
      for (int l = 0; l < 2; l++) {
        int in = a.inputsOf(l);
        for (int j = 1; j < a.unitsOf(l); j++) {
          for (int k = 0; k < in; k++) {
            identical &= theta[p.weight(l) + j * in + k] == theta[p.weight(l) + k];
          }
        }
      }
      assertEquals(init instanceof Initializer.Zero, identical, init.key());
      assertTrue(theta[p.weight(1)] != 0, init.key() + ": the weights moved");
    }
  }

  @Test
  void reluUnitsWithALargeNegativeBiasAreReportedDead() throws NetworkInputException {
    Architecture a = new Architecture(2, List.of(20, 20), 2, Activation.RELU, false);
    Dataset data = SyntheticData.generate("moons", 200, 0.1, 1);
    PreparedData split = PreparedData.split(data, 0, true, 1);
    NetworkObjective f = new NetworkObjective(a, split.train());
    double[] dead = Initialization.initialize(a, new Initializer.He(), -5, 1, null);
    List<LayerDiagnostics> d = ActivationDiagnostics.compute(f, dead, split.train());
    assertTrue(d.get(0).deadFraction() >= 0.9, d.toString());
    assertEquals(20, d.get(1).dead(), d.toString());
    assertEquals(0, d.get(0).saturated(), "ReLUs do not saturate");
    double[] alive = Initialization.initialize(a, new Initializer.He(), 0.1, 1, null);
    List<LayerDiagnostics> e = ActivationDiagnostics.compute(f, alive, split.train());
    assertTrue(e.get(0).deadFraction() <= 0.1, e.toString());
    assertEquals(200L * 20, e.get(0).histogram().total());
  }

  @Test
  void logisticUnitsWithHugeWeightsAreReportedSaturated() throws NetworkInputException {
    Architecture a = new Architecture(2, List.of(10), 2, Activation.LOGISTIC, false);
    Dataset data = SyntheticData.generate("moons", 200, 0.1, 1);
    NetworkObjective f = new NetworkObjective(a, data);
    double[] big = Initialization.initialize(a, new Initializer.Scaled(50), 0, 1, null);
    assertTrue(ActivationDiagnostics.compute(f, big, data).get(0).saturatedFraction() >= 0.8);
    double[] small = Initialization.initialize(a, new Initializer.Small(), 0, 1, null);
    assertEquals(0, ActivationDiagnostics.compute(f, small, data).get(0).saturated());
  }

  @Test
  void initializersHaveTheirDocumentedScales() throws NetworkInputException {
    Architecture a = new Architecture(100, List.of(200), 2, Activation.RELU, true);
    ParameterLayout p = a.layout();
    int n = 200 * 100;
    double[] he = Initialization.initialize(a, new Initializer.He(), 0.1, 3, null);
    assertEquals(Math.sqrt(2.0 / 100), std(he, p.weight(0), n), 0.02 * Math.sqrt(0.02));
    double[] glorot = Initialization.initialize(a, new Initializer.Glorot(), 0, 3, null);
    double limit = Math.sqrt(6.0 / 300);
    for (int i = 0; i < n; i++) {
      assertTrue(Math.abs(glorot[p.weight(0) + i]) <= limit);
    }
    assertEquals(limit / Math.sqrt(3), std(glorot, p.weight(0), n), 0.02 * limit);
    double[] small = Initialization.initialize(a, new Initializer.Small(), 0, 3, null);
    assertEquals(0.01, std(small, p.weight(0), n), 2e-4);
    assertEquals(1, he[p.scale(0)]);
    assertEquals(0.1, he[p.shift(0)]);
    assertEquals(0, he[p.bias(1)], "the output bias starts at 0");
    // orthogonal: W Wᵀ = gain² I for a wide matrix (200 x 100 is tall: Wᵀ W = gain² I)
    double[] o = Initialization.initialize(a, new Initializer.Orthogonal(1.5), 0, 3, null);
    for (int c = 0; c < 100; c += 33) {
      for (int d = 0; d < 100; d += 33) {
        double s = 0;
        for (int r = 0; r < 200; r++) {
          s += o[p.weight(0) + r * 100 + c] * o[p.weight(0) + r * 100 + d];
        }
        assertEquals(c == d ? 2.25 : 0, s, 1e-12);
      }
    }
  }

  private static double std(double[] v, int off, int n) {
    double ss = 0;
    for (int i = 0; i < n; i++) {
      ss += v[off + i] * v[off + i];
    }
    return Math.sqrt(ss / n);
  }

  @Test
  void everyRunSeesTheSameBatchesAndEachEpochIsAPermutation() {
    NetworkObjective f = new NetworkObjective(new Architecture(2, List.of(), 2,
        Activation.TANH, false), TestNets.data(10, 2, 2, 1));
    MiniBatches a = new MiniBatches(10, 4, 99);
    MiniBatches b = new MiniBatches(10, 4, 99);
    MiniBatches other = new MiniBatches(10, 4, 100);
    assertEquals(3, a.batchesPerEpoch());
    boolean differs = false;
    for (int epoch = 0; epoch < 3; epoch++) {
      java.util.Set<Integer> seen = new java.util.TreeSet<>();
      for (int k = 0; k < 3; k++) {
        a.next(f);
        int[] fromA = f.batchIndices();
        assertEquals(k < 2 ? 4 : 2, fromA.length, "the last batch of an epoch is smaller");
        b.next(f);
        assertEquals(java.util.Arrays.toString(fromA), java.util.Arrays.toString(
            f.batchIndices()), "the same seed, the same batches");
        other.next(f);
        differs |= !java.util.Arrays.equals(fromA, f.batchIndices());
        for (int s : fromA) {
          seen.add(s);
        }
      }
      assertEquals(10, seen.size(), "an epoch visits every sample once");
    }
    assertTrue(differs, "another seed, another order");
    assertEquals(2.0 / 3, a.epochAfter(2), 1e-15);
  }
}
