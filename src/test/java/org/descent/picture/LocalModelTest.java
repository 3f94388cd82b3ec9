package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.descent.function.Formula;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.trace.Race;
import org.descent.scenario.FunctionChoice;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;

/** The local quadratic model and its Newton step, against closed forms and Taylor's theorem. */
class LocalModelTest {

  private static FormulaObjective objective(String text) throws Exception {
    return Formula.parse(text).objective();
  }

  @Test
  void onAQuadraticNewtonJumpsToTheMinimumInOneStep() throws Exception {
    // f = (x - 1)² + 3(y + 2)² + xy has ∇f = 0 where 2x + y = 2 and x + 6y = -12, solved by
    // hand: x = 24/11, y = -26/11.
    FormulaObjective f = objective("(x - 1)^2 + 3*(y + 2)^2 + x*y");
    LocalModel.Model m = LocalModel.Model.at(f, -3, 4);
    double[] n = m.newton();
    assertEquals(24.0 / 11, n[0], 1e-12);
    assertEquals(-26.0 / 11, n[1], 1e-12);
    assertTrue(m.positiveDefinite());
    // The model of a quadratic is the quadratic itself.
    double[] j = new double[6];
    f.jet(0.7, -0.2, j);
    assertEquals(j[0], m.value(0.7, -0.2), 1e-12);
  }

  @Test
  void atASaddleShapedPointNewtonHeadsForTheSaddle() throws Exception {
    LocalModel.Model m = LocalModel.Model.at(objective("x^2 - y^2"), 0.5, 0.3);
    double[] n = m.newton();
    assertEquals(0, n[0], 1e-12);
    assertEquals(0, n[1], 1e-12);
    assertFalse(m.positiveDefinite());
  }

  @Test
  void theNewtonPointIsNamedByWhatTheModelDoesAroundIt() throws Exception {
    for (String text : List.of("(x - 1)^2 + 3*(y + 2)^2 + x*y", "-(x^2) - 2*y^2 + x*y",
        "x^2 - y^2", "-(x^2) + y^2 + 3*x*y", "3 - (x - 0.5)^2 - (y + 1)^2")) {
      LocalModel.Model m = LocalModel.Model.at(objective(text), 0.7, -0.4);
      double[] n = m.newton();
      // The reference: the model on a small circle around its Newton point.
      boolean above = false;
      boolean below = false;
      for (int k = 0; k < 36; k++) {
        double t = 2 * Math.PI * k / 36;
        double v = m.value(n[0] + 0.01 * Math.cos(t), n[1] + 0.01 * Math.sin(t));
        above |= v > m.value(n[0], n[1]);
        below |= v < m.value(n[0], n[1]);
      }
      String expected = above && below ? "saddle" : above ? "minimum" : "maximum";
      assertEquals(expected, m.kind(), text);
    }
  }

  @Test
  void whereTheHessianIsSingularThereIsNoNewtonStep() throws Exception {
    assertNull(LocalModel.Model.at(objective("x^2 + 0*y"), 1, 1).newton());
  }

  @Test
  void theModelsErrorShrinksLikeTheCubeOfTheDistance() throws Exception {
    FormulaObjective f = objective("(1 - x)^2 + 100*(y - x^2)^2");
    LocalModel.Model m = LocalModel.Model.at(f, -1.2, 1);
    double[] j = new double[6];
    double previous = Double.NaN;
    for (double h = 0.04; h > 0.004; h /= 2) {
      double x = -1.2 + h;
      double y = 1 - 0.6 * h;
      f.jet(x, y, j);
      double error = Math.abs(j[0] - m.value(x, y));
      if (!Double.isNaN(previous)) {
        assertEquals(8, previous / error, 1.0, "halving the distance divides the error by 8");
      }
      previous = error;
    }
  }

  @Test
  void theInspectedRunGetsItsNewtonArrowOnTheMap() throws Exception {
    Landscape l = new FunctionChoice.UserFormula("(x - 1)^2 + 3*(y + 2)^2 + x*y")
        .resolve(new ViewBox(-5, 5, -5, 5));
    Trace t = Race.run(l.formula().objective(),
        List.of(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.01)), new double[] {-3, 4}, 1,
        0, 0).get(0);
    List<ChartInput> runs = List.of(new ChartInput("gd", 0xFF1F77B4, t));
    int with = newtonPixels(l, runs, new MapScene.Inspection(0, true));
    int without = newtonPixels(l, runs, null);
    assertEquals(0, without);
    assertTrue(with > 200, "the Newton arrow and its label are drawn: " + with);
  }

  private static int newtonPixels(Landscape l, List<ChartInput> runs,
      MapScene.Inspection inspection) {
    int w = 700;
    int h = 560;
    MapScene scene = new MapScene(l, l.view(), null, runs, 0, 0, new Vec2(-3, 4), false, false,
        null, inspection);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    MapPainter painter = new MapPainter();
    painter.paint(g, scene, Look.LIGHT, w, h, painter.java2d);
    g.dispose();
    int target = LocalModel.NEWTON_COLOUR.getRGB() & 0xFFFFFF;
    int count = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = img.getRGB(x, y) & 0xFFFFFF;
        int dr = Math.abs(((c >> 16) & 255) - ((target >> 16) & 255));
        int dg = Math.abs(((c >> 8) & 255) - ((target >> 8) & 255));
        int db = Math.abs((c & 255) - (target & 255));
        if (dr + dg + db < 30) {
          count++;
        }
      }
    }
    return count;
  }
}
