package org.descent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.descent.function.Objective;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.training.Trainer;
import org.descent.training.TrainingPlan;
import org.descent.training.TrainingPoint;
import org.descent.training.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same weights and the same data give the same losses as PyTorch in float64, step by
 * step, to 1e-9: full-batch training from a weights file on a CSV file with gradient descent,
 * momentum, Adam and AdamW (losses-adamw.csv, weight decay 0.1), for tanh, ReLU, and logistic units with batch normalization (training
 * mode with batch statistics, and evaluation mode with PyTorch's running averages). The
 * reference numbers are in src/test/resources/pytorch/losses.csv, made by reference.py there
 * with torch 2.13 (the build has no torch; the fixture is the reference).
 */
class PyTorchReferenceTest {

  private static final Path DIR =
      Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/pytorch");
  private static final int STEPS = 100;
  private static final double TOLERANCE = 1e-9;

  /** case → optimizer → [step] {loss, eval_loss}. */
  private static Map<String, Map<String, double[][]>> reference() throws IOException {
    Map<String, Map<String, double[][]>> out = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (String file : List.of("losses.csv", "losses-adamw.csv")) {
      List<String> rows = Files.readAllLines(DIR.resolve(file));
      lines.addAll(rows.subList(1, rows.size()));
    }
    for (String line : lines) {
      String[] f = line.split(",", -1);
      double[][] series = out.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
          .computeIfAbsent(f[1], k -> new double[STEPS + 1][2]);
      int k = Integer.parseInt(f[2]);
      series[k][0] = f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]);
      series[k][1] = Double.parseDouble(f[4]);
    }
    return out;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("tanh", Activation.TANH, false, "sgd"),
        Arguments.of("tanh", Activation.TANH, false, "momentum"),
        Arguments.of("tanh", Activation.TANH, false, "adam"),
        Arguments.of("tanh", Activation.TANH, false, "adamw"),
        Arguments.of("relu", Activation.RELU, false, "adam"),
        Arguments.of("logistic-bn", Activation.LOGISTIC, true, "sgd"),
        Arguments.of("logistic-bn", Activation.LOGISTIC, true, "adam"));
  }

  private static OptimizerSpec spec(String name) {
    return switch (name) {
      case "sgd" -> OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1);
      case "momentum" -> OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.05,
          Param.MOMENTUM, 0.9);
      case "adamw" -> OptimizerSpec.of(OptimizerType.ADAMW, Param.LR, 0.01,
          Param.WEIGHT_DECAY, 0.1);
      default -> OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.01);
    };
  }

  private static NetworkSetup setup(String name, Activation act, boolean bn) {
    return NetworkSetup.defaults(new DataSource.Csv("points.csv")).withFolder(DIR)
        .withValidation(0).withStandardize(false).withHidden(List.of(8, 8))
        .withActivation(act).withBatchNorm(bn)
        .withInit(new Initializer.FromFile("weights-" + name + ".json"))
        .withBatchSize(NetworkSetup.FULL_BATCH).withSteps(STEPS).withEvalEvery(1);
  }

  /** The loss of the first evaluation of each step: the one PyTorch's forward pass makes. */
  private static final class FirstValue implements Objective {
    final NetworkObjective inner;
    double first = Double.NaN;

    FirstValue(NetworkObjective inner) {
      this.inner = inner;
    }

    private double note(double v) {
      if (Double.isNaN(first)) {
        first = v;
      }
      return v;
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public double value(double[] theta) {
      return note(inner.value(theta));
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
      return note(inner.valueAndGradient(theta, gradient));
    }

    @Override
    public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
      return note(inner.valueGradientHessian(theta, gradient, hessian));
    }

    @Override
    public Objective copy() {
      throw new UnsupportedOperationException();
    }
  }

  @ParameterizedTest(name = "{0}, {3}")
  @MethodSource("cases")
  void everyLossEqualsPyTorchsToOneInABillion(String name, Activation act, boolean bn,
      String optimizer) throws Exception {
    double[][] expected = reference().get(name).get(optimizer);
    NetworkSetup.Prepared p = setup(name, act, bn).prepare();
    NetworkObjective f = new NetworkObjective(p.architecture(), p.data().train());
    FirstValue seen = new FirstValue(f);
    double[] theta = p.start();
    Optimizer o = spec(optimizer).create();
    double worst = 0;
    for (int k = 0; k <= STEPS; k++) {
      double eval = f.evaluate(theta, p.data().train()).loss();
      worst = Math.max(worst, check(expected[k][1], eval, name, optimizer, k, "eval"));
      if (k == STEPS) {
        break;
      }
      f.setFullBatch();
      seen.first = Double.NaN;
      o.step(theta, seen);
      worst = Math.max(worst, check(expected[k][0], seen.first, name, optimizer, k, "train"));
    }
    // the losses moved: the comparison is of a real training, not of a standing start
    assertTrue(expected[STEPS][1] < expected[0][1] - 0.05, name + " " + optimizer);
    System.out.printf("PyTorch %s %s: largest relative difference %.2g%n", name, optimizer,
        worst);
  }

  private static double check(double want, double got, String name, String optimizer, int k,
      String what) {
    double rel = Math.abs(got - want) / Math.max(1, Math.abs(want));
    assertTrue(rel <= TOLERANCE, name + " " + optimizer + " step " + k + " " + what
        + " loss: PyTorch " + want + ", Descent " + got);
    return rel;
  }

  @Test
  void theTrainerOnTheScenarioPathGivesTheSameLosses() throws Exception {
    double[][] expected = reference().get("tanh").get("momentum");
    TrainingPlan plan = TrainingPlan.prepare(new TrainingRequest(
        setup("tanh", Activation.TANH, false), List.of(spec("momentum"))));
    List<TrainingPoint> points = new ArrayList<>();
    Trainer.train(plan, new Trainer.Observer() {
      @Override
      public void point(int run, String label, TrainingPoint p) {
        points.add(p);
      }
    }, () -> false);
    assertEquals(STEPS + 1, points.size());
    for (TrainingPoint p : points) {
      check(expected[p.step()][1], p.trainLoss(), "tanh", "momentum (trainer)", p.step(),
          "eval");
    }
  }
}
