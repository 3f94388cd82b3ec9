package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.descent.function.FormulaException;
import org.descent.function.Landscape;
import org.descent.function.Objective;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.descent.trace.Race;
import org.descent.trace.Trace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ready lecture demos in {@code scenarios/}: every file must read cleanly, and every file
 * must show the lesson its description claims. Each lesson below is computed from the traces
 * the scenario produces (the same {@link Race} the app and {@code descent trace} run), so an
 * assertion fails as soon as a demo stops showing what it says - after an edit of the file or
 * a change in the engine.
 */
class BuiltInScenariosTest {

  private static final Path DIR =
      Path.of(System.getProperty("basedir", ".")).resolve("scenarios");

  /** Steps a built-in demo may ask for, so the app stays snappy. */
  private static final int MAX_STEPS = 2000;

  /**
   * Runs whose path ends outside the view (or diverges): allowed only where leaving the view
   * is the lesson. Every other run must end inside its scenario's view.
   */
  private static final Map<String, Set<String>> LEAVING_IS_THE_LESSON = Map.of(
      "lr-instability.yaml", Set.of("lr 0.22 = 1.1 × 2/λmax"),
      "saddle-escape.yaml",
      Set.of("gradient descent, lr 0.05", "momentum 0.9, lr 0.05", "Adam, lr 0.05"),
      "offset-inputs.yaml", Set.of("gradient descent, lr 1"),
      "beale.yaml", Set.of("gradient descent, lr 0.01"),
      "catapult.yaml", Set.of("above 2/λmax"));

  /** The lesson each file claims, checked on its traces. */
  private static final Map<String, Lesson> LESSONS = lessons();

  private static final Map<String, Demo> DEMOS = new HashMap<>();

  @FunctionalInterface
  private interface Lesson {
    void check(Demo d) throws Exception;
  }

  private static Map<String, Lesson> lessons() {
    Map<String, Lesson> m = new LinkedHashMap<>();
    m.put("rosenbrock-race.yaml", BuiltInScenariosTest::rosenbrockRace);
    m.put("lr-too-small.yaml", BuiltInScenariosTest::lrTooSmall);
    m.put("lr-instability.yaml", BuiltInScenariosTest::lrInstability);
    m.put("lr-oscillation.yaml", BuiltInScenariosTest::lrOscillation);
    m.put("momentum-ravine.yaml", BuiltInScenariosTest::momentumRavine);
    m.put("nesterov-vs-momentum.yaml", BuiltInScenariosTest::nesterovVsMomentum);
    m.put("noise-lr-decay.yaml", BuiltInScenariosTest::noiseLrDecay);
    m.put("decay-too-early.yaml", BuiltInScenariosTest::decayTooEarly);
    m.put("iterate-averaging.yaml", BuiltInScenariosTest::iterateAveraging);
    m.put("saddle-escape.yaml", BuiltInScenariosTest::saddleEscape);
    m.put("newton-saddle.yaml", BuiltInScenariosTest::newtonSaddle);
    m.put("plateau.yaml", BuiltInScenariosTest::plateau);
    m.put("cliff-clipping.yaml", BuiltInScenariosTest::cliffClipping);
    m.put("adaptive-axis-aligned.yaml", BuiltInScenariosTest::adaptiveAxisAligned);
    m.put("adaptive-rotated.yaml", BuiltInScenariosTest::adaptiveRotated);
    m.put("delta-bar-delta.yaml", BuiltInScenariosTest::deltaBarDelta);
    m.put("offset-inputs.yaml", BuiltInScenariosTest::offsetInputs);
    m.put("centered-inputs.yaml", BuiltInScenariosTest::centeredInputs);
    m.put("coordinate-coupled.yaml", BuiltInScenariosTest::coordinateCoupled);
    m.put("coordinate-separable.yaml", BuiltInScenariosTest::coordinateSeparable);
    m.put("second-order-rosenbrock.yaml", BuiltInScenariosTest::secondOrderRosenbrock);
    m.put("himmelblau-basins.yaml", BuiltInScenariosTest::himmelblauBasins);
    m.put("rastrigin-local-minima.yaml", BuiltInScenariosTest::rastrigin);
    m.put("beale.yaml", BuiltInScenariosTest::beale);
    m.put("six-hump-camel.yaml", BuiltInScenariosTest::sixHumpCamel);
    m.put("around-the-mountain.yaml", BuiltInScenariosTest::aroundTheMountain);
    // the lecture topics of issue 10; their engine lessons also in their own tests
    m.put("continuation-rastrigin.yaml", BuiltInScenariosTest::continuation);
    m.put("nesterov-rate.yaml", BuiltInScenariosTest::nesterovRate);
    m.put("power-method.yaml", BuiltInScenariosTest::powerMethod);
    m.put("weight-symmetry.yaml", BuiltInScenariosTest::weightSymmetry);
    m.put("surrogate-loss.yaml", BuiltInScenariosTest::surrogateLoss);
    // the network's lesson in NetworkScenariosTest; the landscape only carries the cards
    m.put("deep-init.yaml", BuiltInScenariosTest::deepInit);
    m.put("residual-depth.yaml", BuiltInScenariosTest::residualDepth);
    m.put("early-stopping.yaml", d -> assertTrue(d.traces.stream().noneMatch(Trace::diverged)));
    // the network demos: their landscape half here, their network half in
    // org.descent.training.NetworkScenariosTest
    m.put("network-zero-init.yaml", BuiltInScenariosTest::networkZeroInit);
    m.put("network-dead-relu.yaml", BuiltInScenariosTest::networkDeadRelu);
    m.put("network-saturated-logistic.yaml", BuiltInScenariosTest::networkPlateau);
    m.put("network-batch-norm.yaml", BuiltInScenariosTest::networkBatchNorm);
    m.put("network-minibatch-size.yaml", BuiltInScenariosTest::networkMinibatchSize);
    m.put("network-unnormalized-inputs.yaml", BuiltInScenariosTest::networkUnnormalizedInputs);
    m.put("network-momentum-digits.yaml", BuiltInScenariosTest::momentumDigitsRavine);
    m.put("mode-connectivity.yaml", BuiltInScenariosTest::modeConnectivityRing);
    m.put("edge-of-stability.yaml", BuiltInScenariosTest::edgeOfStabilityQuadratic);
    m.put("saddles-then-minimum.yaml", BuiltInScenariosTest::saddleThenMinimum);
    m.put("sam-flatter.yaml", BuiltInScenariosTest::samOnTheQuadratic);
    m.put("catapult.yaml", BuiltInScenariosTest::catapultQuadratic);
    return m;
  }

  // ---------------------------------------------------------------------------------------
  // Every file reads cleanly and fits the rules of a built-in demo.

