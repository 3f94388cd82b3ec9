package org.descent.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.descent.network.ActivationDiagnostics;
import org.descent.network.Architecture;
import org.descent.network.DataSource;
import org.descent.network.DecisionGrid;
import org.descent.network.Initializer;
import org.descent.network.LayerDiagnostics;
import org.descent.network.LayerSignal;
import org.descent.network.SignalDiagnostics;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.network.ParameterLayout;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The network half of the lecture demos with {@code topic: network}: each file's network
 * must show what its description claims, checked on the curves and weights of the very runs
 * {@code descent train} and the app make (their landscape half is checked with the other
 * demos in BuiltInScenariosTest). Where a demo's claim is a comparison ("switch batch norm off
 * and..."), the other side is trained here too.
 */
class NetworkScenariosTest {

  private static final Path DIR =
      Path.of(System.getProperty("basedir", ".")).resolve("scenarios");

  @FunctionalInterface
  private interface Lesson {
    void check(Demo d) throws Exception;
  }

  private static final Map<String, Lesson> LESSONS = lessons();
  private static final Map<String, Demo> DEMOS = new HashMap<>();

  private static Map<String, Lesson> lessons() {
    Map<String, Lesson> m = new LinkedHashMap<>();
    m.put("network-zero-init.yaml", NetworkScenariosTest::zeroInit);
    m.put("network-dead-relu.yaml", NetworkScenariosTest::deadRelu);
    m.put("network-saturated-logistic.yaml", NetworkScenariosTest::saturatedLogistic);
    m.put("network-batch-norm.yaml", NetworkScenariosTest::batchNorm);
    m.put("network-minibatch-size.yaml", NetworkScenariosTest::minibatchSize);
    m.put("network-unnormalized-inputs.yaml", NetworkScenariosTest::unnormalizedInputs);
    m.put("network-momentum-digits.yaml", NetworkScenariosTest::momentumDigits);
    m.put("early-stopping.yaml", NetworkScenariosTest::earlyStopping);
    m.put("deep-init.yaml", NetworkScenariosTest::deepInit);
    m.put("residual-depth.yaml", NetworkScenariosTest::residualDepth);
    m.put("mode-connectivity.yaml", NetworkScenariosTest::modeConnectivity);
    m.put("edge-of-stability.yaml", NetworkScenariosTest::edgeOfStability);
    m.put("saddles-then-minimum.yaml", NetworkScenariosTest::saddlesThenMinimum);
    m.put("sam-flatter.yaml", NetworkScenariosTest::samFlatter);
    m.put("catapult.yaml", NetworkScenariosTest::catapult);
    return m;
  }

