package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.descent.function.Landscape;
import org.descent.function.Objective;
import org.descent.function.Vec2;
import org.descent.scenario.ChartSetting;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.descent.trace.AcceleratedRunner;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/** The rate demo: slopes of log(f − f*) against log k, fitted on the traces. */
class RateChartTest {

  private static final Path DEMO = Path.of(System.getProperty("basedir", "."))
      .resolve("scenarios/nesterov-rate.yaml");

  @Test
  void theFitReadsThePowerOfAnExactPowerLaw() throws Exception {
    // gradient descent on f = x^4 + y^4 has a gap falling like 1/k^2 (x_k^2 ~ 1/(8 lr k))
    Objective f = org.descent.function.Formula.parse("x^4 + y^4").objective();
    Trace t = TraceRunner.run(org.descent.optim.OptimizerSpec.of(
        org.descent.optim.OptimizerType.SGD, org.descent.optim.Param.LR, 0.1), f, new double[] {1, 1}, 5000,
        0, 0);
    assertEquals(-2, RateFit.slope(t, 0, 500, 5000), 0.02);
  }

  @Test
  void gradientDescentFallsLikeOneOverKAndTheAcceleratedMethodLikeOneOverKSquared()
      throws Exception {
    Scenario s = ScenarioReader.read(DEMO);
    ChartSetting chart = s.chart();
    assertEquals(ChartSetting.Axis.LOG_STEPS, chart.x());
    assertEquals(ChartSetting.Axis.LOG_GAP, chart.y());
    assertTrue(chart.accelerated());
    Landscape l = s.landscape();
    Objective f = l.formula().objective();
    Vec2 start = s.startOn(l);
    double[] x0 = {start.x(), start.y()};
    Trace gd = TraceRunner.run(s.optimizers().get(0), f, x0, s.steps(), 0, 0);
    Trace nesterov = TraceRunner.run(s.optimizers().get(1), f, x0, s.steps(), 0, 0);
    Trace acc = AcceleratedRunner.run("accelerated", f, x0, 1, s.steps());
    for (Trace t : new Trace[] {gd, nesterov, acc}) {
      System.out.printf("%s: slope 10..100 %.3f, 100..2000 %.3f, gap(2000) %.3g, end (%.3g, %.3g)%n",
          t.label(), RateFit.slope(t, chart.fstar(), 10, 100),
          RateFit.slope(t, chart.fstar(), 100, 2000), t.finalLoss(), t.x(t.lastStep()),
          t.y(t.lastStep()));
    }
    double fstar = chart.fstar();
    assertEquals(-1, RateFit.slope(gd, fstar, 10, 100), 0.05);
    assertEquals(-1, RateFit.slope(gd, fstar, 100, 2000), 0.02);
    assertEquals(-2, RateFit.slope(acc, fstar, 10, 100), 0.05);
    assertEquals(-2, RateFit.slope(acc, fstar, 100, 2000), 0.02);
    assertTrue(gd.finalLoss() / acc.finalLoss() > 400, "the accelerated method is far ahead");
    // constant momentum: steep while the velocity builds, then it coasts
    assertTrue(RateFit.slope(nesterov, fstar, 10, 100) < -1.8);
    assertTrue(RateFit.slope(nesterov, fstar, 100, 2000) > -0.1);
    // the guides the chart draws: 1/k and 1/k^2
    assertEquals(java.util.List.of(ChartSetting.Guide.INVERSE_K,
        ChartSetting.Guide.INVERSE_K_SQUARED), chart.guides());
  }
}
