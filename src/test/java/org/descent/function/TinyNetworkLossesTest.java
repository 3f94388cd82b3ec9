package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/**
 * The two-weight network y = w2 tanh(w1 u) of the demos weight-symmetry and surrogate-loss
 * (x = w1, y = w2): its weight-space symmetry, and its cross-entropy against its 0-1 loss.
 */
class TinyNetworkLossesTest {

  private static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve(
      "scenarios");

  private static Scenario demo(String name) throws Exception {
    return ScenarioReader.read(DIR.resolve(name));
  }

  @Test
  void flippingBothWeightsGivesTheSameLossExactly() throws Exception {
    Objective f = demo("weight-symmetry.yaml").landscape().formula().objective();
    Random random = new Random(3);
    double[] g = new double[2];
    double[] gMirror = new double[2];
    for (int i = 0; i < 1000; i++) {
      double[] w = {6 * random.nextDouble() - 3, 6 * random.nextDouble() - 3};
      double[] mirror = {-w[0], -w[1]};
      assertEquals(f.valueAndGradient(w, g), f.valueAndGradient(mirror, gMirror), 0.0,
          "f(w) = f(-w) at " + w[0] + ", " + w[1]);
      assertEquals(-g[0], gMirror[0], 0.0);
      assertEquals(-g[1], gMirror[1], 0.0);
    }
  }

  @Test
  void theMinimaAreMirrorImagesAndTheSaddleSitsBetween() throws Exception {
    Scenario s = demo("weight-symmetry.yaml");
    Landscape l = s.landscape();
    List<CriticalPoint> minima = l.minima();
    assertEquals(2, minima.size(), l.criticalPoints().toString());
    CriticalPoint a = minima.get(0);
    CriticalPoint b = minima.get(1);
    assertEquals(a.x(), -b.x(), 1e-9);
    assertEquals(a.y(), -b.y(), 1e-9);
    assertEquals(0.757, Math.abs(a.x()), 1e-3);
    assertEquals(1.3175, Math.abs(a.y()), 1e-3);
    assertEquals(0.012151, a.value(), 1e-6);
    assertTrue(l.criticalPoints().stream().anyMatch(p -> p.kind() == CriticalPoint.Kind.SADDLE
        && Math.hypot(p.x(), p.y()) < 1e-9 && Math.abs(p.value() - 0.76) < 1e-12));
    // the demo's runs end in one minimum; from the mirrored start, in the other
    Objective f = l.formula().objective();
    for (var spec : s.optimizers()) {
      Trace t = TraceRunner.run(spec, f, new double[] {0.3, -1.5}, s.steps(), 0, 0);
      Trace m = TraceRunner.run(spec, f, new double[] {-0.3, 1.5}, s.steps(), 0, 0);
      int n = t.lastStep();
      assertTrue(Math.hypot(t.x(n) + 0.757, t.y(n) + 1.3175) < 0.01, spec.label());
      assertEquals(-t.x(n), m.x(n), 1e-12, spec.label());
      assertEquals(-t.y(n), m.y(n), 1e-12, spec.label());
    }
  }

  @Test
  void theZeroOneLossHasNoGradientWhereCrossEntropyHasOne() throws Exception {
    Scenario s = demo("surrogate-loss.yaml");
    Objective ce = s.landscape().formula().objective();
    Objective zeroOne = s.besideLandscape().formula().objective();
    Random random = new Random(5);
    double[] g = new double[2];
    for (int i = 0; i < 1000; i++) {
      double[] w = {6 * random.nextDouble() - 3, 12 * random.nextDouble() - 6};
      double loss = zeroOne.valueAndGradient(w, g);
      // exactly zero: min and max pick a constant branch except where a margin is within
      // 1e-300 of zero
      assertEquals(0, g[0], 0.0, "0-1 gradient at " + w[0] + ", " + w[1]);
      assertEquals(0, g[1], 0.0, "0-1 gradient at " + w[0] + ", " + w[1]);
      double sixths = loss * 6;
      assertEquals(Math.rint(sixths), sixths, 1e-12, "a share of the six samples: " + loss);
      ce.valueAndGradient(w, g);
      assertTrue(Math.hypot(g[0], g[1]) > 1e-6, "cross-entropy gradient at " + w[0] + ", "
          + w[1]);
    }
  }

