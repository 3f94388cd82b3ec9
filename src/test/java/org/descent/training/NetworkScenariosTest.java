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
import org.descent.network.Initializer;
import org.descent.network.LayerDiagnostics;
import org.descent.network.LayerSignal;
import org.descent.network.SignalDiagnostics;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.network.ParameterLayout;
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

  /** Zero init: every hidden layer's units stay identical; Glorot's start breaks that. */
  private static void zeroInit(Demo d) throws Exception {
    ParameterLayout p = d.plan.architecture().layout();
    Architecture a = d.plan.architecture();
    for (RunSnapshot r : d.runs) {
      double[] w = finalWeights(r);
      for (int l = 0; l < a.layers(); l++) {
        int in = a.inputsOf(l);
        int units = a.unitsOf(l);
        for (int j = 1; j < units && l < a.hidden().size(); j++) {
          for (int k = 0; k < in; k++) {
            assertEquals(w[p.weight(l) + k], w[p.weight(l) + j * in + k], 0.0,
                r.label() + ": layer " + (l + 1) + " unit " + j + " differs from unit 0");
          }
          assertEquals(w[p.bias(l)], w[p.bias(l) + j], 0.0, r.label());
        }
        if (l > 0) { // the weights out of the previous layer: identical columns
          for (int j = 0; j < units; j++) {
            for (int k = 1; k < in; k++) {
              assertEquals(w[p.weight(l) + j * in], w[p.weight(l) + j * in + k], 0.0,
                  r.label() + ": layer " + (l + 1) + " column " + k);
            }
          }
        }
      }
      // the weights did move: identical, not frozen
      assertTrue(w[p.weight(1)] != 0, r.label() + " did not train at all");
      assertTrue(r.latest().trainAccuracy() < 0.75, r.label() + ": " + r.latest());
    }
    Demo glorot = d.variant(s -> s.withInit(new Initializer.Glorot()));
    for (RunSnapshot r : glorot.runs) {
      assertTrue(r.latest().valAccuracy() >= 0.95, "glorot " + r.label() + ": "
          + r.latest());
    }
  }

  /** Bias −3 kills the ReLUs: most units dead, the loss stuck at ln 2; bias 0.1 learns. */
  private static void deadRelu(Demo d) throws Exception {
    List<LayerDiagnostics> start = d.initialDiagnostics();
    assertTrue(start.get(0).deadFraction() >= 0.5, start.toString());
    assertEquals(1.0, start.get(1).deadFraction(), start.toString());
    for (RunSnapshot r : d.runs) {
      assertEquals(Math.log(2), r.latest().trainLoss(), 1e-3, r.label());
      assertTrue(r.latest().valAccuracy() <= 0.55, r.label());
      assertEquals(1.0, r.layers().get(1).deadFraction(), r.label() + " revived a unit");
    }
    Demo alive = d.variant(s -> s.withBias(0.1));
    for (RunSnapshot r : alive.runs) {
      assertTrue(r.latest().valAccuracy() >= 0.95, "bias 0.1 " + r.label());
      assertTrue(r.layers().get(1).deadFraction() <= 0.25, "bias 0.1 " + r.label() + ": "
          + r.layers().get(1));
    }
  }

  /** Scale 2 saturates the logistic units; every run lags far behind Glorot's start. */
  private static void saturatedLogistic(Demo d) throws Exception {
    List<LayerDiagnostics> start = d.initialDiagnostics();
    assertTrue(start.get(0).saturatedFraction() >= 0.5, start.toString());
    Demo glorot = d.variant(s -> s.withInit(new Initializer.Glorot()));
    assertTrue(glorot.initialDiagnostics().get(0).saturated() == 0);
    for (RunSnapshot r : d.runs) {
      double good = glorot.run(r.label()).latest().valAccuracy();
      assertTrue(good >= 0.9, "glorot " + r.label() + ": " + good);
      assertTrue(r.latest().valAccuracy() <= good - 0.1, r.label() + ": "
          + r.latest().valAccuracy() + " against " + good);
    }
  }

  /** Batch norm: all runs near 96%; without it gradient descent and momentum stay low. */
  private static void batchNorm(Demo d) throws Exception {
    Demo off = d.variant(s -> s.withBatchNorm(false));
    for (RunSnapshot r : d.runs) {
      assertTrue(r.latest().valAccuracy() >= 0.95, r.label() + ": " + r.latest());
      double without = off.run(r.label()).latest().valAccuracy();
      assertTrue(without <= r.latest().valAccuracy() - 0.1, r.label() + " without: " + without);
    }
    assertTrue(off.run("gradient descent, lr 1").latest().valAccuracy() <= 0.5);
    assertTrue(off.run("momentum 0.9").latest().valAccuracy() <= 0.5);
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
    assertTrue(ratio >= 5, "curvature ratio " + ratio);
    TrainingPoint rawEnd = d.run("gradient descent").latest();
    assertTrue(rawEnd.trainLoss() > 2 && rawEnd.valAccuracy() < 0.2, rawEnd.toString());
    TrainingPoint std100 = std.run("gradient descent").points().stream()
        .filter(p -> p.step() == 100).findFirst().orElseThrow();
    assertTrue(std100.valAccuracy() >= 0.95, std100.toString());
  }

  /** Momentum: three times lower loss at the end, and gradient descent's end in 200 steps. */
  /**
   * Early stopping: the validation minimum comes strictly before the end, the loss then
   * climbs, and the kept weights give back the minimum's loss exactly.
   */
  private static void earlyStopping(Demo d) {
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
    assertTrue(adam.latest().trainLoss() < 1e-3, "memorized: " + adam.latest().trainLoss());
    RunSnapshot gd = d.run("gradient descent");
    assertEquals(20, gd.bestValidationStep().getAsInt());
    assertEquals(0.368, gd.best().valLoss(), 1e-3);
    assertEquals(0.391, gd.latest().valLoss(), 1e-3);
  }

  /** Ten tanh layers: small weights kill the signal, Glorot's keep it; ReLU needs He's. */
  private static void deepInit(Demo d) throws Exception {
    assertEquals(10, d.plan.architecture().hidden().size());
    List<LayerSignal> small = d.signals();
    for (int l = 1; l < 10; l++) {
      double ratio = small.get(l).variance() / small.get(l - 1).variance();
      assertTrue(ratio < 0.01, "layer " + (l + 1) + " keeps " + ratio + " of the variance");
    }
    assertEquals(1.5e-4, small.get(0).variance(), 0.1e-4);
    assertTrue(small.get(9).variance() < 1e-25, "layer 10: " + small.get(9).variance());
    for (RunSnapshot r : d.runs) {
      assertEquals(Math.log(2), r.latest().trainLoss(), 1e-3, r.label() + " stalls");
    }
    Demo glorot = d.variant(s -> s.withInit(new Initializer.Glorot()));
    List<LayerSignal> g = glorot.signals();
    assertEquals(0.074, g.get(0).variance(), 0.002);
    assertEquals(0.021, g.get(9).variance(), 0.002);
    for (RunSnapshot r : glorot.runs) {
      assertTrue(r.latest().trainLoss() < 1e-3, "glorot " + r.label() + ": " + r.latest());
    }
    // ReLU: the diagnostics at the start only
    NetworkSetup relu = d.scenario.network().withActivation(
        org.descent.network.Activation.RELU);
    List<LayerSignal> reluSmall = signalsAtStart(relu);
    List<LayerSignal> reluGlorot = signalsAtStart(relu.withInit(new Initializer.Glorot()));
    List<LayerSignal> reluHe = signalsAtStart(relu.withInit(new Initializer.He()));
    assertTrue(reluSmall.get(9).variance() < 1e-28, "relu small " + reluSmall.get(9));
    assertEquals(0.030, reluGlorot.get(0).variance(), 0.002);
    assertEquals(1.8e-4, reluGlorot.get(9).variance(), 0.2e-4);
    assertEquals(0.52, reluHe.get(0).variance(), 0.01);
    assertEquals(0.34, reluHe.get(9).variance(), 0.01);
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
    assertTrue(without.get(9).variance() < 1e-29, "" + without.get(9));
    assertTrue(without.get(0).weightGradientNorm() < 1e-14, "" + without.get(0));
    for (RunSnapshot r : plain.runs) {
      assertEquals(Math.log(2), r.latest().trainLoss(), 1e-3, r.label() + " stalls");
    }
  }

  private static List<LayerSignal> signalsAtStart(NetworkSetup setup) throws Exception {
    NetworkSetup.Prepared p = setup.prepare();
    NetworkObjective f = new NetworkObjective(p.architecture(), p.data().train());
    return SignalDiagnostics.compute(f, p.initialWeights(), p.data().train());
  }

  private static void momentumDigits(Demo d) {
    RunSnapshot gd = d.run("gradient descent, lr 0.019");
    RunSnapshot mom = d.run("momentum 0.7, lr 0.019");
    double gdEnd = gd.latest().trainLoss();
    assertTrue(gdEnd / mom.latest().trainLoss() >= 2.5, gdEnd + " / "
        + mom.latest().trainLoss());
    int reach = mom.points().stream().filter(p -> p.trainLoss() <= gdEnd).findFirst()
        .orElseThrow().step();
    assertTrue(reach <= 200, "momentum reaches gradient descent's final loss at step " + reach);
  }

  // ---------------------------------------------------------------------------------------

  /** Total variation of the training loss over its total decrease: 1 for a monotone curve. */
  private static double roughness(List<TrainingPoint> points) {
    double tv = 0;
    for (int i = 1; i < points.size(); i++) {
      tv += Math.abs(points.get(i).trainLoss() - points.get(i - 1).trainLoss());
    }
    return tv / (points.get(0).trainLoss() - points.get(points.size() - 1).trainLoss());
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