  private static List<String> networkFiles() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .filter(n -> {
            try {
              return ScenarioReader.read(DIR.resolve(n)).network() != null;
            } catch (Exception e) {
              return false;
            }
          }).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyNetworkDemoShowsItsLesson() throws IOException {
    return networkFiles().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Lesson lesson = LESSONS.get(name);
      assertNotNull(lesson, name + " has a network whose lesson no test checks: add one to "
          + "NetworkScenariosTest.lessons()");
      lesson.check(demo(name));
    }));
  }

  @Test
  void everyCheckedLessonHasItsFileAndTopic() throws Exception {
    for (String name : LESSONS.keySet()) {
      Scenario s = ScenarioReader.read(DIR.resolve(name));
      assertEquals("network", s.topic(), name);
      assertNotNull(s.network(), name);
    }
  }

  @TestFactory
  Stream<DynamicTest> noNetworkDemoDivergesOrFailsToStart() throws IOException {
    return networkFiles().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      for (RunSnapshot r : demo(name).runs) {
        assertTrue(r.cannotStart().isEmpty(), name + ": " + r.cannotStart());
        assertTrue(r.divergedAt().isEmpty(), name + ": " + r.label() + " diverged");
        assertEquals(r.steps(), r.step(), name + ": " + r.label());
      }
    }));
  }

  // ---------------------------------------------------------------------------------------

  /**
   * Zero init: the start is a critical point (zero output weights, balanced classes), so
   * gradient descent and momentum do not move; Adam's δ turns the rounding-level gradient into
   * full steps and it leaves; and for every optimizer the hidden units of a layer stay
   * identical, bit for bit, at every stored step: Adam's regions are cut by one straight line.
   */
  private static void zeroInit(Demo d) throws Exception {
    Architecture a = d.plan.architecture();
    ParameterLayout p = a.layout();
    NetworkObjective f = new NetworkObjective(a, d.plan.data().train());
    double[] g0 = new double[p.parameterCount()];
    f.valueAndGradient(d.plan.initialWeights(), g0);
    assertEquals(6e-17, norm(g0), 0.5e-17, "the gradient at the zero start is rounding");
    for (RunSnapshot r : d.runs) {
      Trajectory t = r.trajectory();
      assertEquals(r.step(), t.step(t.size() - 1));
      for (int i = 0; i < t.size(); i++) {
        assertIdenticalUnits(a, t.iterate(i), r.label() + " at step " + t.step(i));
      }
    }
    for (String label : List.of("gradient descent", "momentum 0.9")) {
      RunSnapshot r = d.run(label);
      for (TrainingPoint pt : r.points()) {
        assertEquals(Math.log(2), pt.trainLoss(), 5e-4, label + " at step " + pt.step());
        assertEquals(0.5, pt.trainAccuracy(), 0.0, label);
        assertEquals(0.5, pt.valAccuracy(), 0.0, label);
      }
      assertEquals(0.0, maxFromHalf(DecisionGrid.compute(f, finalWeights(r), d.plan.data(), 64)),
          0.0, label + " predicts 50/50 everywhere");
    }
    RunSnapshot adam = d.run("Adam");
    assertEquals(0.56, adam.latest().trainLoss(), 0.005);
    assertEquals(0.67, adam.latest().trainAccuracy(), 0.005);
    assertEquals(0.60, adam.latest().valAccuracy(), 0.005);
    // one straight boundary: the class is a threshold of the one first-layer pre-activation
    double[] w = finalWeights(adam);
    DecisionGrid grid = DecisionGrid.compute(f, w, d.plan.data(), 64);
    int n = grid.size();
    double[] pre = new double[n * n];
    double[] raw = new double[2];
    double[] std = new double[2];
    for (int k = 0; k < pre.length; k++) {
      raw[0] = grid.xMin() + (k % n + 0.5) * (grid.xMax() - grid.xMin()) / n;
      raw[1] = grid.yMin() + (k / n + 0.5) * (grid.yMax() - grid.yMin()) / n;
      d.plan.data().standardize(raw, std);
      pre[k] = w[p.weight(0)] * std[0] + w[p.weight(0) + 1] * std[1] + w[p.bias(0)];
    }
    assertEquals(1, classChanges(grid, pre), "Adam's regions: one straight boundary");
    // why only Adam moves: its step g/(√r̂ + δ) divides the rounding by δ, not by itself
    int adamIndex = d.plan.runs().stream().filter(x -> x.label().equals("Adam")).findFirst()
        .orElseThrow().index();
    OptimizerSpec spec = d.plan.runs().get(adamIndex).spec();
    assertEquals(1e-8, spec.get(Param.DELTA), 0.0);
    org.descent.optim.Optimizer adamSteps = spec.create();
    double[] theta = d.plan.initialWeights().clone();
    double[] before = theta.clone();
    double[] g = g0.clone();
    double lr = spec.get(Param.LR);
    adamSteps.step(theta, f);
    double first = maxAbs(theta, before);
    assertEquals(lr / 1e-8, first / maxAbs(g0, new double[g0.length]), 1e-2 * lr / 1e-8,
        "Adam's first step: the gradient x lr/δ");
    assertEquals(4e-11, first, 0.5e-11, "Adam's first step");
    double gradient = norm(g0);
    for (int k = 2; k <= 3; k++) {
      before = theta.clone();
      f.valueAndGradient(theta, g);
      assertTrue(norm(g) > 1e3 * gradient, "the gradient grows at step " + k + ": " + norm(g));
      gradient = norm(g);
      adamSteps.step(theta, f);
    }
    assertTrue(maxAbs(theta, before) > 0.5 * lr, "by its third step Adam moves by about its "
        + "rate: " + maxAbs(theta, before));
    OptimizerSpec gdSpec = d.plan.runs().stream().filter(x -> x.label().equals(
        "gradient descent")).findFirst().orElseThrow().spec();
    theta = d.plan.initialWeights().clone();
    gdSpec.create().step(theta, f);
    assertEquals(2e-17, maxAbs(theta, d.plan.initialWeights()), 0.5e-17,
        "gradient descent's first step");
    Demo glorot = d.variant(s -> s.withInit(new Initializer.Glorot()));
    for (RunSnapshot r : glorot.runs) {
      assertEquals(1.0, r.latest().valAccuracy(), 0.0, "glorot " + r.label() + ": "
          + r.latest());
    }
    assertTrue(glorot.run("gradient descent").latest().trainLoss() < 1e-3);
  }

  /** Every hidden layer's units have bitwise equal weights, biases and outgoing weights. */
  private static void assertIdenticalUnits(Architecture a, double[] w, String where) {
    ParameterLayout p = a.layout();
    for (int l = 0; l < a.layers(); l++) {
      int in = a.inputsOf(l);
      int units = a.unitsOf(l);
      for (int j = 1; j < units && l < a.hidden().size(); j++) {
        for (int k = 0; k < in; k++) {
          assertSameBits(w[p.weight(l) + k], w[p.weight(l) + j * in + k],
              where + ": layer " + (l + 1) + " unit " + j + " differs from unit 0");
        }
        assertSameBits(w[p.bias(l)], w[p.bias(l) + j], where + ": a bias of layer " + (l + 1));
      }
      if (l > 0) { // the weights out of the previous layer's copies: identical columns
        for (int j = 0; j < units; j++) {
          for (int k = 1; k < in; k++) {
            assertSameBits(w[p.weight(l) + j * in], w[p.weight(l) + j * in + k],
                where + ": layer " + (l + 1) + " column " + k);
          }
        }
      }
    }
  }

  private static void assertSameBits(double expected, double actual, String message) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        message + ": " + expected + " against " + actual);
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static double maxAbs(double[] u, double[] v) {
    double m = 0;
    for (int i = 0; i < u.length; i++) {
      m = Math.max(m, Math.abs(u[i] - v[i]));
    }
    return m;
  }

  /** Bias −3 kills the ReLUs: most units dead, the loss stuck at ln 2; bias 0.1 learns. */
  private static void deadRelu(Demo d) throws Exception {
    List<LayerDiagnostics> start = d.initialDiagnostics();
    assertEquals(13, start.get(0).dead(), start.toString());
    assertEquals(16, start.get(1).dead(), start.toString());
    for (RunSnapshot r : d.runs) {
      for (TrainingPoint p : r.points()) {
        assertEquals(Math.log(2), p.trainLoss(), 2e-3, r.label() + " at step " + p.step());
        assertEquals(0.5, p.valAccuracy(), 0.0, r.label() + " at step " + p.step());
      }
      assertEquals(13, r.layers().get(0).dead(), r.label());
      assertEquals(16, r.layers().get(1).dead(), r.label() + " revived a unit");
    }
    Demo alive = d.variant(s -> s.withBias(0.1));
    for (RunSnapshot r : alive.runs) {
      assertTrue(r.latest().valAccuracy() >= 0.95, "bias 0.1 " + r.label());
    }
    RunSnapshot gd = alive.run("gradient descent");
    assertEquals(988, Math.round(1000 * at(gd, 500).valAccuracy()), "98.8 % at step 500");
    assertEquals(0, gd.layers().get(0).dead());
    assertEquals(3, gd.layers().get(1).dead());
    assertEquals(1.0, alive.run("Adam").latest().valAccuracy(), 0.0);
  }

  /** Scale 2 saturates the logistic units; every run lags far behind Glorot's start. */
  private static void saturatedLogistic(Demo d) throws Exception {
    List<LayerDiagnostics> start = d.initialDiagnostics();
    assertEquals(32, start.get(0).saturated(), start.toString());
    assertEquals(20, start.get(1).saturated(), start.toString());
    Demo glorot = d.variant(s -> s.withInit(new Initializer.Glorot()));
    assertTrue(glorot.initialDiagnostics().get(0).saturated() == 0);
    double[] scale2 = {0.70, 0.77, 0.48};
    double[] glorots = {0.92, 0.95, 0.93};
    for (int i = 0; i < 3; i++) {
      RunSnapshot r = d.runs.get(i);
      assertEquals(15.7, r.points().get(0).trainLoss(), 0.05, r.label());
      assertEquals(scale2[i], r.latest().valAccuracy(), 0.005, r.label());
      RunSnapshot g = glorot.run(r.label());
      assertEquals(2.44, g.points().get(0).trainLoss(), 0.005, r.label());
      assertEquals(glorots[i], g.latest().valAccuracy(), 0.005, "glorot " + r.label());
    }
    for (RunSnapshot r : d.runs) {
      double good = glorot.run(r.label()).latest().valAccuracy();
      assertTrue(good >= 0.9, "glorot " + r.label() + ": " + good);
      assertTrue(r.latest().valAccuracy() <= good - 0.1, r.label() + ": "
          + r.latest().valAccuracy() + " against " + good);
    }
  }

  /**
   * Batch norm widens the window of rates: the demo's cards are gradient descent at network
   * rates 0.1, 1 and 10; with batch norm all train, without it only 1 does. A fourth rate, 3,
   * trained here, is the best without batch norm: the network trains without it.
   */
  private static void batchNorm(Demo d) throws Exception {
    List<String> labels = List.of("gradient descent, small rate", "gradient descent, middle rate",
        "gradient descent, large rate");
    double[] rates = {0.1, 1, 10};
    double[] with = {0.96, 0.97, 0.97};
    double[] without = {0.10, 0.91, 0.28};
    Demo off = d.variant(s -> s.withBatchNorm(false));
    for (int i = 0; i < 3; i++) {
      RunPlanAndRun on = new RunPlanAndRun(d, labels.get(i));
      assertEquals(OptimizerType.SGD, on.spec.type(), labels.get(i));
      assertEquals(rates[i], on.spec.get(Param.LR), 0.0, labels.get(i));
      assertEquals(with[i], on.run.latest().valAccuracy(), 0.005, labels.get(i));
      assertEquals(without[i], off.run(labels.get(i)).latest().valAccuracy(), 0.005,
          labels.get(i) + " without batch norm");
    }
    OptimizerSpec rate3 = new RunPlanAndRun(d, labels.get(1)).spec.with(Param.LR, 3);
    double on3 = trainOne(d.scenario.network(), rate3).latest().valAccuracy();
    double off3 = trainOne(d.scenario.network().withBatchNorm(false), rate3).latest()
        .valAccuracy();
    assertEquals(0.95, on3, 0.005, "rate 3 with batch norm");
    assertEquals(0.93, off3, 0.005, "rate 3 without batch norm");
    for (String label : labels) {
      assertTrue(off3 > off.run(label).latest().valAccuracy(), "3 is the best without: "
          + label);
    }
    // why the small rate fails without batch norm: the gradient fades on its way down
    List<LayerSignal> plain = off.signals();
    List<LayerSignal> normalized = d.signals();
    assertEquals(0.004, plain.get(0).weightGradientNorm(), 0.0005);
    assertEquals(0.14, plain.get(3).weightGradientNorm(), 0.005);
    assertEquals(30, plain.get(3).weightGradientNorm() / plain.get(0).weightGradientNorm(), 5);
    assertEquals(0.35, normalized.get(0).weightGradientNorm(), 0.005);
    assertEquals(0.25, normalized.get(3).weightGradientNorm(), 0.005);
  }

  /** A card of a demo: the spec it trains the network with, and its run. */
  private static final class RunPlanAndRun {
    final OptimizerSpec spec;
    final RunSnapshot run;

    RunPlanAndRun(Demo d, String label) {
      this.spec = d.plan.runs().stream().filter(r -> r.label().equals(label)).findFirst()
          .orElseThrow().spec();
      this.run = d.run(label);
    }
  }

  private static RunSnapshot trainOne(NetworkSetup setup, OptimizerSpec spec) throws Exception {
    return Trainer.train(TrainingPlan.prepare(new TrainingRequest(setup, List.of(spec),
        null))).get(0);
  }

  /** Batch 1 is noisy per step but far ahead per epoch; full batch is smooth. */
  private static void minibatchSize(Demo d) throws Exception {
    Demo full = d.variant(s -> s.withBatchSize(NetworkSetup.FULL_BATCH));
    Demo b32 = d.variant(s -> s.withBatchSize(32));
    String gd = "gradient descent";
    List<TrainingPoint> one = d.run(gd).points();
    List<TrainingPoint> all = full.run(gd).points();
    assertTrue(roughness(one) > 1.3, "batch 1 is noisy: " + roughness(one));
    assertTrue(roughness(all) < 1.0001, "full batch is smooth: " + roughness(all));
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i).trainLoss() <= all.get(i - 1).trainLoss(), "full batch step "
          + all.get(i).step());
    }
    double last1 = d.run(gd).latest().trainLoss();
    double last32 = b32.run(gd).latest().trainLoss();
    double lastFull = full.run(gd).latest().trainLoss();
    assertTrue(lastFull <= last32 * 1.01 && last32 < last1, last1 + " " + last32 + " "
        + lastFull);
    // per pass over the data: 6.25 epochs of batch 1 beat 20 epochs (20 steps) of full batch
    TrainingPoint oneEnd = d.run(gd).latest();
    TrainingPoint fullAt20 = all.stream().filter(p -> p.step() == 20).findFirst().orElseThrow();
    assertEquals(6.25, oneEnd.epoch(), 1e-12);
    assertTrue(oneEnd.trainLoss() < 0.05 && fullAt20.trainLoss() > 0.3,
        oneEnd + " against " + fullAt20);
    // the numbers of the text, with this seed
    assertEquals(320, d.plan.data().train().size());
    List<TrainingPoint> gdOne = d.run(gd).points();
    int rises = 0;
    for (int i = 1; i < gdOne.size(); i++) {
      rises += gdOne.get(i).trainLoss() > gdOne.get(i - 1).trainLoss() ? 1 : 0;
    }
    assertEquals(100, gdOne.size() - 1);
    assertEquals(50, rises, "evaluations at which batch 1's loss rose");
    assertEquals(0.028, oneEnd.trainLoss(), 0.0005);
    assertEquals(0.008, d.run("Adam").latest().trainLoss(), 0.0005);
    for (RunSnapshot r : d.runs) {
      assertEquals(988, Math.round(1000 * r.latest().valAccuracy()), r.label() + ": 98.8 %");
    }
    List<TrainingPoint> gd32 = b32.run(gd).points();
    for (int i = 1; i < gd32.size(); i++) {
      assertTrue(gd32.get(i).trainLoss() < gd32.get(i - 1).trainLoss(), "batch 32, step "
          + gd32.get(i).step());
    }
    assertEquals(0.011, last32, 0.0005);
    assertEquals(200, b32.run(gd).latest().epoch(), 1e-9);
    Demo six = d.variant(s -> s.withBatchSize(NetworkSetup.FULL_BATCH).withSteps(6));
    TrainingPoint sixEnd = six.run(gd).latest();
    assertEquals(6, sixEnd.step());
    assertEquals(0.67, sixEnd.trainLoss(), 0.005);
    assertEquals(0.64, sixEnd.valAccuracy(), 0.005);
  }

  /** Raw pixels: far larger curvature along the gradient, and lr 1 wrecks the network. */
  private static void unnormalizedInputs(Demo d) throws Exception {
    Demo std = d.variant(s -> s.withStandardize(true));
    TrainingPoint raw0 = d.run("gradient descent").points().get(0);
    TrainingPoint std0 = std.run("gradient descent").points().get(0);
    double ratio = (raw0.curvature() / raw0.gradNormSquared())
        / (std0.curvature() / std0.gradNormSquared());
    System.out.printf("unnormalized inputs: curvature along g %.3g raw, %.3g standardized, "
        + "ratio %.3g%n", raw0.curvature() / raw0.gradNormSquared(),
        std0.curvature() / std0.gradNormSquared(), ratio);
    assertEquals(6, ratio, 0.5, "six times");
    assertEquals(2.30, raw0.curvature() / raw0.gradNormSquared(), 0.005);
    assertEquals(0.36, std0.curvature() / std0.gradNormSquared(), 0.005);
    assertEquals(1.0, d.scenario.networkRates().get(0), 0.0, "ε = 1: ε gHg/|g|^2 = gHg/|g|^2");
    RunSnapshot raw = d.run("gradient descent");
    assertEquals(2.9, raw0.trainLoss(), 0.05);
    assertEquals(10, at(raw, 20).trainLoss(), 0.5, "about 10 within 20 steps");
    for (TrainingPoint p : raw.points().subList(1, raw.points().size())) {
      assertTrue(p.trainLoss() >= 5 && p.trainLoss() < 14.5, "between 5 and 14: " + p);
    }
    TrainingPoint rawEnd = raw.latest();
    assertEquals(0.10, rawEnd.valAccuracy(), 0.005, rawEnd.toString());
    assertEquals(0.958, d.run("Adam").latest().valAccuracy(), 0.0005);
    TrainingPoint std100 = at(std.run("gradient descent"), 100);
    assertEquals(0.964, std100.valAccuracy(), 0.0005, std100.toString());
  }

  /**
   * Saddles then a minimum, on every eigenvalue of the 354-weight Hessian: clearly negative
   * (below −1 % of the spectrum's width) 17.5 % at the start (loss 1.00, λmin −1.08, λmax
   * 1.73), none at step 3,000 (loss 0.030), where λmin is −0.0023, about a thousandth of
   * λmax = 2.25.
   */
  private static void saddlesThenMinimum(Demo d) throws Exception {
    assertEquals(354, d.plan.architecture().parameterCount());
    NetworkObjective f = new NetworkObjective(d.plan.architecture(), d.plan.data().train());
    f.setFullBatch();
    double[] start = org.descent.network.HessianSpectrum.eigenvalues(f,
        Trainer.weightsAt(d.plan, 0, 0));
    double[] end = org.descent.network.HessianSpectrum.eigenvalues(f,
        Trainer.weightsAt(d.plan, 0, 3000));
    assertEquals(0.175, clearlyNegative(start), 0.0015);
    assertEquals(0, clearlyNegative(end), 0);
    assertEquals(-1.08, start[0], 0.005);
    assertEquals(1.73, start[353], 0.005);
    assertEquals(-0.0023, end[0], 0.00005);
    assertEquals(2.25, end[353], 0.005);
    double tiny = org.descent.network.HessianSpectrum.fractionBelow(end, -1e-9 * end[353]);
    assertEquals(1 / 3.0, tiny, 0.03, "tiny negative ones remain: a third");
    double ratio = -end[0] / end[353];
    assertTrue(ratio > 0.0005 && ratio < 0.0015, "about a thousandth: " + ratio);
    RunSnapshot r = d.runs.get(0);
    assertEquals(1.00, loss(r, 0), 0.005);
    assertEquals(0.030, loss(r, 3000), 0.0005);
  }

  /** The share of eigenvalues below −1 % of the spectrum's width. */
  private static double clearlyNegative(double[] ascending) {
    double width = ascending[ascending.length - 1] - ascending[0];
    return org.descent.network.HessianSpectrum.fractionBelow(ascending, -0.01 * width);
  }

  /**
   * SAM ends flatter: with the sharpness every evaluation, at step 560 both runs have a training
   * loss just below 0.01 (0.0094 and 0.0082), where λmax is 1.56 (gradient descent) and 0.91
   * (SAM); after 3,000
   * steps 0.32 and 0.13, training loss 0.0008 and 0.0004, validation loss 0.0111 and 0.0096.
   */
  private static void samFlatter(Demo d) throws Exception {
    List<RunSnapshot> runs = withSharpness(d);
    double[] atEqualLoss = {1.56, 0.91};
    double[] lossAt560 = {0.0094, 0.0082};
    double[] endSharpness = {0.32, 0.13};
    double[] endLoss = {0.0008, 0.0004};
    double[] endValidation = {0.0111, 0.0096};
    for (int i = 0; i < 2; i++) {
      RunSnapshot r = runs.get(i);
      TrainingPoint at560 = r.points().stream().filter(p -> p.step() == 560).findFirst()
          .orElseThrow();
      assertEquals(lossAt560[i], at560.trainLoss(), 0.00005, r.label());
      assertEquals(atEqualLoss[i], at560.sharpness().lambdaMax(), 0.005, r.label());
      TrainingPoint last = r.latest();
      assertEquals(3000, last.step());
      assertEquals(endSharpness[i], last.sharpness().lambdaMax(), 0.005, r.label());
      assertEquals(endLoss[i], last.trainLoss(), 0.00005, r.label());
      assertEquals(endValidation[i], last.valLoss(), 0.00005, r.label());
    }
    assertEquals(org.descent.optim.OptimizerType.SAM, d.scenario.optimizers().get(1).type());
  }

  /**
   * The catapult: λmax 2.63 at the start (2/λmax 0.76); at lr 0.5 the loss falls from the first
   * step; at lr 1.2 (1.6 times 0.76) it rises to 0.819 at step 1, comes back to 0.709 and 0.663
   * at steps 2 and 4, while λmax falls to 1.73 and 1.59, below 2/ε = 1.67, then stays between
   * 1.5 and 2 to step 60.
   */
  private static void catapult(Demo d) throws Exception {
    List<RunSnapshot> runs = withSharpness(d);
    List<TrainingPoint> below = runs.get(0).points();
    List<TrainingPoint> above = runs.get(1).points();
    double start = below.get(0).sharpness().lambdaMax();
    assertEquals(2.63, start, 0.005);
    assertEquals(0.76, 2 / start, 0.005);
    assertEquals(1.6, 1.2 / (2 / start), 0.05);
    assertEquals(0.735, below.get(0).trainLoss(), 5e-4);
    assertTrue(below.get(1).trainLoss() < below.get(0).trainLoss(), "falls from the first step");
    assertEquals(1.67, above.get(0).sharpness().threshold(), 0.005, "2/ε");
    assertEquals(0.819, above.get(1).trainLoss(), 5e-4, "the jump");
    assertEquals(0.709, above.get(2).trainLoss(), 5e-4);
    assertEquals(0.663, above.get(4).trainLoss(), 5e-4);
    assertEquals(1.73, above.get(2).sharpness().lambdaMax(), 0.005);
    assertEquals(1.59, above.get(4).sharpness().lambdaMax(), 0.005);
    assertTrue(above.get(4).sharpness().lambdaMax() < 2 / 1.2, "below 2/ε");
    assertTrue(runs.get(1).divergedAt().isEmpty(), "it trains on");
    assertEquals(61, above.size());
    for (TrainingPoint p : above.subList(4, above.size())) {
      double l = p.sharpness().lambdaMax();
      assertTrue(l > 1.5 && l < 2, "around 2/ε at step " + p.step() + ": " + l);
    }
  }

  /** The demo's runs trained again with the sharpness at every evaluation (the app's picture). */
  private static List<RunSnapshot> withSharpness(Demo d) throws Exception {
    NetworkSetup setup = d.scenario.network();
    return Trainer.train(TrainingPlan.prepare(new TrainingRequest(setup,
        d.scenario.optimizers(), d.scenario.networkRates())
        .withSharpnessEvery(setup.evalEvery())));
  }

  private static double loss(RunSnapshot r, int step) {
    return r.points().stream().filter(p -> p.step() == step).findFirst().orElseThrow()
        .trainLoss();
  }

  /**
   * The edge of stability: with the sharpness at every evaluation (as the app's Sharpness
   * picture asks), λmax starts at 2.63 and rises to 2/ε — 95 % of it at step 410 for ε = 0.2 and
   * at step 1,440 for ε = 0.1 — overshoots once (13.5 at step 550; 23.7 at step 1,690) with a
   * spike of the loss above its start, then hovers: from step 600 within 20 % of 10, over the
   * last 1,000 steps within 2 % of 20. The loss ends at 0.105 at ε = 0.2 (most of the fall in the
   * last 1,000 steps) and stays near 0.6 at ε = 0.1, apart from its spike.
   */
  private static void edgeOfStability(Demo d) throws Exception {
    assertEquals(1218, d.plan.architecture().parameterCount());
    List<RunSnapshot> runs = withSharpness(d);
    int[] reach = {410, 1440};
    double[] threshold = {10, 20};
    int[] peakAt = {550, 1690};
    double[] peak = {13.5, 23.7};
    for (int i = 0; i < 2; i++) {
      RunSnapshot r = runs.get(i);
      List<TrainingPoint> pts = r.points();
      assertEquals(301, pts.size(), "every 10 steps, with λmax at each");
      assertTrue(pts.stream().allMatch(p -> Double.isFinite(p.sharpness().lambdaMax())));
      assertEquals(2.63, pts.get(0).sharpness().lambdaMax(), 0.005, r.label() + " at step 0");
      assertEquals(threshold[i], pts.get(0).sharpness().threshold(), 1e-12, "2/ε");
      double edge = threshold[i];
      int first = pts.stream().filter(p -> p.sharpness().lambdaMax() >= 0.95 * edge)
          .mapToInt(TrainingPoint::step).findFirst().orElse(-1);
      assertEquals(reach[i], first, r.label() + ": the step λmax reaches 95 % of 2/ε");
      TrainingPoint top = pts.stream().max(java.util.Comparator.comparingDouble(
          p -> p.sharpness().lambdaMax())).orElseThrow();
      assertEquals(peakAt[i], top.step(), r.label() + ": the overshoot");
      assertEquals(peak[i], top.sharpness().lambdaMax(), 0.05, r.label() + ": the overshoot");
      // The loss spikes at the overshoot: its highest after the start, within 20 steps of it.
      TrainingPoint spike = pts.subList(1, pts.size()).stream().max(
          java.util.Comparator.comparingDouble(TrainingPoint::trainLoss)).orElseThrow();
      assertTrue(Math.abs(spike.step() - top.step()) <= 20, r.label() + ": spike at "
          + spike.step());
    }
    for (TrainingPoint p : runs.get(0).points()) {
      if (p.step() >= 600) {
        assertEquals(1, p.sharpness().lambdaMax() / 10, 0.2, "ε = 0.2 at step " + p.step());
      }
    }
    for (TrainingPoint p : runs.get(1).points()) {
      if (p.step() >= 2000) {
        assertEquals(1, p.sharpness().lambdaMax() / 20, 0.02, "ε = 0.1 at step " + p.step());
      }
    }
    List<TrainingPoint> fast = runs.get(0).points();
    assertEquals(0.735, fast.get(0).trainLoss(), 5e-4);
    assertEquals(0.80, fast.stream().filter(p -> p.step() == 560).findFirst().orElseThrow()
        .trainLoss(), 0.005, "the spike, above the start");
    assertEquals(0.105, fast.get(fast.size() - 1).trainLoss(), 5e-4);
    double at2000 = fast.stream().filter(p -> p.step() == 2000).findFirst().orElseThrow()
        .trainLoss();
    assertTrue(at2000 - 0.105 > 0.5 * (0.735 - 0.105), "most of the fall after step 2,000: "
        + at2000);
    for (TrainingPoint p : runs.get(1).points()) {
      if (p.step() >= 400 && Math.abs(p.step() - 1690) > 20) {
        assertEquals(0.6, p.trainLoss(), 0.05, "ε = 0.1 stays near 0.6 at step " + p.step());
      }
    }
  }

  /**
   * The mode-connectivity demo: Adam from the network's seed and the next ends in two minima
   * 16.6 apart with losses near 0.0001; the straight line between them climbs to 1.30 at
   * t = 0.425, worse than guessing (ln 2), its midpoint (the weights' average) at 1.15, and the
   * trained curve stays below 0.003.
   */
  private static void modeConnectivity(Demo d) throws Exception {
    long seed = d.scenario.network().seed();
    ModeConnectivity.Result r = ModeConnectivity.compute(d.plan, 0, seed, seed + 1, 41, 1000,
        () -> false);
    assertEquals(16.6, r.distance(), 0.05, "the minima's distance");
    assertEquals(1e-4, r.lossA(), 0.5e-4, "a minimum's training loss");
    assertEquals(1e-4, r.lossB(), 0.5e-4, "a minimum's training loss");
    assertEquals(r.lossA(), d.runs.get(0).latest().trainLoss(), 1e-12,
        "the first minimum is the app's own run");
    double line = java.util.Arrays.stream(r.line()).max().orElseThrow();
    assertEquals(1.30, line, 0.005, "the straight line's highest loss");
    assertEquals(0.425, r.lineBarrierAt(), 1e-12);
    assertTrue(line > Math.log(2), "worse than guessing");
    assertEquals(0.5, r.t()[20], 0);
    assertEquals(1.15, r.line()[20], 0.005, "the average of the two networks' weights");
    double curve = java.util.Arrays.stream(r.curve()).max().orElseThrow();
    assertTrue(curve < 0.003, "the curve's highest loss " + curve);
    assertEquals(java.util.List.of(org.descent.network.NetworkPicture.LOSS,
        org.descent.network.NetworkPicture.CONNECT), d.scenario.networkPictures());
  }

  /**
   * Early stopping: the validation minimum comes strictly before the end, the loss then
   * climbs, and the kept weights give back the minimum's loss exactly.
   */
  private static void earlyStopping(Demo d) throws Exception {
    NetworkObjective f = new NetworkObjective(d.plan.architecture(), d.plan.data().train());
    assertEquals(4482, d.plan.architecture().parameterCount());
    assertEquals(30, d.plan.data().train().size());
    for (RunSnapshot r : d.runs) {
      int best = r.bestValidationStep().orElseThrow();
      double min = r.points().stream().mapToDouble(TrainingPoint::valLoss).min().orElseThrow();
      assertEquals(min, r.best().valLoss(), 0.0, r.label());
      assertTrue(best < r.step(), r.label() + ": the validation minimum is before the end");
      assertTrue(r.latest().valLoss() > r.best().valLoss(), r.label());
      double restored = f.evaluate(r.weightsAt(best), d.plan.data().validation()).loss();
      assertEquals(r.best().valLoss(), restored, 0.0, r.label() + ": restored weights");
    }
    RunSnapshot adam = d.run("Adam");
    assertEquals(120, adam.bestValidationStep().getAsInt());
    assertEquals(0.372, adam.best().valLoss(), 1e-3);
    assertTrue(adam.latest().valLoss() > 3 * adam.best().valLoss(), "the climb: "
        + adam.latest().valLoss());
    assertEquals(1e-4, adam.latest().trainLoss(), 0.05e-4, "memorized: 0.0001");
    assertEquals(1.0, adam.latest().trainAccuracy(), 0.0, "the training set perfectly");
    RunSnapshot gd = d.run("gradient descent");
    assertEquals(20, gd.bestValidationStep().getAsInt());
    assertEquals(0.368, gd.best().valLoss(), 1e-3);
    assertEquals(0.391, gd.latest().valLoss(), 1e-3);
    assertEquals(0.131, gd.latest().trainLoss(), 1e-3);
    assertEquals(1.26, adam.latest().valLoss(), 0.005);
    // the live changes: more data, or fewer units, and Adam's minimum comes later, its climb
    // flattens
    DataSource.Synthetic moons = (DataSource.Synthetic) d.scenario.network().data();
    Demo more = d.variant(s -> s.withData(new DataSource.Synthetic(moons.name(), 400,
        moons.noise())));
    assertEquals(200, more.plan.data().train().size());
    RunSnapshot adam400 = more.run("Adam");
    assertEquals(155, adam400.bestValidationStep().getAsInt());
    assertEquals(0.257, adam400.best().valLoss(), 1e-3);
    assertEquals(1.09, adam400.latest().valLoss(), 0.005);
    RunSnapshot gd400 = more.run("gradient descent");
    assertEquals(gd400.step(), gd400.bestValidationStep().getAsInt(), "still falling at the end");
    assertEquals(0.264, gd400.latest().valLoss(), 1e-3);
    Demo narrow = d.variant(s -> s.withHidden(List.of(8)));
    RunSnapshot adam8 = narrow.run("Adam");
    assertEquals(1170, adam8.bestValidationStep().getAsInt());
    double climb = adam.latest().valLoss() - adam.best().valLoss();
    double climb8 = adam8.latest().valLoss() - adam8.best().valLoss();
    assertTrue(climb8 < climb / 10, "the climb flattens: " + climb8 + " against " + climb);
  }

  /**
   * Ten tanh layers: small weights kill the signal, Glorot's keep it; ReLU needs He's. The
   * stalled runs sit at ln 2 to six digits, yet their accuracy is not chance: the faint output
   * left after ten layers is linear in the input, and its sign draws a straight boundary.
   */
  private static void deepInit(Demo d) throws Exception {
    assertEquals(10, d.plan.architecture().hidden().size());
    List<LayerSignal> small = d.signals();
    double least = Double.POSITIVE_INFINITY;
    double most = 0;
    for (int l = 1; l < 10; l++) {
      double shrink = small.get(l - 1).variance() / small.get(l).variance();
      least = Math.min(least, shrink);
      most = Math.max(most, shrink);
    }
    assertEquals(240, least, 5, "the least a layer shrinks the variance");
    assertEquals(390, most, 5, "the most");
    double mean = Math.pow(small.get(0).variance() / small.get(9).variance(), 1.0 / 9);
    assertEquals(1 / (32 * 1e-4), mean, 0.1 / (32 * 1e-4), "n Var(w) = 32 x 0.01^2 a layer");
    assertEquals(1.5e-4, small.get(0).variance(), 0.05e-4);
    assertEquals(3.8e-7, small.get(1).variance(), 0.05e-7);
    assertEquals(3.7e-27, small.get(9).variance(), 0.05e-27);
    NetworkObjective f = new NetworkObjective(d.plan.architecture(), d.plan.data().train());
    for (RunSnapshot r : d.runs) {
      assertEquals(4e-13, r.points().get(0).gradNorm(), 0.5e-13, r.label());
      for (TrainingPoint p : r.points()) {
        assertEquals(Math.log(2), p.trainLoss(), 5e-7, r.label() + " at step " + p.step());
      }
      DecisionGrid g = DecisionGrid.compute(f, finalWeights(r), d.plan.data(), 64);
      assertTrue(maxFromHalf(g) < 1e-12, r.label() + ": the output is 50/50 within "
          + maxFromHalf(g));
    }
    RunSnapshot mom = d.run("momentum 0.9");
    assertEquals(0.81, mom.latest().valAccuracy(), 0.005);
    assertEquals(mom.points().get(0).valAccuracy(), mom.latest().valAccuracy(), 0.0,
        "the boundary is the random start's");
    DecisionGrid g = DecisionGrid.compute(f, finalWeights(mom), d.plan.data(), 64);
    double[] plane = planeFit(g);
    assertTrue(plane[3] < 0.05 * maxFromHalf(g), "the output is linear in the input: plane "
        + "residual " + plane[3] + " of " + maxFromHalf(g));
    double[] along = new double[g.size() * g.size()];
    for (int k = 0; k < along.length; k++) {
      along[k] = plane[1] * (k % g.size()) + plane[2] * (k / g.size());
    }
    assertEquals(1, classChanges(g, along), "one straight boundary");
    RunSnapshot adam = d.run("Adam");
    assertEquals(0.5, adam.latest().valAccuracy(), 0.0);
    assertEquals(0, classChanges(DecisionGrid.compute(f, finalWeights(adam), d.plan.data(), 64),
        along), "Adam puts every point on one side");
    Demo glorot = d.variant(s -> s.withInit(new Initializer.Glorot()));
    List<LayerSignal> gl = glorot.signals();
    assertEquals(0.074, gl.get(0).variance(), 0.0005);
    assertEquals(0.021, gl.get(9).variance(), 0.0005);
    for (RunSnapshot r : glorot.runs) {
      assertTrue(r.latest().trainLoss() < 1e-3, "glorot " + r.label() + ": " + r.latest());
    }
    // ReLU
    NetworkSetup relu = d.scenario.network().withActivation(
        org.descent.network.Activation.RELU);
    List<LayerSignal> reluSmall = signalsAtStart(relu);
    List<LayerSignal> reluHe = signalsAtStart(relu.withInit(new Initializer.He()));
    assertEquals(2.4e-30, reluSmall.get(9).variance(), 0.05e-30);
    Demo reluGlorot = d.variant(s -> relu.withInit(new Initializer.Glorot()));
    List<LayerSignal> rg = reluGlorot.signals();
    assertEquals(0.030, rg.get(0).variance(), 0.0005);
    assertEquals(1.8e-4, rg.get(9).variance(), 0.05e-4);
    double perLayer = Math.pow(rg.get(9).variance() / rg.get(0).variance(), 1.0 / 9);
    assertTrue(perLayer > 0.45 && perLayer < 0.65, "about halves: " + perLayer);
    for (RunSnapshot r : reluGlorot.runs) {
      assertTrue(r.latest().trainLoss() < 1e-3, "relu glorot " + r.label() + " still trains: "
          + r.latest());
    }
    assertEquals(0.52, reluHe.get(0).variance(), 0.005);
    assertEquals(0.34, reluHe.get(9).variance(), 0.005);
  }

  /** Ten small ReLU layers: with skips the signal holds and it trains; without, it stalls. */
  private static void residualDepth(Demo d) throws Exception {
    assertTrue(d.plan.architecture().residual());
    List<LayerSignal> with = d.signals();
    for (LayerSignal l : with) {
      assertEquals(5.3e-5, l.variance(), 0.15e-5, "layer " + (l.layer() + 1));
    }
    assertEquals(0.018, with.get(0).weightGradientNorm(), 0.001);
    for (RunSnapshot r : d.runs) {
      assertTrue(r.latest().trainLoss() < 1e-3, r.label() + ": " + r.latest());
    }
    Demo plain = d.variant(s -> s.withResidual(false));
    List<LayerSignal> without = plain.signals();
    assertEquals(2.4e-30, without.get(9).variance(), 0.05e-30);
    assertEquals(4e-15, without.get(0).weightGradientNorm(), 0.5e-15);
    for (RunSnapshot r : plain.runs) {
      for (TrainingPoint p : r.points()) {
        assertEquals(Math.log(2), p.trainLoss(), 5e-5, r.label() + " stalls, step " + p.step());
      }
    }
  }

  private static List<LayerSignal> signalsAtStart(NetworkSetup setup) throws Exception {
    NetworkSetup.Prepared p = setup.prepare();
    NetworkObjective f = new NetworkObjective(p.architecture(), p.data().train());
    return SignalDiagnostics.compute(f, p.initialWeights(), p.data().train());
  }

  /**
   * Momentum on the digits: three times lower loss at the end, gradient descent's end by step
   * 160; α = 0.9 goes ten times lower without a better validation accuracy; the network's
   * rate is far below its stability limit.
   */
  private static void momentumDigits(Demo d) throws Exception {
    assertEquals(1438, d.plan.data().train().size());
    assertEquals(359, d.plan.data().validation().size());
    RunSnapshot gd = d.run("gradient descent, lr 0.019");
    RunSnapshot mom = d.run("momentum 0.7, lr 0.019");
    double gdEnd = gd.latest().trainLoss();
    assertEquals(0.152, gdEnd, 0.0005);
    assertEquals(0.049, mom.latest().trainLoss(), 0.0005);
    assertEquals(3, gdEnd / mom.latest().trainLoss(), 0.1, "three times lower");
    int reach = mom.points().stream().filter(p -> p.trainLoss() <= gdEnd).findFirst()
        .orElseThrow().step();
    assertEquals(160, reach, "momentum reaches gradient descent's final loss");
    assertTrue(reach < gd.step() / 3.0);
    assertEquals(0.958, gd.latest().valAccuracy(), 0.0005);
    assertEquals(0.967, mom.latest().valAccuracy(), 0.0005);
    for (RunSnapshot r : d.runs) {
      TrainingPoint start = r.points().get(0);
      assertEquals(0.36, start.curvature() / start.gradNormSquared(), 0.005);
      for (TrainingPoint p : r.points()) {
        assertTrue(0.05 * p.curvature() / p.gradNormSquared() < 0.1, r.label() + " at step "
            + p.step() + ": far below 2");
      }
    }
    OptimizerSpec nine = new RunPlanAndRun(d, "momentum 0.7, lr 0.019").spec
        .with(Param.MOMENTUM, 0.9);
    RunSnapshot m9 = trainOne(d.scenario.network(), nine);
    assertEquals(0.015, m9.latest().trainLoss(), 0.0005);
    assertEquals(10, gdEnd / m9.latest().trainLoss(), 1, "ten times below gradient descent");
    assertEquals(0.964, m9.latest().valAccuracy(), 0.0005);
    assertTrue(m9.latest().valAccuracy() < mom.latest().valAccuracy());
  }

  // ---------------------------------------------------------------------------------------

  /** The largest |p(class 1) − 1/2| over a decision grid. */
  private static double maxFromHalf(DecisionGrid g) {
    double max = 0;
    for (int r = 0; r < g.size(); r++) {
      for (int c = 0; c < g.size(); c++) {
        max = Math.max(max, Math.abs(g.probability(r, c, 1) - 0.5));
      }
    }
    return max;
  }

  /**
   * The least-squares plane a + b column + c row through p(class 1) − 1/2 over the grid, and
   * its largest residual: {a, b, c, residual}.
   */
  private static double[] planeFit(DecisionGrid g) {
    int n = g.size();
    double[][] m = new double[3][4];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double[] x = {1, c, r};
        for (int i = 0; i < 3; i++) {
          for (int j = 0; j < 3; j++) {
            m[i][j] += x[i] * x[j];
          }
          m[i][3] += x[i] * (g.probability(r, c, 1) - 0.5);
        }
      }
    }
    for (int i = 0; i < 3; i++) { // Gauss-Jordan: the normal equations are well conditioned
      for (int k = 0; k < 3; k++) {
        if (k != i) {
          double t = m[k][i] / m[i][i];
          for (int j = 0; j < 4; j++) {
            m[k][j] -= t * m[i][j];
          }
        }
      }
    }
    double a = m[0][3] / m[0][0];
    double b = m[1][3] / m[1][1];
    double c = m[2][3] / m[2][2];
    double residual = 0;
    for (int r = 0; r < n; r++) {
      for (int col = 0; col < n; col++) {
        residual = Math.max(residual,
            Math.abs(g.probability(r, col, 1) - 0.5 - (a + b * col + c * r)));
      }
    }
    return new double[] {a, b, c, residual};
  }

  /**
   * How often the predicted class changes when the grid's cells (row-major) are taken in the
   * order of a score: 1 when the score's level lines include the one boundary, 0 for one class.
   */
  private static int classChanges(DecisionGrid g, double[] score) {
    int n = g.size();
    Integer[] order = new Integer[n * n];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, (u, v) -> Double.compare(score[u], score[v]));
    int changes = 0;
    for (int k = 1; k < order.length; k++) {
      if (g.predicted(order[k] / n, order[k] % n)
          != g.predicted(order[k - 1] / n, order[k - 1] % n)) {
        changes++;
      }
    }
    return changes;
  }

  /** Total variation of the training loss over its total decrease: 1 for a monotone curve. */
  private static double roughness(List<TrainingPoint> points) {
    double tv = 0;
    for (int i = 1; i < points.size(); i++) {
      tv += Math.abs(points.get(i).trainLoss() - points.get(i - 1).trainLoss());
    }
    return tv / (points.get(0).trainLoss() - points.get(points.size() - 1).trainLoss());
  }

  /** The evaluation at step k. */
  private static TrainingPoint at(RunSnapshot r, int k) {
    return r.points().stream().filter(p -> p.step() == k).findFirst().orElseThrow(
        () -> new AssertionError(r.label() + " was not evaluated at step " + k));
  }

  private static double[] finalWeights(RunSnapshot r) {
    Trajectory t = r.trajectory();
    assertEquals(r.step(), t.step(t.size() - 1));
    return t.iterate(t.size() - 1);
  }

  private static Demo demo(String name) throws Exception {
    Demo d = DEMOS.get(name);
    if (d == null) {
      Scenario s = ScenarioReader.read(DIR.resolve(name));
      d = new Demo(name, s, s.network());
      DEMOS.put(name, d);
    }
    return d;
  }

  /** A demo's network trained as {@code descent train} trains it. */
  private static final class Demo {
    final String name;
    final Scenario scenario;
    final TrainingPlan plan;
    final List<RunSnapshot> runs;

    Demo(String name, Scenario scenario, NetworkSetup setup) throws Exception {
      this.name = name;
      this.scenario = scenario;
      this.plan = TrainingPlan.prepare(new TrainingRequest(setup, scenario.optimizers(),
          scenario.networkRates()));
      this.runs = new ArrayList<>(Trainer.train(plan));
    }

    Demo variant(java.util.function.UnaryOperator<NetworkSetup> change) throws Exception {
      return new Demo(name + " (variant)", scenario, change.apply(scenario.network()));
    }

    RunSnapshot run(String label) {
      return runs.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(
          () -> new AssertionError(name + " has no run '" + label + "'; it has "
              + runs.stream().map(RunSnapshot::label).collect(Collectors.joining(", "))));
    }

    List<LayerSignal> signals() {
      NetworkObjective f = new NetworkObjective(plan.architecture(), plan.data().train());
      return SignalDiagnostics.compute(f, plan.initialWeights(), plan.data().train());
    }

    List<LayerDiagnostics> initialDiagnostics() {
      NetworkObjective f = new NetworkObjective(plan.architecture(), plan.data().train());
      return ActivationDiagnostics.compute(f, plan.initialWeights(), plan.data().train());
    }
  }
}
