package org.descent.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.descent.function.Blur;
import org.descent.function.Formula;
import org.descent.function.GaussianSmoothing;
import org.descent.function.Landscape;
import org.descent.function.Objective;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Continuation by blurring: the closed form of Rastrigin's blur, the stages, the demo. */
class ContinuationTest {

  private static final Path DEMO = Path.of(System.getProperty("basedir", "."))
      .resolve("scenarios/continuation-rastrigin.yaml");
  private static final String RASTRIGIN = "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)";

  @Test
  void rastriginsClosedFormBlurMatchesSamplingAndQuadrature() throws Exception {
    Objective f = Formula.parse(RASTRIGIN).objective();
    Random random = new Random(1);
    double[] p = new double[2];
    for (double sigma : new double[] {0.1, 0.3, 0.6}) {
      Objective closed = Blur.rastrigin(sigma);
      GaussianSmoothing quadrature = new GaussianSmoothing(Formula.parse(RASTRIGIN)
          .objective(), sigma);
      for (double[] at : new double[][] {{0.3, -1.2}, {2.5, 0.1}, {-3.7, 4.2}}) {
        double expected = closed.value(at);
        // twelve nodes resolve the ripples of a narrow blur only: at sigma 0.6 they are off by
        // about 3e-3 already, which is why the closed form is used
        assertEquals(expected, quadrature.value(at), sigma <= 0.3 ? 1e-8 : 1e-2,
            "quadrature at sigma " + sigma);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
          p[0] = at[0] + sigma * random.nextGaussian();
          p[1] = at[1] + sigma * random.nextGaussian();
          double v = f.value(p);
          sum += v;
          sumSq += v * v;
        }
        double mean = sum / n;
        double stdErr = Math.sqrt((sumSq / n - mean * mean) / n);
        assertEquals(expected, mean, 5 * stdErr, "sampling at sigma " + sigma);
      }
    }
  }

  @Test
  void theStagesShrinkTheBlurToZeroAndShareTheSteps() {
    Continuation c = new Continuation(2, 6, "a");
    assertEquals(2, c.sigma(0), 0);
    assertEquals(1.2, c.sigma(2), 1e-15);
    assertEquals(0, c.sigma(5), 0);
    int total = 0;
    for (int i = 0; i < 6; i++) {
      total += c.steps(i, 605);
    }
    assertEquals(605, total);
    assertEquals(105, c.steps(5, 605));
  }

  @Test
  void eachStageStartsWhereTheLastEnded() throws Exception {
    Scenario s = ScenarioReader.read(DEMO);
    Landscape l = s.landscape();
    OptimizerSpec spec = s.optimizers().get(0);
    ContinuationRunner.Result r = ContinuationRunner.run(spec, l, s.continuation(),
        new double[] {4.5, 3.4}, 600, 0, 0);
    assertEquals(6, r.stages().size());
    assertEquals(601, r.trace().length());
    for (ContinuationRunner.Stage stage : r.stages().subList(1, 6)) {
      int k = stage.firstStep();
      // the stage's own first step agrees with running its blur from the previous end
      Trace alone = TraceRunner.run(spec, Blur.of(l, stage.sigma()), r.trace().iterate(k),
          stage.steps(), 0, 0);
      assertEquals(alone.x(1), r.trace().x(k + 1), 0);
      assertEquals(alone.y(stage.steps()), r.trace().y(k + stage.steps()), 0);
    }
    // the losses are Rastrigin's own, not the blur's
    Objective f = l.formula().objective();
    assertEquals(f.value(r.trace().iterate(50)), r.trace().loss(50), 0);
  }

  /** The demo's lesson: continuation ends in the global basin, the plain runs do not. */
  @Test
  void continuationFindsTheGlobalBasinWherePlainDescentIsTrapped() throws Exception {
    Scenario s = ScenarioReader.read(DEMO);
    Landscape l = s.landscape();
    Vec2 start = s.startOn(l);
    double[] x0 = {start.x(), start.y()};
    OptimizerSpec cont = s.optimizers().get(0);
    assertEquals(s.continuation().optimizer(), cont.label());
    Trace t = ContinuationRunner.run(cont, l, s.continuation(), x0, s.steps(), s.noise(),
        s.seed()).trace();
    int n = t.lastStep();
    System.out.printf("continuation: (%.4g, %.4g) f = %.3g%n", t.x(n), t.y(n), t.finalLoss());
    assertTrue(Math.hypot(t.x(n), t.y(n)) < 1e-4, "continuation ends at the origin");
    assertTrue(t.finalLoss() < 1e-9, "loss " + t.finalLoss());
    double[][] ends = {{1.99, 2.985, 12.93}, {3.98, 2.985, 24.9}};
    for (int i = 0; i < 2; i++) {
      OptimizerSpec plain = s.optimizers().get(i + 1);
      Trace p = TraceRunner.run(plain, l.formula().objective(), x0, s.steps(), 0, 0);
      int m = p.lastStep();
      System.out.printf("%s: (%.4g, %.4g) f = %.4g%n", plain.label(), p.x(m), p.y(m),
          p.finalLoss());
      assertEquals(ends[i][0], p.x(m), 0.01, plain.label());
      assertEquals(ends[i][1], p.y(m), 0.01, plain.label());
      assertEquals(ends[i][2], p.finalLoss(), 0.05, plain.label());
      assertTrue(p.gradNorm(m) < 1e-3, plain.label() + " has stopped in a local minimum");
    }
  }
}