  private static List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .toList();
    }
  }

  @Test
  void thereAreDemosToCheck() throws IOException {
    assertTrue(files().size() >= LESSONS.size(), "scenarios/ holds " + files());
  }

  @TestFactory
  Stream<DynamicTest> everyFileReadsWithATitleAndDistinctLabels() throws IOException {
    return files().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Scenario s = ScenarioReader.read(DIR.resolve(name));
      assertFalse(s.title().isBlank(), name + ": no title");
      assertFalse(s.description().isBlank(), name + ": no description");
      Set<String> labels = new HashSet<>();
      for (OptimizerSpec o : s.optimizers()) {
        assertTrue(labels.add(o.label()), name + ": label '" + o.label() + "' is used twice");
      }
      assertTrue(s.steps() <= MAX_STEPS, name + ": " + s.steps() + " steps; keep it at most "
          + MAX_STEPS);
      Landscape l = s.landscape();
      Vec2 start = s.startOn(l);
      assertTrue(l.view().contains(start.x(), start.y()), name + ": the start " + start
          + " is outside the view " + l.view());
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyFileSurvivesSavingAndReadingBack() throws IOException {
    return files().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Scenario s = ScenarioReader.read(DIR.resolve(name));
      assertEquals(s, ScenarioReader.read(ScenarioWriter.write(s), "saved-" + name));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyRunEndsInsideTheViewUnlessLeavingItIsTheLesson() throws IOException {
    return files().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Demo d = demo(name);
      Set<String> allowed = LEAVING_IS_THE_LESSON.getOrDefault(name, Set.of());
      for (String label : allowed) {
        Trace t = d.trace(label); // the allowance names a run that exists
        assertTrue(t.diverged() || !d.view().contains(t.x(t.lastStep()), t.y(t.lastStep())),
            name + ": '" + label + "' is allowed to leave the view but no longer does; "
                + "remove the allowance");
      }
      for (Trace t : d.traces) {
        if (allowed.contains(t.label())) {
          continue;
        }
        assertFalse(t.diverged(), name + ": '" + t.label() + "' diverged at step "
            + t.divergedAt());
        int k = t.lastStep();
        assertTrue(d.view().contains(t.x(k), t.y(k)), name + ": '" + t.label() + "' ends at ("
            + t.x(k) + ", " + t.y(k) + "), outside the view " + d.view());
      }
    }));
  }

  // ---------------------------------------------------------------------------------------
  // Every file shows its lesson.

  @TestFactory
  Stream<DynamicTest> everyScenarioShowsItsLesson() throws IOException {
    return files().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Lesson lesson = LESSONS.get(name);
      assertNotNull(lesson, name + " claims a lesson that no test checks: add one to "
          + "BuiltInScenariosTest.lessons()");
      lesson.check(demo(name));
    }));
  }

  @Test
  void everyCheckedLessonHasItsFile() throws IOException {
    Set<String> missing = new TreeSet<>(LESSONS.keySet());
    missing.removeAll(files());
    assertTrue(missing.isEmpty(), "lessons for missing files: " + missing);
  }

  /**
   * Local descent heads away from the goal first, goes around the mountain, and arrives after
   * a path about twice the straight distance; Newton stops at the saddle on the far side.
   */
  private static void aroundTheMountain(Demo d) {
    Trace gd = d.trace("gradient descent, lr 0.1");
    double goalX = 2.08;
    assertTrue(gd.x(5) < gd.x(0) - 0.5, "the first steps go away from the goal: " + gd.x(5));
    double length = 0;
    for (int k = 1; k < gd.length(); k++) {
      length += Math.hypot(gd.x(k) - gd.x(k - 1), gd.y(k) - gd.y(k - 1));
      assertTrue(Math.hypot(gd.x(k), gd.y(k)) > 1.5, "over the mountain at step " + k);
    }
    int last = gd.lastStep();
    double straight = Math.hypot(goalX - gd.x(0), gd.y(0));
    assertTrue(Math.hypot(gd.x(last) - goalX, gd.y(last)) < 0.35, d.summary());
    assertTrue(length > 1.8 * straight, "path " + length + " against " + straight);
    Trace momentum = d.trace("momentum 0.9, lr 0.02");
    assertTrue(Math.hypot(momentum.x(momentum.lastStep()) - goalX,
        momentum.y(momentum.lastStep())) < 0.1, d.summary());
    Trace newton = d.trace("Newton");
    int n = newton.lastStep();
    assertTrue(newton.x(n) < -2 && Math.abs(newton.y(n)) < 1e-6 && newton.gradNorm(n) < 1e-8,
        "Newton rests on the far saddle: " + d.summary());
  }

  /** The default race: momentum and Adam leave gradient descent far behind. */
  private static void rosenbrockRace(Demo d) {
    Trace gd = d.trace("gradient descent");
    double sgd = gd.finalLoss();
    assertTrue(d.trace("momentum 0.9").finalLoss() < sgd / 100, d.summary());
    assertTrue(d.trace("adam").finalLoss() < sgd / 100, d.summary());
    // Gradient descent is still crawling along the floor, far from (1, 1).
    assertTrue(Math.hypot(gd.x(gd.lastStep()) - 1, gd.y(gd.lastStep()) - 1) > 1, d.summary());
    // Its rate is just under 2/λmax at the start, as the file's comment says.
    assertEquals(2 / d.eigenvalues(-1.2, 1)[1], 0.00133, 1e-5);
  }

  /** Too small a rate never misbehaves, it is just slow: ten times smaller, about ten times slower. */
  private static void lrTooSmall(Demo d) {
    double lambdaMax = d.eigenvalues(0, 0)[1];
    Trace good = d.trace("lr 0.1 (= 1/λmax)");
    Trace small = d.trace("lr 0.01 (10x smaller)");
    Trace tiny = d.trace("lr 0.001 (100x smaller)");
    assertEquals(1 / lambdaMax, d.lr("lr 0.1 (= 1/λmax)"), 1e-12);
    for (Trace t : List.of(good, small, tiny)) {
      for (int k = 1; k < t.length(); k++) {
        assertTrue(t.loss(k) <= t.loss(k - 1), t.label() + ": the loss rose at step " + k);
      }
    }
    assertTrue(good.finalLoss() < 1e-10, d.summary());
    assertTrue(small.finalLoss() > 1e-2, d.summary()); // visibly short of the minimum
    assertTrue(Math.abs(small.x(small.lastStep())) > 0.3, d.summary());
    // slow, not still: far from the minimum along the floor, yet its loss well down
    assertTrue(Math.abs(tiny.x(tiny.lastStep())) > 2, d.summary());
    assertTrue(tiny.finalLoss() < 0.5 * tiny.loss(0), d.summary());
  }

  /** The boundary 2/λmax: 0.9x converges, 1.0x bounces forever, 1.1x blows up. */
  private static void lrInstability(Demo d) {
    double critical = 2 / d.eigenvalues(0, 0)[1];
    String below = "lr 0.18 = 0.9 × 2/λmax";
    String at = "lr 0.20 = 1.0 × 2/λmax";
    String above = "lr 0.22 = 1.1 × 2/λmax";
    assertEquals(0.9, d.lr(below) / critical, 1e-12);
    assertEquals(1.0, d.lr(at) / critical, 1e-12);
    assertEquals(1.1, d.lr(above) / critical, 1e-12);

    assertTrue(d.trace(below).finalLoss() < 1e-12, d.summary());

    Trace boundary = d.trace(at);
    double y0 = boundary.y(0);
    for (int k = 1; k < boundary.length(); k++) { // y = ±y0 forever, the sign flipping
      assertEquals(k % 2 == 0 ? y0 : -y0, boundary.y(k), 1e-12, "step " + k);
    }
    assertTrue(Math.abs(boundary.x(boundary.lastStep())) < 1e-6, d.summary());

    Trace unstable = d.trace(above);
    assertTrue(unstable.diverged() || unstable.finalLoss() > 1e10, d.summary());
    int leaves = firstStep(unstable, k -> !d.view().contains(unstable.x(k), unstable.y(k)));
    assertTrue(leaves > 5 && leaves <= 20, "the growing zig-zag should be visible for a few "
        + "steps, then leave the view; it leaves at step " + leaves);
  }

  /** Between 1/λmax and 2/λmax every step jumps across the valley floor, yet it converges. */
  private static void lrOscillation(Demo d) {
    double lambdaMax = d.eigenvalues(0, 0)[1];
    Trace smooth = d.trace("lr 0.05 (< 1/λmax)");
    assertTrue(d.lr(smooth.label()) < 1 / lambdaMax);
    for (int k = 0; k < smooth.length(); k++) {
      assertTrue(smooth.y(k) >= 0, "lr 0.05 crossed the floor at step " + k);
    }
    for (String label : List.of("lr 0.15 (1.5/λmax)", "lr 0.19 (1.9/λmax)")) {
      double lr = d.lr(label);
      assertTrue(lr > 1 / lambdaMax && lr < 2 / lambdaMax, label);
      Trace t = d.trace(label);
      for (int k = 1; k <= 20; k++) {
        assertTrue(t.y(k) * t.y(k - 1) < 0, label + ": no jump across the floor at step " + k);
      }
      assertTrue(t.finalLoss() < 1e-5 * t.loss(0), label + " should converge: " + d.summary());
    }
    Trace slow = d.trace("lr 0.19 (1.9/λmax)");
    assertTrue(Math.abs(slow.y(50)) > 1e-3 && slow.y(50) * slow.y(49) < 0,
        "at 1.9/λmax the zig-zag is still going at step 50: " + slow.y(50));
  }

  /** Same rate; momentum damps the zig-zag and races along the floor. */
  private static void momentumRavine(Demo d) {
    Trace gd = d.trace("gradient descent, lr 0.019");
    Trace mom = d.trace("momentum 0.7, lr 0.019");
    assertEquals(d.lr(gd.label()), d.lr(mom.label()), 0);
    assertTrue(d.lr(gd.label()) < 2 / d.eigenvalues(0, 0)[1]);
    assertTrue(gd.finalLoss() > 1e-2, d.summary()); // still visibly short
    assertTrue(Math.abs(gd.x(gd.lastStep())) > 0.3, d.summary());
    assertTrue(mom.finalLoss() < 1e-4 * gd.finalLoss(), d.summary()); // four orders further
    assertTrue(maxAbsY(mom, 30) < 0.25 * maxAbsY(gd, 30),
        "momentum's swing across the ravine dies out faster than gradient descent's zig-zag");
  }

  /**
   * The ravine of the digits demo, and its live change: momentum 0.9 swings across the ravine
   * more widely, overshoots the minimum along the floor to x = 0.40, then settles.
   */
  private static void momentumDigitsRavine(Demo d) throws Exception {
    momentumRavine(d);
    Trace seven = d.trace("momentum 0.7, lr 0.019");
    OptimizerSpec nine = d.scenario.optimizers().get(1).with(Param.MOMENTUM, 0.9);
    Vec2 s = d.start();
    Trace t = org.descent.trace.TraceRunner.run(nine, d.f, new double[] {s.x(), s.y()},
        d.scenario.steps(), 0, 0);
    double swing9 = 0;
    double swing7 = 0;
    for (int k = 10; k <= 50; k++) {
      swing9 = Math.max(swing9, Math.abs(t.y(k)));
      swing7 = Math.max(swing7, Math.abs(seven.y(k)));
    }
    assertEquals(0.59, swing9, 0.005);
    assertEquals(0.17, swing7, 0.005);
    double far9 = Double.NEGATIVE_INFINITY;
    double far7 = Double.NEGATIVE_INFINITY;
    for (int k = 0; k <= t.lastStep(); k++) {
      far9 = Math.max(far9, t.x(k));
      far7 = Math.max(far7, seven.x(k));
    }
    assertEquals(0.40, far9, 0.005, "momentum 0.9 overshoots the minimum along the floor");
    assertTrue(far7 < 0, "momentum 0.7 does not: " + far7);
    assertTrue(t.finalLoss() < 1e-6, "and settles: " + t.finalLoss());
  }

  /**
   * Same starting rate: delta-bar-delta grows the floor's rate a hundredfold and cuts the
   * walls' rate far below their stability limit (by step 10 to under 1 % of its start), and
   * reaches the minimum; gradient descent crawls. The rates are read from the step details of the last step (a replay).
   */
  private static void deltaBarDelta(Demo d) {
    Trace gd = d.trace("gradient descent, lr 0.019");
    String label = "delta-bar-delta, lr 0.019 at the start";
    Trace dbd = d.trace(label);
    assertEquals(d.lr(gd.label()), d.lr(label), 0);
    assertTrue(d.lr(label) < 2 / d.eigenvalues(0, 0)[1]);
    assertTrue(gd.finalLoss() > 1e-2, d.summary());
    assertTrue(Math.abs(gd.x(gd.lastStep())) > 0.3, d.summary());
    assertTrue(dbd.finalLoss() < 1e-4 * gd.finalLoss(), d.summary());
    assertTrue(maxAbsY(dbd, 20) < 0.1 * maxAbsY(gd, 20),
        "the zig-zag across the ravine dies out: " + maxAbsY(dbd, 20) + " vs " + maxAbsY(gd, 20));
    int index = d.scenario.optimizers().indexOf(d.spec(label));
    org.descent.trace.RaceSetup setup = new org.descent.trace.RaceSetup(d.f,
        d.scenario.optimizers(), new double[] {d.start().x(), d.start().y()}, d.scenario.steps(),
        d.scenario.noise(), d.scenario.seed());
    double[] rates = org.descent.trace.StepReplay.replay(setup, index, dbd.lastStep() - 1)
        .detail().get(org.descent.optim.StepDetail.Quantity.EFFECTIVE_RATE);
    assertTrue(rates[0] > 50 * d.lr(label), "the floor's rate grew: " + rates[0]);
    assertTrue(rates[1] < 2 / d.eigenvalues(0, 0)[1], "the walls' rate is stable: " + rates[1]);
    double[] early = org.descent.trace.StepReplay.replay(setup, index, 10).detail()
        .get(org.descent.optim.StepDetail.Quantity.EFFECTIVE_RATE);
    assertTrue(early[1] < 0.01 * d.lr(label), "cut again and again by step 10: " + early[1]);
  }

  /** Same rate and momentum: Nesterov's look-ahead stops the swing across the ravine. */
  private static void nesterovVsMomentum(Demo d) {
    Trace mom = d.trace("momentum 0.9, lr 0.01");
    Trace nag = d.trace("Nesterov 0.9, lr 0.01");
    assertEquals(d.lr(mom.label()), d.lr(nag.label()), 0);
    assertEquals(d.spec(mom.label()).get(Param.MOMENTUM), d.spec(nag.label()).get(Param.MOMENTUM),
        0);
    assertTrue(maxAbsY(mom, 20) > 0.3, "momentum swings across the ravine: " + maxAbsY(mom, 20));
    assertTrue(maxAbsY(nag, 5) < 1e-9, "Nesterov stays on the floor: " + maxAbsY(nag, 5));
    assertTrue(nag.finalLoss() < mom.finalLoss(), d.summary());
  }

  /** Noise: a constant rate jitters forever; decaying it after the approach settles. */
  private static void noiseLrDecay(Demo d) {
    assertTrue(d.scenario.noise() > 0);
    Trace constant = d.trace("constant lr 0.1");
    Trace slow = d.trace("constant lr 0.002");
    Trace decayed = d.trace("lr 0.1, decayed from step 100 (tau 150)");
    int n = decayed.lastStep();
    double tailConstant = meanLoss(constant, n - 499, n);
    double tailDecayed = meanLoss(decayed, n - 499, n);
    assertTrue(tailDecayed < tailConstant / 20,
        "last-500-step mean loss: decayed " + tailDecayed + ", constant " + tailConstant);
    assertTrue(tailDecayed < meanLoss(slow, n - 499, n) / 20, d.summary());
    // the decayed run has the fast approach of the large rate: identical until step 100
    assertEquals(constant.loss(100), decayed.loss(100), 0);
    assertTrue(meanLoss(slow, 50, 150) > 5 * meanLoss(decayed, 50, 150),
        "the small constant rate is still on its way at step 100");
    assertTrue(tailConstant > 0.1, "the constant rate's noise floor: " + tailConstant);
  }

  /** Decaying too early freezes the run far from the minimum. */
  private static void decayTooEarly(Demo d) {
    Trace early = d.trace("decayed from step 0 (tau 5): too early");
    Trace inTime = d.trace("decayed from step 100 (tau 150)");
    int n = early.lastStep();
    double stalledAt = Math.hypot(early.x(n), early.y(n));
    assertTrue(stalledAt > 1, "the early-decayed run should stop far from the minimum, at "
        + stalledAt);
    assertEquals(0, Math.hypot(early.x(n) - early.x(n - 300), early.y(n) - early.y(n - 300)),
        1e-9, "and not move any more");
    assertTrue(early.gradNorm(n) > 1, "frozen, not converged: gradient " + early.gradNorm(n));
    assertTrue(inTime.finalLoss() < 1e-3, d.summary());
    assertTrue(meanLoss(inTime, n - 99, n) < meanLoss(early, n - 99, n) / 50, d.summary());
  }

  /** The averaged iterates sit much closer to the minimum than the noisy raw ones. */
  private static void iterateAveraging(Demo d) {
    Trace polyak = d.trace("sgd lr 0.1 + Polyak average from step 100");
    Trace ema = d.trace("sgd lr 0.1 + EMA (tau 50)");
    int n = polyak.lastStep();
    for (int k = 0; k <= n; k++) { // same optimizer, same noise: one raw path
      assertEquals(polyak.x(k), ema.x(k), 0);
      assertEquals(polyak.y(k), ema.y(k), 0);
    }
    assertEquals(n, polyak.gradientEvaluations(n), "averaging costs no gradients");
    double raw = meanLoss(polyak, n - 499, n);
    double polyakLoss = d.meanAveragedLoss(polyak, n - 499, n);
    double emaLoss = d.meanAveragedLoss(ema, n - 499, n);
    assertTrue(raw > 0.1, "the raw iterates fluctuate: " + raw);
    assertTrue(polyakLoss < raw / 100, "Polyak " + polyakLoss + " vs raw " + raw);
    assertTrue(emaLoss < raw / 10, "EMA " + emaLoss + " vs raw " + raw);
    double dPolyak = Math.hypot(polyak.averagedCoordinate(n, 0), polyak.averagedCoordinate(n, 1));
    double dEma = Math.hypot(ema.averagedCoordinate(n, 0), ema.averagedCoordinate(n, 1));
    assertTrue(dPolyak < dEma, "the Polyak average ends closest: " + dPolyak + " vs " + dEma);
  }

  /** Gradient descent lingers at the saddle; momentum and Adam get away sooner. */
  private static void saddleEscape(Demo d) {
    Trace gd = d.trace("gradient descent, lr 0.05");
    Trace mom = d.trace("momentum 0.9, lr 0.05");
    Trace adam = d.trace("Adam, lr 0.05");
    int gdNear = stepsNear(gd, 0, 0, 0.3);
    assertTrue(gdNear >= 30, "gradient descent lingers near the saddle for " + gdNear);
    assertTrue(stepsNear(mom, 0, 0, 0.3) * 4 <= gdNear, "momentum " + stepsNear(mom, 0, 0, 0.3));
    assertTrue(stepsNear(adam, 0, 0, 0.3) * 4 <= gdNear, "Adam " + stepsNear(adam, 0, 0, 0.3));
    // ... where the gradient almost vanishes: a plateau of the loss that looks like convergence
    int gdFlat = stepsWithSmallGradient(gd, 0.1 * gd.gradNorm(0));
    assertTrue(gdFlat >= 25, "gradient descent's gradient stays below 10 % for " + gdFlat);
    assertTrue(stepsWithSmallGradient(mom, 0.1 * mom.gradNorm(0)) <= 5, d.summary());
    assertTrue(stepsWithSmallGradient(adam, 0.1 * adam.gradNorm(0)) <= 5, d.summary());
    for (Trace t : d.traces) { // and every run does escape, downhill along y
      assertTrue(t.finalLoss() < -1 && Math.abs(t.y(t.lastStep())) > 1, t.label()
          + " should have escaped: " + d.summary());
    }
    int gdOut = firstStep(gd, k -> Math.abs(gd.y(k)) > 1);
    int momOut = firstStep(mom, k -> Math.abs(mom.y(k)) > 1);
    assertTrue(momOut < gdOut / 2, "momentum escapes much sooner: " + momOut + " vs " + gdOut);
  }

  /** Newton converges onto the saddle; saddle-free Newton goes downhill to a minimum. */
  private static void newtonSaddle(Demo d) {
    Trace newton = d.trace("Newton");
    int n = newton.lastStep();
    assertEquals(0, newton.x(n), 1e-12);
    assertEquals(0, newton.y(n), 1e-12);
    assertEquals(0, newton.gradNorm(n), 1e-12);
    double[] eig = d.eigenvalues(newton.x(n), newton.y(n));
    assertTrue(eig[0] < 0 && eig[1] > 0, "Newton's end point is a saddle");
    assertTrue(firstStep(newton, k -> Math.hypot(newton.x(k), newton.y(k)) < 1e-6) <= 5,
        "and it gets there fast");

    Trace sfn = d.trace("saddle-free Newton");
    assertEquals(0, sfn.x(n), 1e-9);
    assertEquals(1, Math.abs(sfn.y(n)), 1e-9);
    assertEquals(-0.5, sfn.finalLoss(), 1e-12);
    assertTrue(firstStep(sfn, k -> Math.abs(Math.abs(sfn.y(k)) - 1) < 1e-6) <= 10, d.summary());
    double[] eigMin = d.eigenvalues(sfn.x(n), sfn.y(n));
    assertTrue(eigMin[0] > 0, "saddle-free Newton's end point is a minimum");
    assertEquals(-0.5, d.trace("gradient descent, lr 0.1").finalLoss(), 1e-4); // slowly
  }

  /** On the plateau gradient descent crawls for hundreds of steps; momentum and Adam cross. */
  private static void plateau(Demo d) {
    Trace gd = d.trace("gradient descent, lr 1");
    int gdOff = firstStep(gd, k -> gd.loss(k) < 0.5);
    assertTrue(gdOff > 200, "gradient descent leaves the plateau only at step " + gdOff);
    assertTrue(gd.loss(150) > 0.95 * gd.loss(0), "loss still near its start at step 150");
    for (String label : List.of("momentum 0.9, lr 1", "Adam, lr 0.1")) {
      Trace t = d.trace(label);
      int off = firstStep(t, k -> t.loss(k) < 0.5);
      assertTrue(off > 0 && off < 60, label + " should cross the plateau quickly: " + off);
      assertTrue(t.loss(150) < 1e-3, label + ": " + t.loss(150));
    }
  }

  /** On the cliff the unclipped step is huge; clipping bounds every step by lr * clip. */
  private static void cliffClipping(Demo d) {
    Trace raw = d.trace("gradient descent, lr 1");
    Trace clipped = d.trace("gradient descent, lr 1, clip 1");
    assertFalse(d.spec(raw.label()).clipped());
    OptimizerSpec c = d.spec(clipped.label());
    double bound = c.get(Param.LR) * c.clip();
    assertTrue(maxStep(raw) > 20 * bound, "catapulted: longest step " + maxStep(raw));
    assertTrue(maxStep(clipped) <= bound + 1e-12, "clipped: longest step " + maxStep(clipped));
    assertTrue(firstStep(raw, k -> !d.view().contains(raw.x(k), raw.y(k))) > 0,
        "the catapult throws the unclipped run out of the view");
    for (int k = 0; k < clipped.length(); k++) {
      assertTrue(d.view().contains(clipped.x(k), clipped.y(k)), "clipped run left the view");
    }
    assertTrue(clipped.finalLoss() < 1e-4, d.summary());
    assertTrue(clipped.finalLoss() < raw.finalLoss(), d.summary());
  }

  private static final List<String> ADAPTIVE =
      List.of("AdaGrad, lr 1", "RMSProp, lr 0.02", "Adam, lr 0.1");

  /** Axis-aligned ravine: the per-coordinate scaling undoes the ill-conditioning. */
  private static void adaptiveAxisAligned(Demo d) {
    double[] eig = d.eigenvalues(0, 0);
    assertTrue(eig[1] / eig[0] >= 100, "an ill-conditioned ravine: kappa " + eig[1] / eig[0]);
    assertTrue(minLoss(d.trace("gradient descent, lr 0.0095")) > 5e-2, d.summary());
    for (String label : ADAPTIVE) {
      assertTrue(minLoss(d.trace(label)) < 1e-2, label + ": " + d.summary());
    }
  }

  /** The same ravine rotated: gradient descent is unchanged, the adaptive methods lose. */
  private static void adaptiveRotated(Demo d) throws Exception {
    Demo axis = demo("adaptive-axis-aligned.yaml");
    double[] eig = d.eigenvalues(0, 0);
    assertEquals(axis.eigenvalues(0, 0)[0], eig[0], 1e-9);
    assertEquals(axis.eigenvalues(0, 0)[1], eig[1], 1e-9);
    Trace gd = d.trace("gradient descent, lr 0.0095");
    Trace gdAxis = axis.trace("gradient descent, lr 0.0095");
    for (int k = 0; k < gd.length(); k++) { // gradient descent does not know the axes
      assertEquals(gdAxis.loss(k), gd.loss(k), 1e-6 * gdAxis.loss(k), "step " + k);
    }
    for (String label : ADAPTIVE) {
      assertEquals(axis.lr(label), d.lr(label), 0);
      Trace t = d.trace(label);
      assertTrue(minLoss(t) > 5e-2, label + " should lose its edge: " + d.summary());
      assertTrue(t.finalLoss() >= gd.finalLoss(), label + " ends no better than gradient "
          + "descent: " + d.summary());
      assertTrue(minLoss(t) > 10 * minLoss(axis.trace(label)), label);
    }
  }

  /** Offset inputs: a tilted ravine where lr 0.17 crawls and lr 1 explodes. */
  private static void offsetInputs(Demo d) {
    Vec2 start = d.start();
    double[] eig = d.eigenvalues(start.x(), start.y());
    assertTrue(eig[1] / eig[0] > 100, "offset 3 gives condition number " + eig[1] / eig[0]);
    Trace slow = d.trace("gradient descent, lr 0.17");
    assertTrue(d.lr(slow.label()) < 2 / eig[1]);
    int n = slow.lastStep();
    assertTrue(Math.hypot(slow.x(n) - 1, slow.y(n)) > 0.5, "still creeping: " + d.summary());
    Trace fast = d.trace("gradient descent, lr 1");
    assertTrue(fast.diverged() || fast.finalLoss() > 1e100, d.summary());
  }

  /** Centred inputs: a round bowl; lr 1 lands in one step, lr 0.17 walks straight there. */
  private static void centeredInputs(Demo d) throws Exception {
    double[] eig = d.eigenvalues(0, 0);
    assertEquals(1, eig[0], 1e-12);
    assertEquals(1, eig[1], 1e-12);
    Trace one = d.trace("gradient descent, lr 1");
    assertEquals(1, one.x(1), 1e-12);
    assertEquals(0, one.y(1), 1e-12);
    assertTrue(d.trace("gradient descent, lr 0.17").finalLoss() < 1e-12, d.summary());
    Demo offset = demo("offset-inputs.yaml"); // the same runs as the offset demo
    for (String label : List.of("gradient descent, lr 0.17", "gradient descent, lr 1")) {
      assertEquals(offset.lr(label), d.lr(label), 0);
    }
    assertEquals(offset.start(), d.start());
  }

  /** Coupled variables: exact coordinate descent staircases slowly; CG is done at once. */
  private static void coordinateCoupled(Demo d) {
    Trace cd = d.trace("coordinate descent (exact)");
    int n = cd.lastStep();
    assertTrue(cd.loss(2) > 0.01, "after one sweep still far: " + cd.loss(2));
    assertTrue(Math.hypot(cd.x(n), cd.y(n)) > 0.05, "after " + n / 2 + " sweeps still short: "
        + d.summary());
    assertTrue(cd.finalLoss() > 1e-4, d.summary());
    Trace cg = d.trace("conjugate gradients");
    assertTrue(Math.hypot(cg.x(2), cg.y(2)) < 1e-9, "CG is exact in two iterations");
  }

  /** Separable variables: the same curvatures, and coordinate descent is done in one sweep. */
  private static void coordinateSeparable(Demo d) throws Exception {
    Demo coupled = demo("coordinate-coupled.yaml");
    double[] eig = d.eigenvalues(0, 0);
    double[] eigCoupled = coupled.eigenvalues(0, 0);
    assertEquals(eigCoupled[0], eig[0], 1e-12);
    assertEquals(eigCoupled[1], eig[1], 1e-12);
    Trace cd = d.trace("coordinate descent (exact)");
    assertEquals(0, Math.hypot(cd.x(2), cd.y(2)), 1e-12, "one sweep reaches the minimum");
    Trace gd = d.trace("gradient descent, lr 0.24");
    Trace gdCoupled = coupled.trace("gradient descent, lr 0.24");
    for (int k = 0; k < gd.length(); k++) { // gradient descent is indifferent to the rotation
      assertEquals(gdCoupled.loss(k), gd.loss(k), 1e-6 * gdCoupled.loss(k), "step " + k);
    }
  }

  /** Curvature buys speed: Newton, BFGS, L-BFGS, CG reach (1, 1) within dozens of steps. */
  private static void secondOrderRosenbrock(Demo d) {
    Trace newton = d.trace("Newton");
    int kNewton = firstWithin(newton, 1, 1, 1e-6);
    assertTrue(kNewton > 0 && kNewton <= 8, "Newton: " + kNewton);
    assertTrue(maxLoss(newton) > 1000, "the pure Newton step overshoots far below the valley");
    int kBfgs = firstWithin(d.trace("BFGS"), 1, 1, 1e-6);
    int kLbfgs = firstWithin(d.trace("L-BFGS (memory 10)"), 1, 1, 1e-6);
    Trace cg = d.trace("conjugate gradients (PR+)");
    int kCg = firstWithin(cg, 1, 1, 1e-6);
    for (int k : new int[] {kBfgs, kLbfgs, kCg}) {
      assertTrue(k > 0 && k <= 45, "within a few dozen iterations: " + d.summary());
    }
    long evalsBfgs = d.trace("BFGS").functionEvaluations(kBfgs);
    long evalsCg = cg.functionEvaluations(kCg);
    assertTrue(evalsBfgs <= 60, "BFGS evaluations: " + evalsBfgs);
    assertTrue(evalsCg > evalsBfgs, "CG pays more evaluations for its line searches: " + evalsCg
        + " vs " + evalsBfgs);
    Trace mom = d.trace("momentum 0.9, lr 0.001");
    int n = mom.lastStep();
    assertTrue(Math.hypot(mom.x(n) - 1, mom.y(n) - 1) > 0.5, "first order is still crawling");
  }

  /** One start near the watershed, four optimizers, four different critical points. */
  private static void himmelblauBasins(Demo d) {
    double[][] expected = {{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}};
    String[] labels = {"gradient descent, lr 0.01", "Adam, lr 0.1", "coordinate descent (exact)"};
    for (int i = 0; i < labels.length; i++) {
      Trace t = d.trace(labels[i]);
      int n = t.lastStep();
      assertEquals(expected[i][0], t.x(n), 1e-5, labels[i]);
      assertEquals(expected[i][1], t.y(n), 1e-5, labels[i]);
      assertEquals(0, t.finalLoss(), 1e-9, labels[i]);
    }
    Trace newton = d.trace("Newton");
    int n = newton.lastStep();
    assertTrue(newton.gradNorm(n) < 1e-9, "Newton converges to a critical point");
    double[] eig = d.eigenvalues(newton.x(n), newton.y(n));
    assertTrue(eig[1] < 0, "the local maximum");
    assertTrue(newton.finalLoss() > newton.loss(0), "Newton climbs");
  }

  /** Rastrigin: each run stops in a local minimum (or worse); none finds the global one. */
  private static void rastrigin(Demo d) {
    Trace gd = d.trace("gradient descent, lr 0.002");
    Trace m95 = d.trace("momentum 0.95, lr 0.002");
    Trace m97 = d.trace("momentum 0.97, lr 0.002");
    for (Trace t : List.of(gd, m95, m97)) {
      int n = t.lastStep();
      assertTrue(t.gradNorm(n) < 0.1, t.label() + " has stopped: " + t.gradNorm(n));
      assertTrue(d.eigenvalues(t.x(n), t.y(n))[0] > 0, t.label() + " is in a minimum");
      assertTrue(t.finalLoss() > 0.5, t.label() + " is not in the global minimum");
    }
    assertTrue(gd.finalLoss() > 20, "gradient descent stops in the nearest ripple");
    assertTrue(m95.finalLoss() < gd.finalLoss() / 2, d.summary());
    assertTrue(m97.finalLoss() < m95.finalLoss() / 2, d.summary());
    assertTrue(minDistance(m97, 0, 0) < 0.5, "the lightest run passes the global minimum");
    Trace newton = d.trace("Newton");
    int n = newton.lastStep();
    assertTrue(newton.gradNorm(n) < 1e-9 && d.eigenvalues(newton.x(n), newton.y(n))[1] < 0,
        "Newton ends on a ripple top");
    assertTrue(newton.finalLoss() > newton.loss(0), d.summary());
  }

  /** The blurred run ends in the global minimum; the plain runs stop in ripples. */
  private static void continuation(Demo d) {
    Vec2 s = d.start();
    Trace c = org.descent.trace.ContinuationRunner.run(d.spec(d.scenario.continuation()
        .optimizer()), d.landscape, d.scenario.continuation(), new double[] {s.x(), s.y()},
        d.scenario.steps(), d.scenario.noise(), d.scenario.seed()).trace();
    assertTrue(c.finalLoss() < 1e-9, "continuation: " + c.finalLoss());
    for (String label : List.of("momentum 0.9, lr 0.004", "gradient descent, lr 0.002")) {
      Trace t = d.trace(label);
      assertTrue(t.finalLoss() > 10 && t.gradNorm(t.lastStep()) < 1e-3, d.summary());
    }
    // the card that runs under continuation, run plainly, is trapped like its twin
    assertEquals(d.trace("momentum 0.9, lr 0.004").finalLoss(),
        d.trace(d.scenario.continuation().optimizer()).finalLoss(), 0);
  }

  /** Gradient descent's gap falls like 1/k (slope -1 on log-log axes); fit on its trace. */
  private static void nesterovRate(Demo d) {
    Trace gd = d.trace("gradient descent, lr 1");
    assertEquals(-1, org.descent.analysis.RateFit.slope(gd, d.scenario.chart().fstar(), 100,
        2000), 0.02);
    assertTrue(d.scenario.chart().accelerated());
  }

  /** Gradient descent on the saddle is the power method of the power section. */
  private static void powerMethod(Demo d) {
    org.descent.analysis.PowerIteration.Iterates it = d.scenario.power().compute();
    Trace gd = d.traces.get(0);
    assertEquals(it.length(), gd.length());
    for (int k = 0; k < gd.length(); k++) {
      assertEquals(it.x(k), gd.x(k), 1e-12);
      assertEquals(it.y(k), gd.y(k), 1e-12);
    }
    int n = it.length() - 1;
    assertTrue(it.component1(n) > 100 * it.component1(0), "explodes along v1");
    assertTrue(it.component2(n) < 1e-5 * it.component2(0), "vanishes along v2");
  }

  /** Mirror-image minima: every run ends in the same one, f(w) = f(-w) there. */
  private static void weightSymmetry(Demo d) {
    for (Trace t : d.traces) {
      int n = t.lastStep();
      assertTrue(Math.hypot(t.x(n) + 0.757, t.y(n) + 1.3175) < 0.01, d.summary());
      assertEquals(d.f.value(t.iterate(n)), d.f.value(new double[] {-t.x(n), -t.y(n)}), 0.0);
    }
  }

  /** Descending the cross-entropy brings the 0-1 loss of the beside function to 1/6. */
  private static void surrogateLoss(Demo d) throws FormulaException {
    Objective zeroOne = d.scenario.besideLandscape().formula().objective();
    for (Trace t : d.traces) {
      assertEquals(5.0 / 6, zeroOne.value(t.iterate(0)), 1e-12);
      assertEquals(1.0 / 6, zeroOne.value(t.iterate(t.lastStep())), 1e-12, d.summary());
    }
  }

  /** A small start near the chain's saddle: a small gradient, a plateau, then the minimum. */
  private static void deepInit(Demo d) {
    Trace m = d.trace("momentum 0.9");
    assertEquals(0.141, m.gradNorm(0), 1e-3);
    assertTrue(m.loss(20) > 0.95, "still on the plateau: " + m.loss(20));
    assertEquals(59, firstStep(m, k -> m.loss(k) < 1e-3));
  }

  /** The chain with skips has a healthy gradient at a small start; the plain chain beside not. */
  private static void residualDepth(Demo d) throws FormulaException {
    Objective plain = d.scenario.besideLandscape().formula().objective();
    Vec2 s = d.start();
    double[] start = {s.x(), s.y()};
    int[] with = new int[2];
    int[] without = new int[2];
    for (int i = 0; i < 2; i++) {
      Trace t = d.traces.get(i);
      Trace p = org.descent.trace.TraceRunner.run(d.scenario.optimizers().get(i), plain, start,
          d.scenario.steps(), 0, 0);
      with[i] = firstStep(t, k -> t.loss(k) < 1e-3);
      without[i] = firstStep(p, k -> p.loss(k) < 1e-3);
      assertTrue(with[i] > 0 && with[i] < without[i], d.summary());
      if (i == 0) {
        assertEquals(2.665, t.gradNorm(0), 1e-3);
        assertEquals(0.282, p.gradNorm(0), 1e-3);
      }
    }
    assertEquals(11, with[0]);
    assertEquals(54, without[0]);
    assertEquals(44, with[1]);
    assertEquals(126, without[1]);
  }

  /** Beale: the valley's rate explodes on the ridges; a safe rate crawls; Adam and BFGS cope. */
  private static void beale(Demo d) {
    Trace big = d.trace("gradient descent, lr 0.01");
    assertTrue(big.diverged() && big.divergedAt().getAsInt() <= 10, d.summary());
    Trace small = d.trace("gradient descent, lr 0.001");
    int n = small.lastStep();
    assertTrue(Math.hypot(small.x(n) - 3, small.y(n) - 0.5) > 0.3, "crawls: " + d.summary());
    assertTrue(d.trace("Adam, lr 0.1").finalLoss() < small.finalLoss() / 10, d.summary());
    int kBfgs = firstWithin(d.trace("BFGS"), 3, 0.5, 1e-6);
    assertTrue(kBfgs > 0 && kBfgs <= 30, "BFGS: " + kBfgs);
    Trace newton = d.trace("Newton");
    assertEquals(0, newton.x(n), 1e-9);
    assertEquals(1, newton.y(n), 1e-9);
    assertTrue(d.eigenvalues(0, 1)[0] < 0 && d.eigenvalues(0, 1)[1] > 0,
        "(0, 1) is a saddle");
  }

  /** Six-hump camel: a local minimum, both global minima, and a saddle from one start. */
  private static void sixHumpCamel(Demo d) {
    double global = -1.0316284;
    Trace gd = d.trace("gradient descent, lr 0.01");
    assertEquals(-0.2154638, gd.finalLoss(), 1e-6);
    Trace m90 = d.trace("momentum 0.9, lr 0.01");
    Trace m95 = d.trace("momentum 0.95, lr 0.01");
    assertEquals(global, m90.finalLoss(), 1e-6);
    assertEquals(global, m95.finalLoss(), 1e-6);
    int n = m90.lastStep();
    assertTrue(m90.x(n) > 0 && m95.x(n) < 0, "the two global minima, one each: "
        + d.summary());
    Trace newton = d.trace("Newton");
    double[] eig = d.eigenvalues(newton.x(n), newton.y(n));
    assertTrue(newton.gradNorm(n) < 1e-9 && eig[0] < 0 && eig[1] > 0, "Newton on a saddle");
  }

  /** The mirror line x = y: every optimizer stays on it, bit for bit, and reaches (1, 1). */
  private static void networkZeroInit(Demo d) {
    for (Trace t : d.traces) {
      for (int k = 0; k < t.length(); k++) {
        assertEquals(t.x(k), t.y(k), 0.0, t.label() + " left the mirror line at step " + k);
      }
      int n = t.lastStep();
      assertTrue(Math.hypot(t.x(n) - 1, t.y(n) - 1) < 0.01, d.summary());
    }
    double[] g = new double[2];
    d.f.valueAndGradient(new double[] {0, 0}, g);
    assertEquals(0, Math.hypot(g[0], g[1]), 0, "zero weights: no gradient at all");
    // the live change: off the diagonal, gradient descent reaches another point of xy = 1
    Trace off = org.descent.trace.TraceRunner.run(d.scenario.optimizers().get(0), d.f,
        new double[] {0.1, 0.5}, d.scenario.steps(), 0, 0);
    assertEquals(100, off.lastStep());
    assertEquals(0.95, off.x(100), 0.005);
    assertEquals(1.05, off.y(100), 0.005);
  }

  /** Flat along x where max(0, x) = 0: x never moves, y goes to 0, the loss stays at 1. */
  private static void networkDeadRelu(Demo d) {
    for (Trace t : d.traces) {
      for (int k = 0; k < t.length(); k++) {
        assertEquals(-1, t.x(k), 0.0, t.label() + " moved along x at step " + k);
      }
      assertTrue(Math.abs(t.y(t.lastStep())) < 0.05, d.summary());
      assertTrue(t.finalLoss() >= 1, d.summary());
    }
  }

  /** The plateau in 200 steps: gradient descent still near its start, the others across. */
  private static void networkPlateau(Demo d) {
    Trace gd = d.trace("gradient descent");
    assertTrue(gd.finalLoss() > 0.95 * gd.loss(0), d.summary());
    assertEquals(200, gd.lastStep());
    assertEquals(3.8, gd.x(200), 0.05, "still on the flat part at (3.8, 3.2)");
    assertEquals(3.2, gd.y(200), 0.05);
    assertEquals(1, gd.finalLoss(), 0.05, "loss near 1");
    for (String label : List.of("momentum 0.9", "Adam")) {
      Trace t = d.trace(label);
      int off = firstStep(t, k -> t.loss(k) < 0.5);
      assertTrue(off > 0 && off < 60, label + " should cross the plateau quickly: " + off);
    }
  }

  /**
   * The normalized-inputs bowl: the Hessian is the identity (2/λmax = 2); lr 1 lands on the
   * minimum in one step; lr 0.1 walks and lr 1.9 jumps across, both contracting by 0.9 a step.
   */
  private static void networkBatchNorm(Demo d) {
    double[] eig = d.eigenvalues(0.3, -2);
    assertEquals(1, eig[0], 1e-12);
    assertEquals(1, eig[1], 1e-12);
    Trace one = d.trace("gradient descent, middle rate");
    assertEquals(1, d.lr(one.label()), 0);
    assertEquals(1, one.x(1), 1e-12);
    assertEquals(0, one.y(1), 1e-12);
    Trace small = d.trace("gradient descent, small rate");
    Trace large = d.trace("gradient descent, large rate");
    assertEquals(0.1, d.lr(small.label()), 0);
    assertEquals(1.9, d.lr(large.label()), 0);
    for (int k = 1; k <= 20; k++) {
      assertEquals(0.9, Math.hypot(small.x(k) - 1, small.y(k))
          / Math.hypot(small.x(k - 1) - 1, small.y(k - 1)), 1e-9, "small rate, step " + k);
      assertEquals(0.9, Math.hypot(large.x(k) - 1, large.y(k))
          / Math.hypot(large.x(k - 1) - 1, large.y(k - 1)), 1e-9, "large rate, step " + k);
      assertTrue((small.y(k) > 0) == (small.y(0) > 0), "the small rate stays on its side");
      assertTrue((large.y(k) > 0) != (large.y(k - 1) > 0), "the large rate jumps across");
    }
    for (Trace t : d.traces) {
      assertTrue(t.finalLoss() < 1e-3, d.summary());
    }
  }

  /** Gradient noise: the runs reach the minimum's neighbourhood and jitter there. */
  private static void networkMinibatchSize(Demo d) {
    for (Trace t : d.traces) {
      double late = meanLoss(t, 100, 200);
      assertTrue(late > 1e-3 && late < 0.5, t.label() + ": mean loss " + late);
      assertTrue(maxLoss(t) < t.loss(0) + 1, t.label());
    }
  }

  /**
   * The quadratic of λmax = 10 has no catapult: at ε = 0.25 the multiplier along y is −1.5 and
   * the path leaves the view at step 5; at ε = 0.1 it converges.
   */
  private static void catapultQuadratic(Demo d) {
    Trace above = d.trace("above 2/λmax");
    Trace below = d.trace("below 2/λmax");
    for (int k = 0; k <= 10; k++) {
      assertEquals(0.2 * Math.pow(-1.5, k), above.y(k), 1e-9 * Math.pow(1.5, k));
    }
    assertTrue(Math.abs(above.y(4)) < 1.5 && Math.abs(above.y(5)) > 1.5, "leaves at step 5");
    int n = below.lastStep();
    assertTrue(Math.hypot(below.x(n), below.y(n)) < 0.2, d.summary());
  }

  /**
   * SAM on ½(x² + 10y²): gradient descent converges; SAM ends bouncing between y = ±ερλ/(2 − ελ)
   * = ±0.0667 (ε = 0.05, ρ = 0.2, λ = 10).
   */
  private static void samOnTheQuadratic(Demo d) {
    Trace gd = d.trace("gradient descent");
    Trace sam = d.trace("SAM ρ 0.2");
    int n = gd.lastStep();
    assertEquals(0, Math.hypot(gd.x(n), gd.y(n)), 1e-3, d.summary());
    double bounce = 0.05 * 0.2 * 10 / (2 - 0.05 * 10);
    assertEquals(0.0667, bounce, 5e-5);
    for (int k = 150; k <= 200; k++) {
      assertEquals(bounce, Math.abs(sam.y(k)), 1e-9, "SAM at step " + k);
      assertEquals(-Math.signum(sam.y(k - 1)), Math.signum(sam.y(k)), 0, "it bounces");
    }
  }

  /**
   * x² − y² + y⁴/4: a saddle at the origin, minima at (0, ±√2) of −1; gradient descent from
   * (1.8, 0.001) comes within 0.05 of the saddle by step 40 and reaches (0, 1.414) by step 100.
   */
  private static void saddleThenMinimum(Demo d) {
    assertEquals(0, d.f.value(new double[] {0, 0}), 0);
    assertEquals(-1, d.f.value(new double[] {0, Math.sqrt(2)}), 1e-12);
    Trace t = d.trace("gradient descent");
    assertTrue(Math.abs(t.x(40)) < 0.05 && Math.abs(t.y(40)) < 0.05, d.summary());
    assertEquals(0, t.x(100), 0.01, d.summary());
    assertEquals(1.414, t.y(100), 0.01, d.summary());
  }

  /**
   * The quadratic of λmax = 10: at ε = 0.2 = 2/λmax the multiplier along y is exactly −1 (y
   * bounces between 1 and −1 forever, x shrinks by 0.8 a step); at ε = 0.1 it is 0 (y is
   * solved in one step) and x shrinks by 0.9 a step.
   */
  private static void edgeOfStabilityQuadratic(Demo d) {
    Trace edge = d.trace("ε = 0.2");
    Trace half = d.trace("ε = 0.1");
    for (int k = 0; k <= 100; k++) {
      assertEquals(k % 2 == 0 ? 1 : -1, edge.y(k), 0, "ε = 0.2 at step " + k);
      assertEquals(-2.5 * Math.pow(0.8, k), edge.x(k), 1e-12);
      assertEquals(-2.5 * Math.pow(0.9, k), half.x(k), 1e-12);
      assertEquals(k == 0 ? 1 : 0, half.y(k), 0, "ε = 0.1 at step " + k);
    }
  }

  /**
   * The ring: minima at (±1, 0), a hill of 1 at the origin on the straight line between them,
   * saddles of 0.19 at (0, ±0.949), and the way around the ring (the unit circle) never above
   * 0.2; Adam goes round to a minimum.
   */
  private static void modeConnectivityRing(Demo d) {
    assertEquals(0, d.f.value(new double[] {1, 0}), 0);
    assertEquals(0, d.f.value(new double[] {-1, 0}), 0);
    double line = 0;
    double ring = 0;
    for (int k = 0; k <= 1000; k++) {
      double t = k / 1000.0;
      line = Math.max(line, d.f.value(new double[] {-1 + 2 * t, 0}));
      ring = Math.max(ring, d.f.value(new double[] {Math.cos(Math.PI * t),
          Math.sin(Math.PI * t)}));
    }
    assertEquals(1, line, 1e-12, "the hill on the straight line");
    assertEquals(0.2, ring, 1e-12, "the highest point of the way around the ring");
    double y = Math.sqrt(0.9);
    assertEquals(0.949, y, 5e-4);
    assertEquals(0.19, d.f.value(new double[] {0, y}), 1e-12, "the saddle");
    double[] g = new double[2];
    d.f.valueAndGradient(new double[] {0, y}, g);
    assertEquals(0, Math.hypot(g[0], g[1]), 1e-12, "a critical point");
    Trace adam = d.trace("Adam");
    int n = adam.lastStep();
    assertEquals(-1, adam.x(n), 1e-3, d.summary());
    assertEquals(0, adam.y(n), 0.02, d.summary());
  }

  /** The offset ravine: gradient descent just below 2/lambda_max crawls. */
  private static void networkUnnormalizedInputs(Demo d) {
    Trace gd = d.trace("gradient descent");
    double[] eig = d.eigenvalues(1, 0);
    assertEquals(119, eig[1] / eig[0], 0.5, "κ");
    assertEquals(0.18, 2 / eig[1], 0.005, "2/λmax");
    assertEquals(0.17, d.lr(gd.label()), 0);
    assertTrue(d.lr(gd.label()) < 2 / eig[1]);
    int n = gd.lastStep();
    assertTrue(Math.hypot(gd.x(n) - 1, gd.y(n)) > 0.5, d.summary());
  }

  // ---------------------------------------------------------------------------------------
  // Running a demo and reading its traces.

  private static Demo demo(String name) throws ScenarioException, FormulaException {
    Demo d = DEMOS.get(name);
    if (d == null) {
      d = new Demo(name, ScenarioReader.read(DIR.resolve(name)));
      DEMOS.put(name, d);
    }
    return d;
  }

  /** A scenario with its traces, run exactly as {@code descent trace} runs it. */
  private static final class Demo {
    final String name;
    final Scenario scenario;
    final Landscape landscape;
    final Objective f;
    final List<Trace> traces;

    Demo(String name, Scenario scenario) throws FormulaException {
      this.name = name;
      this.scenario = scenario;
      this.landscape = scenario.landscape();
      this.f = landscape.formula().objective();
      Vec2 s = scenario.startOn(landscape);
      this.traces = Race.run(f, scenario.optimizers(), new double[] {s.x(), s.y()},
          scenario.steps(), scenario.noise(), scenario.seed());
    }

    ViewBox view() {
      return landscape.view();
    }

    Vec2 start() {
      return scenario.startOn(landscape);
    }

    Trace trace(String label) {
      return traces.stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow(
          () -> new AssertionError(name + " has no run labelled '" + label + "'; it has "
              + traces.stream().map(Trace::label).collect(Collectors.joining(", "))));
    }

    OptimizerSpec spec(String label) {
      return scenario.optimizers().stream().filter(o -> o.label().equals(label)).findFirst()
          .orElseThrow(() -> new AssertionError(name + " has no run labelled '" + label + "'"));
    }

    double lr(String label) {
      return spec(label).get(Param.LR);
    }

    /** The Hessian's eigenvalues at (x, y), smallest first. */
    double[] eigenvalues(double x, double y) {
      return HessianEigenvalues.at(f, x, y);
    }

    /** Mean of f at the averaged iterates of steps from..to. */
    double meanAveragedLoss(Trace t, int from, int to) {
      double sum = 0;
      for (int k = from; k <= to; k++) {
        sum += f.value(new double[] {t.averagedCoordinate(k, 0), t.averagedCoordinate(k, 1)});
      }
      return sum / (to - from + 1);
    }

    /** Final state of every run, for failure messages. */
    String summary() {
      StringBuilder sb = new StringBuilder(name).append(':');
      for (Trace t : traces) {
        int n = t.lastStep();
        sb.append(String.format(" [%s: step %d (%.4g, %.4g) loss %.3g%s]", t.label(), n, t.x(n),
            t.y(n), t.loss(n), t.diverged() ? " diverged at " + t.divergedAt().getAsInt() : ""));
      }
      return sb.toString();
    }
  }

  /** The first step k satisfying p, or -1. */
  private static int firstStep(Trace t, IntPredicate p) {
    for (int k = 0; k < t.length(); k++) {
      if (p.test(k)) {
        return k;
      }
    }
    return -1;
  }

  private static int firstWithin(Trace t, double x, double y, double tol) {
    return firstStep(t, k -> Math.hypot(t.x(k) - x, t.y(k) - y) < tol);
  }

  private static int stepsNear(Trace t, double x, double y, double radius) {
    int count = 0;
    for (int k = 0; k < t.length(); k++) {
      if (Math.hypot(t.x(k) - x, t.y(k) - y) < radius) {
        count++;
      }
    }
    return count;
  }

  private static double minDistance(Trace t, double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < t.length(); k++) {
      best = Math.min(best, Math.hypot(t.x(k) - x, t.y(k) - y));
    }
    return best;
  }

  private static double maxStep(Trace t) {
    double best = 0;
    for (int k = 1; k < t.length(); k++) {
      best = Math.max(best, Math.hypot(t.x(k) - t.x(k - 1), t.y(k) - t.y(k - 1)));
    }
    return best;
  }

  /** max |y_k| over k ≥ from. */
  private static double maxAbsY(Trace t, int from) {
    double best = 0;
    for (int k = from; k < t.length(); k++) {
      best = Math.max(best, Math.abs(t.y(k)));
    }
    return best;
  }

  private static double meanLoss(Trace t, int from, int to) {
    double sum = 0;
    for (int k = from; k <= to; k++) {
      sum += t.loss(k);
    }
    return sum / (to - from + 1);
  }

  private static double minLoss(Trace t) {
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < t.length(); k++) {
      best = Math.min(best, t.loss(k));
    }
    return best;
  }

  private static double maxLoss(Trace t) {
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < t.length(); k++) {
      best = Math.max(best, t.loss(k));
    }
    return best;
  }

  private static int stepsWithSmallGradient(Trace t, double below) {
    int count = 0;
    for (int k = 0; k < t.length(); k++) {
      if (t.gradNorm(k) < below) {
        count++;
      }
    }
    return count;
  }
}