  @Test
  void descendingCrossEntropyLowersTheZeroOneLossWhichCannotBeDescended() throws Exception {
    Scenario s = demo("surrogate-loss.yaml");
    Objective ce = s.landscape().formula().objective();
    Objective zeroOne = s.besideLandscape().formula().objective();
    double[] start = {s.start().x(), s.start().y()};
    assertEquals(5.0 / 6, zeroOne.value(start), 1e-12);
    for (var spec : s.optimizers()) {
      Trace onCe = TraceRunner.run(spec, ce, start, s.steps(), 0, 0);
      assertEquals(1.0 / 6, zeroOne.value(onCe.iterate(onCe.lastStep())), 1e-12,
          spec.label());
      Trace onZeroOne = TraceRunner.run(spec, zeroOne, start, s.steps(), 0, 0);
      int n = onZeroOne.lastStep();
      double moved = Math.hypot(onZeroOne.x(n) - start[0], onZeroOne.y(n) - start[1]);
      System.out.printf("%s: on the 0-1 loss moved %.3g; on cross-entropy 0-1 = 1/6 from step "
          + "%d, ends (%.3f, %.3f) ce %.4f%n", spec.label(), moved, firstBelow(onCe, zeroOne),
          onCe.x(onCe.lastStep()), onCe.y(onCe.lastStep()), onCe.finalLoss());
      assertEquals(0, moved, 0.0, spec.label() + " moved on the 0-1 loss");
      assertEquals(5.0 / 6, onZeroOne.finalLoss(), 1e-12);
      // the numbers of the lecture text: the step from which the 0-1 loss is 1/6, the end
      int first = firstBelow(onCe, zeroOne);
      for (int k = first; k < onCe.length(); k++) {
        assertEquals(1.0 / 6, zeroOne.value(onCe.iterate(k)), 1e-12, spec.label() + " step " + k);
      }
      int n2 = onCe.lastStep();
      boolean gd = spec.label().startsWith("gradient descent");
      assertEquals(gd ? 2 : 9, first, spec.label());
      assertEquals(gd ? 0.55 : 0.50, onCe.x(n2), 0.005, spec.label());
      assertEquals(gd ? 4.08 : 4.49, onCe.y(n2), 0.005, spec.label());
      assertEquals(gd ? 0.332 : 0.329, onCe.finalLoss(), 0.0005, spec.label());
      assertTrue(onCe.loss(n2) < onCe.loss(n2 - 1), spec.label() + ": still falling");
    }
  }

  @Test
  void theZeroOneLossTakesTheValuesOfItsQuadrants() throws Exception {
    Objective zeroOne = demo("surrogate-loss.yaml").besideLandscape().formula().objective();
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      double x = 6 * random.nextDouble() - 3;
      double y = 12 * random.nextDouble() - 6;
      assertEquals(x * y > 0 ? 1.0 / 6 : 5.0 / 6, zeroOne.value(new double[] {x, y}), 1e-12,
          x + ", " + y);
    }
    assertEquals(1, zeroOne.value(new double[] {0, 1.2}), 0.0, "on the axes");
    assertEquals(1, zeroOne.value(new double[] {0.5, 0}), 0.0, "on the axes");
  }

  @Test
  void aLayerOf16TanhUnitsHasAbout1point4e18CopiesOfEachMinimum() {
    double copies = Math.pow(2, 16);
    for (int k = 2; k <= 16; k++) {
      copies *= k;
    }
    assertEquals(1.4e18, copies, 0.05e18, "16! 2^16");
  }

  private static int firstBelow(Trace t, Objective zeroOne) {
    for (int k = 0; k < t.length(); k++) {
      if (zeroOne.value(t.iterate(k)) < 0.2) {
        return k;
      }
    }
    return -1;
  }
}
