package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.descent.function.Objective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AdamW against torch.optim.AdamW (torch 1.13, float64), step for step on Rosenbrock's function
 * from (−1.2, 1): the iterates are in src/test/resources/pytorch/adamw.csv, written by
 * reference.py there ("python3 reference.py adamw"); the test needs no Python.
 */
class AdamWTest {

  private static final Path CSV = Path.of(System.getProperty("basedir", "."))
      .resolve("src/test/resources/pytorch/adamw.csv");
  private static final double TOLERANCE = 1e-12;

  /** case → the iterates θ₀, θ₁, ... */
  private static Map<String, List<double[]>> reference() throws IOException {
    Map<String, List<double[]>> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(CSV);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      List<double[]> path = out.computeIfAbsent(f[0], k -> new ArrayList<>());
      assertEquals(path.size(), Integer.parseInt(f[1]), "steps in order");
      path.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
    }
    return out;
  }

  /** The cases of reference.py's ADAMW_CASES, with the same hyperparameters. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "defaults-lr0.01, 0.01, 0.9, 0.999, 1e-8, 0.01",
      "strong-decay,    0.05, 0.8, 0.99,  1e-6, 0.5"})
  void everyIterateEqualsPyTorchsToOneInATrillion(String name, double lr, double beta1, double beta2,
      double eps, double decay) throws IOException {
    List<double[]> expected = reference().get(name);
    assertEquals(301, expected.size());
    OptimizerSpec spec = OptimizerSpec.of(OptimizerType.ADAMW, Param.LR, lr, Param.BETA1, beta1,
        Param.BETA2, beta2, Param.DELTA, eps, Param.WEIGHT_DECAY, decay);
    Objective f = Landscapes.catalogue("rosenbrock");
    Optimizer run = spec.create();
    double[] theta = {-1.2, 1};
    double worst = 0;
    for (int k = 0; k < expected.size(); k++) {
      for (int i = 0; i < 2; i++) {
        double want = expected.get(k)[i];
        double diff = Math.abs(theta[i] - want) / Math.max(1, Math.abs(want));
        assertTrue(diff <= TOLERANCE, name + " step " + k + " coordinate " + i + ": PyTorch "
            + want + ", Descent " + theta[i]);
        worst = Math.max(worst, diff);
      }
      run.step(theta, f);
    }
    // the path went somewhere: the comparison is not of a standing start
    double[] last = expected.get(expected.size() - 1);
    assertTrue(Math.hypot(last[0] + 1.2, last[1] - 1) > 0.2, name + " moved too little");
    System.out.printf("AdamW %s: largest relative difference from PyTorch %.2g%n", name, worst);
  }

  /**
   * The decay is what the comparison above tests, not a detail lost in Adam's step: Adam with
   * the same moments strays from PyTorch's AdamW path by far more than the tolerance.
   */
  @Test
  void withoutTheDecayThePathIsAnotherOne() throws IOException {
    List<double[]> expected = reference().get("strong-decay");
    OptimizerSpec adam = OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.05, Param.BETA1, 0.8,
        Param.BETA2, 0.99, Param.DELTA, 1e-6);
    double[] theta = {-1.2, 1};
    Optimizer run = adam.create();
    Objective f = Landscapes.catalogue("rosenbrock");
    for (int k = 0; k < 300; k++) {
      run.step(theta, f);
    }
    double[] want = expected.get(300);
    assertTrue(Math.hypot(theta[0] - want[0], theta[1] - want[1]) > 0.01,
        "Adam ends at the same point as AdamW with λ = 0.5");
  }

  /** With λ = 0 AdamW is Adam, bit for bit (θ is multiplied by exactly 1 − ε·0 = 1). */
  @Test
  void withNoDecayItIsAdam() {
    Objective f = Landscapes.catalogue("himmelblau");
    double[] a = {-0.3, -0.9};
    double[] w = a.clone();
    Optimizer adam = OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.05).create();
    Optimizer adamw = OptimizerSpec.of(OptimizerType.ADAMW, Param.LR, 0.05,
        Param.WEIGHT_DECAY, 0).create();
    for (int k = 0; k < 200; k++) {
      adam.step(a, f);
      adamw.step(w, f);
      assertArrayEquals(a, w, 0, "step " + k);
    }
  }

  /**
   * On f = 0 the gradient is 0, Adam's step is 0/(0 + δ) = 0, and only the decay acts:
   * θ_t = (1 − ελ)ᵗ θ₀, the closed form of decoupled decay.
   */
  @Test
  void onAFlatFunctionOnlyTheDecayActs() {
    Objective flat = Landscapes.formula("0*x + 0*y");
    double[] theta = {2, -3};
    double lr = 0.1;
    double decay = 0.5;
    Optimizer run = OptimizerSpec.of(OptimizerType.ADAMW, Param.LR, lr,
        Param.WEIGHT_DECAY, decay).create();
    for (int k = 0; k < 20; k++) {
      run.step(theta, flat);
    }
    double factor = Math.pow(1 - lr * decay, 20);
    assertEquals(2 * factor, theta[0], 1e-15);
    assertEquals(-3 * factor, theta[1], 1e-15);
  }
}
