package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.descent.function.CriticalPoint;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.scenario.FunctionChoice;
import org.descent.scenario.Scenario;
import org.descent.trace.Race;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;

/** The contour map as a student sees it: drawn headless into an image and looked at. */
class MapPainterTest {

  private static final int W = 700;
  private static final int H = 560;

  private static List<ChartInput> runs(Scenario s, Landscape l) {
    Vec2 start = s.startOn(l);
    List<Trace> traces = Race.run(l.formula().objective(), s.optimizers(),
        new double[] {start.x(), start.y()}, s.steps(), s.noise(), s.seed());
    int[] colours = {0xFF1F77B4, 0xFFFF7F0E, 0xFF2CA02C, 0xFFD62728, 0xFF9467BD};
    List<ChartInput> out = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      out.add(new ChartInput(traces.get(i).label(), colours[i % colours.length],
          traces.get(i)));
    }
    return out;
  }

  private record Drawn(BufferedImage image, MapGeometry geometry, MapPainter painter,
      Landscape landscape, List<ChartInput> runs) {}

  private static Drawn draw(Scenario s, int step, boolean withField) throws Exception {
    Landscape l = s.landscape();
    List<ChartInput> runs = runs(s, l);
    MapGeometry probe = MapGeometry.layout(l.view(), W, H, Look.LIGHT);
    MapField field = withField ? MapField.compute(l.formula().objective(), probe.view(),
        (int) Math.round(probe.width()), (int) Math.round(probe.height()), 1f, false, null, l)
        : null;
    MapScene scene = new MapScene(l, l.view(), field, runs, step, 0, s.startOn(l), false, true,
        null);
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    MapPainter painter = new MapPainter();
    MapGeometry a = painter.paint(g, scene, Look.LIGHT, W, H, painter.java2d);
    g.dispose();
    return new Drawn(img, a, painter, l, runs);
  }

  private static Scenario race(String formula, Vec2 start, int steps, OptimizerSpec... specs) {
    return new Scenario("", "", new FunctionChoice.UserFormula(formula),
        new ViewBox(-3, 3, -2, 2), start, steps, 0, 0, List.of(specs), null);
  }

  @Test
  void ticksNeverLeaveASingleNumberOnAnAxis() {
    assertEquals(List.of(-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0), Ticks.between(-3.4, 3.4, 6));
    assertTrue(Ticks.between(-3.4, 3.4, 3).size() >= 3, Ticks.between(-3.4, 3.4, 3).toString());
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Ticks.between(0, 1, 5));
    assertEquals("0.3", Ticks.label(0.1 + 0.2));
    assertEquals("−2", Ticks.label(-2));
  }

  @Test
  void labelsOfRunsThatLeaveTheViewNeverOverlap() throws Exception {
    // Four learning rates above 2/lambda_max = 0.1 on x^2 + 10 y^2: all leave the view.
    Scenario s = race("x^2 + 10*y^2", new Vec2(-2.5, 1.2), 60,
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.11).withLabel("lr 0.11"),
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.13).withLabel("lr 0.13"),
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.16).withLabel("lr 0.16"),
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.2).withLabel("lr 0.2"));
    Drawn d = draw(s, 60, false);
    List<Rectangle2D> labels = d.painter().lastLabels();
    assertEquals(4, labels.size());
    List<Rectangle2D> markers = new ArrayList<>();
    for (CriticalPoint p : d.landscape().criticalPoints()) {
      double x = d.geometry().toScreenX(p.x());
      double y = d.geometry().toScreenY(p.y());
      markers.add(new Rectangle2D.Double(x - 8, y - 8, 16, 16));
    }
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        assertFalse(labels.get(i).intersects(labels.get(j)), "labels " + i + " and " + j
            + " overlap: " + labels);
      }
      for (Rectangle2D m : markers) {
        assertFalse(labels.get(i).intersects(m), "label " + i + " covers a critical point");
      }
      Rectangle2D plot = new Rectangle2D.Double(d.geometry().left(), d.geometry().top(),
          d.geometry().width(), d.geometry().height());
      assertTrue(plot.contains(labels.get(i)), "label " + i + " leaves the plot");
    }
  }

  @Test
  void theArrowOfARunLeavingTheViewSitsWhereThePathCrossesTheEdge() throws Exception {
    Scenario s = race("x^2 + 10*y^2", new Vec2(-2.5, 1.2), 40,
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.12));
    Drawn d = draw(s, 40, false);
    MapGeometry a = d.geometry();
    Trace t = d.runs().get(0).trace();
    double[] exit = MapPainter.exit(a, t, 40);
    int n = (int) exit[3] - 1; // the last iterate inside
    double x0 = a.toScreenX(t.x(n));
    double y0 = a.toScreenY(t.y(n));
    double x1 = a.toScreenX(t.x(n + 1));
    double y1 = a.toScreenY(t.y(n + 1));
    assertTrue(a.containsScreen(x0, y0));
    assertFalse(a.containsScreen(x1, y1));
    double onEdge = Math.min(Math.min(Math.abs(exit[0] - a.left()), Math.abs(exit[0]
        - a.right())), Math.min(Math.abs(exit[1] - a.top()), Math.abs(exit[1] - a.bottom())));
    assertTrue(onEdge < 0.5, "the arrow is " + onEdge + " px from the edge");
    // on the segment between the two iterates: collinear, and between them
    double cross = (exit[0] - x0) * (y1 - y0) - (exit[1] - y0) * (x1 - x0);
    assertEquals(0, cross / Math.hypot(x1 - x0, y1 - y0), 0.5);
    assertTrue((exit[0] - x0) * (x1 - x0) + (exit[1] - y0) * (y1 - y0) >= 0);
    assertEquals(Math.atan2(y1 - y0, x1 - x0), exit[2], 1e-9);
  }

  @Test
  void globalAndLocalMinimaLookDifferent() throws Exception {
    Scenario s = new Scenario("", "", new FunctionChoice.Named("six-hump-camel"), null, null,
        1, 0, 0, List.of(OptimizerSpec.of(OptimizerType.SGD)), null);
    Drawn d = draw(s, 0, true);
    Landscape l = d.landscape();
    double best = l.bestMinimumValue();
    int global = 0;
    int local = 0;
    for (CriticalPoint p : l.minima()) {
      int rgb = d.image().getRGB((int) Math.round(d.geometry().toScreenX(p.x())),
          (int) Math.round(d.geometry().toScreenY(p.y()))) & 0xFFFFFF;
      if (p.value() <= best + 1e-9) {
        assertEquals(0xFFFFFF, rgb, "a global minimum is a white star");
        global++;
      } else {
        assertEquals(0xB8B8BE, rgb, "a local minimum is a grey star");
        local++;
      }
    }
    assertEquals(2, global);
    assertTrue(local >= 2, local + " local minima");
  }

  @Test
  void aFieldOfAnotherFunctionIsNeverShown() throws Exception {
    Scenario s = race("x^2 + y^2", new Vec2(-2, 1), 10, OptimizerSpec.of(OptimizerType.SGD));
    Landscape l = s.landscape();
    Landscape other = new Scenario("", "", new FunctionChoice.UserFormula("x*y"),
        new ViewBox(-3, 3, -2, 2), new Vec2(0, 0), 10, 0, 0,
        List.of(OptimizerSpec.of(OptimizerType.SGD)), null).landscape();
    MapGeometry a = MapGeometry.layout(l.view(), W, H, Look.LIGHT);
    MapField stale = MapField.compute(other.formula().objective(), a.view(),
        (int) a.width(), (int) a.height(), 1f, false, null, other);
    MapScene scene = new MapScene(l, l.view(), stale, List.of(), 0, 0, null, false, false, null);
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    MapPainter painter = new MapPainter();
    painter.paint(g, scene, Look.LIGHT, W, H, painter.java2d);
    g.dispose();
    // a corner of the plot: the stale field's colour would be there; the plot background is
    int corner = img.getRGB((int) a.left() + 3, (int) a.top() + 3) & 0xFFFFFF;
    assertEquals(Look.LIGHT.plotBackground() & 0xFFFFFF, corner);
  }

  @Test
  void zoomingKeepsTheLandscapesLogarithmicLevels() throws Exception {
    Landscape l = new Scenario("", "", new FunctionChoice.Named("rosenbrock"), null, null, 1,
        0, 0, List.of(OptimizerSpec.of(OptimizerType.SGD)), null).landscape();
    var f = l.formula().objective();
    assertTrue(MapField.logarithmicFor(f, l.view()));
    ViewBox zoomed = new ViewBox(0.95, 1.05, 0.95, 1.05);
    MapField auto = MapField.compute(f, zoomed, 80, 80, 1f, false, null, l);
    MapField kept = MapField.compute(f, zoomed, 80, 80, 1f, false, true, l);
    assertFalse(auto.levels().logarithmic(), "the zoomed range alone asks for linear levels");
    assertTrue(kept.levels().logarithmic());
    assertTrue(kept.levels().size() >= 5, kept.levels().toString());
    assertNotNull(kept.levels());
  }
}
