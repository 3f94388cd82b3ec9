package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.FunctionChoice;
import org.descent.scenario.Scenario;
import org.descent.trace.Race;
import org.descent.trace.Trace;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** The race charts keep every run readable: ranges, ticks, markers, averaged iterates. */
class RaceChartTest {

  private static List<ChartInput> runs(Scenario s, Landscape l) {
    Vec2 start = s.startOn(l);
    List<Trace> traces = Race.run(l.formula().objective(), s.optimizers(),
        new double[] {start.x(), start.y()}, s.steps(), s.noise(), s.seed());
    List<ChartInput> runs = new ArrayList<>();
    for (Trace t : traces) {
      runs.add(new ChartInput(t.label(), 0xFF1F77B4, t));
    }
    return runs;
  }

  private static RaceChartData chart(Scenario s) throws Exception {
    Landscape l = s.landscape();
    return RaceChartData.of(l, l.view(), runs(s, l), s.steps());
  }

  private static Scenario race(String function, int steps, OptimizerSpec... specs) {
    return new Scenario("", "", new FunctionChoice.UserFormula(function), null,
        new Vec2(-2.5, 1.5), steps, 0, 0, List.of(specs), null);
  }

  private static double maxOf(RaceChartData.Curve c) {
    double m = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < c.length(); k++) {
      m = Math.max(m, c.value(k));
    }
    return m;
  }

  @Test
  void aRunThatExplodesLeavesTheLossScaleToTheOthers() throws Exception {
    // On x^2 + 10 y^2 (lambda_max 20), lr 0.04 converges and lr 0.2 = 2 x 2/lambda_max
    // grows by a factor 3 a step: 1e40 after 90 steps, far outside the view.
    RaceChartData data = chart(race("x^2 + 10*y^2", 90,
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.04),
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.2)));
    RaceChartData.Panel loss = data.loss();
    assertEquals(RaceChartData.Scale.LOG, loss.scale());
    RaceChartData.Curve good = loss.curves().get(0);
    RaceChartData.Curve bad = loss.curves().get(1);
    assertTrue(maxOf(bad) > 1e30, "the bad run explodes: " + maxOf(bad));
    // the range ends within a factor 3 of the good run's largest loss, not at 1e40
    assertTrue(loss.yMax() < 3 * maxOf(good) && loss.yMax() >= maxOf(good),
        loss.yMax() + " vs " + maxOf(good));
    // and spans the good run's descent
    assertTrue(loss.yMin() <= good.value(good.length() - 1));
  }

  @Test
  void aDivergedRunIsMarkedAndDoesNotSetTheScale() throws Exception {
    // Rosenbrock at lr 0.05 overflows to infinity within a few steps.
    Scenario s = new Scenario("", "", new FunctionChoice.Named("rosenbrock"), null, null, 200,
        0, 0, List.of(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.001),
            OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.05)), null);
    RaceChartData data = chart(s);
    RaceChartData.Curve bad = data.loss().curves().get(1);
    assertTrue(bad.divergedAt().isPresent());
    assertTrue(data.loss().yMax() < 1e3, "yMax " + data.loss().yMax());
    RaceLegend legend = new RaceLegend(data.loss(), Look.LIGHT);
    assertEquals("sgd — diverged at step " + bad.divergedAt().getAsInt(),
        legend.labels().get(1));
  }

  @Test
  void theSaddlePlateauStaysVisibleWhileEscapingRunsLeaveThroughTheBottom() throws Exception {
    Scenario s = BuiltInScenarios.read("saddle-escape.yaml");
    RaceChartData data = chart(s);
    RaceChartData.Panel loss = data.loss();
    assertEquals(RaceChartData.Scale.LINEAR, loss.scale());
    double height = loss.yMax() - loss.yMin();
    // f over the view [-2, 2]^2 lies in [-4, 4]: the range is that, not momentum's -1e15
    assertTrue(loss.yMin() >= -5 && loss.yMax() <= 5 && height >= 2, loss.yMin() + ", "
        + loss.yMax());
    // gradient descent's plateau at the saddle's value: steps 25 to 60 within 3 % of the
    // chart's height of 0, drawn inside the range
    RaceChartData.Curve gd = loss.curves().get(0);
    for (int k = 25; k <= 60; k++) {
      assertTrue(Math.abs(gd.value(k)) < 0.03 * height, "step " + k + ": " + gd.value(k));
    }
    assertTrue(loss.yMin() < 0 && loss.yMax() > 0);
    // momentum ends far below the range: it leaves through the bottom
    RaceChartData.Curve momentum = loss.curves().get(1);
    assertTrue(momentum.value(momentum.length() - 1) < loss.yMin());
  }

  @Test
  void theAveragedIterateGetsItsOwnCurveAndTheRawOneTurnsFaint() throws Exception {
    Scenario s = BuiltInScenarios.read("iterate-averaging.yaml");
    RaceChartData data = chart(s);
    List<RaceChartData.Curve> curves = data.loss().curves();
    long averaged = curves.stream().filter(RaceChartData.Curve::averaged).count();
    assertEquals(s.optimizers().stream().filter(o -> !(o.averaging()
        instanceof org.descent.optim.Averaging.None)).count(), averaged);
    for (RaceChartData.Curve c : curves) {
      if (c.averaged()) {
        RaceChartData.Curve raw = curves.stream().filter(r -> r.run() == c.run()
            && !r.averaged()).findFirst().orElseThrow();
        assertTrue(raw.faint());
        // the average of the last 300 iterates is closer to the minimum than the noisy iterate
        int last = c.length() - 1;
        double rawMean = 0;
        for (int k = last - 300; k <= last; k++) {
          rawMean += raw.value(k) / 301;
        }
        assertTrue(c.value(last) < rawMean, c.label() + ": " + c.value(last) + " vs "
            + rawMean);
      }
    }
  }

  @Test
  void decimationKeepsAOneStepSpike() {
    double[] v = new double[10_001];
    java.util.Arrays.fill(v, 1.0);
    v[5_003] = 1e3;
    RaceChartData.Curve c = new RaceChartData.Curve(0, "spike", 0xFF000000, false, false, v,
        OptionalInt.empty());
    RaceChartData.Panel panel = new RaceChartData.Panel("t", "f", RaceChartData.Scale.LOG,
        0.1, 1e4, List.of(c));
    XYSeries s = RaceChart.series(0, c, panel, 300);
    assertTrue(s.getItemCount() <= 2 * 300 + 2, "points " + s.getItemCount());
    assertEquals(1e3, s.getMaxY(), 0);
  }

  @Test
  void stepTicksAreWholeNumbersEndingAtTheLastStepAndLogTicksAreFew() {
    double[] v = new double[101];
    for (int k = 0; k <= 100; k++) {
      v[k] = Math.pow(10, 16 - 0.32 * k);
    }
    RaceChartData.Curve c = new RaceChartData.Curve(0, "a run with a long label",
        0xFF1F77B4, false, false, v, OptionalInt.empty());
    RaceChartData.Panel panel = new RaceChartData.Panel("t", "f − f*", RaceChartData.Scale.LOG,
        1e-16, 1e16, List.of(c));
    RaceChart chart = new RaceChart();
    chart.show(panel, 100, 500);
    BufferedImage img = new BufferedImage(500, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    ChartRenderingInfo info = new ChartRenderingInfo();
    chart.chart().draw(g, new Rectangle2D.Double(0, 0, 500, 200), info);
    Rectangle2D area = info.getPlotInfo().getDataArea();
    ValueAxis steps = chart.plot().getDomainAxis();
    assertEquals(0, steps.getLowerBound(), 0);
    assertEquals(100, steps.getUpperBound(), 0);
    List<? extends Tick> x = steps.refreshTicks(g, new AxisState(), area, RectangleEdge.BOTTOM);
    assertFalse(x.isEmpty());
    for (Tick t : x) {
      double value = ((NumberTick) t).getValue();
      assertEquals(Math.rint(value), value, 0, "tick " + t.getText());
      assertTrue(value >= 0 && value <= 100, "tick " + value);
    }
    List<? extends Tick> y = chart.plot().getRangeAxis().refreshTicks(g, new AxisState(), area,
        RectangleEdge.LEFT);
    long labelled = y.stream().filter(t -> t instanceof org.jfree.chart.axis.ValueTick vt
        && vt.getTickType() == org.jfree.chart.axis.TickType.MAJOR).count();
    assertTrue(labelled >= 2 && labelled <= 8, labelled + " labelled ticks on 32 decades");
    g.dispose();
  }
}
