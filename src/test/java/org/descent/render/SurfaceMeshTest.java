package org.descent.render;

import static org.descent.render.ScalarGridTest.formula;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.function.ViewBox;
import org.junit.jupiter.api.Test;

class SurfaceMeshTest {

  private static final ViewBox VIEW = new ViewBox(-1, 3, -2, 2);

  @Test
  void nodeHeightsAreTheValuesOnTheSurfaceScale() {
    ScalarGrid g = ScalarGrid.sample(formula("(1 - x)^2 + 100*(y - x^2)^2"), VIEW, 30, 20);
    ContourLevels levels = ContourLevels.choose(g, 15);
    SurfaceMesh mesh = SurfaceMesh.of(g, levels, ColorMap.viridis());
    for (int j = 0; j < 20; j += 3) {
      for (int i = 0; i < 30; i += 3) {
        assertEquals(levels.surfaceHeight(g.value(i, j)), mesh.nodeHeight(i, j), 1e-6);
      }
    }
  }

  @Test
  void aLogScaledBowlGetsAFloorNotAFunnel() {
    ScalarGrid g = ScalarGrid.sample(formula("(1 - x)^2 + 100*(y - x^2)^2"), VIEW, 30, 20);
    ContourLevels levels = ContourLevels.choose(g, 15);
    assertTrue(levels.logarithmic());
    double range = levels.max() - levels.min();
    double low = levels.min() + range / 50;
    // a fiftieth of the range up is log10(2) / log10(51) = 0.18 of the box, where the colour
    // scale (started much lower) is already half way up
    assertEquals(Math.log10(2) / Math.log10(51), levels.surfaceHeight(low), 1e-9);
    assertTrue(levels.fraction(low) > 0.4, "colour fraction " + levels.fraction(low));
    double previous = -1;
    for (int k = 0; k <= 100; k++) {
      double h = levels.surfaceHeight(levels.min() + range * k / 100.0);
      assertTrue(h > previous || k == 0 && h == 0, "increasing: " + h);
      previous = h;
    }
    assertEquals(1, previous, 1e-12);
  }

  @Test
  void heightOfAPlaneIsExactEverywhereInTheView() {
    // A plane is linear on every triangle, so the interpolated height is its exact fraction.
    ScalarGrid g = ScalarGrid.sample(formula("x + 2*y"), VIEW, 9, 7);
    ContourLevels levels = ContourLevels.choose(g, 10);
    SurfaceMesh mesh = SurfaceMesh.of(g, levels, ColorMap.viridis());
    java.util.Random random = new java.util.Random(1);
    for (int k = 0; k < 1000; k++) {
      double x = -1 + 4 * random.nextDouble();
      double y = -2 + 4 * random.nextDouble();
      assertEquals(levels.fraction(x + 2 * y), mesh.height(x, y), 1e-6);
    }
    assertEquals(levels.fraction(3 + 4), mesh.height(3, 2), 1e-6);
  }

  @Test
  void heightFollowsTheTrianglesTheRendererDraws() {
    // One cell with only its top-right corner raised: the cells are split along the diagonal
    // from top left to bottom right, which stays at height 0, so the centre is at 0 (the other
    // diagonal would give 1/2).
    ScalarGrid g = ScalarGrid.of(new ViewBox(0, 1, 0, 1), 2, 2, new double[] {0, 1, 0, 0});
    SurfaceMesh mesh = SurfaceMesh.of(g, new ContourLevels(new double[] {0.5}, false, 0, 1),
        ColorMap.viridis());
    assertEquals(0, mesh.height(0.5, 0.5), 1e-12);
    assertEquals(0.5, mesh.height(0.75, 0.75), 1e-12); // halfway to the top-right corner
    assertEquals(1, mesh.height(1, 1), 1e-12);
    assertTrue(Double.isNaN(mesh.height(1.01, 0.5)), "outside the view");
  }

  @Test
  void sampledMeshAveragesEachCellOnTheColourScale() {
    // f = x², linear scale on [0, 1]: the node at x = 0 averages the 4 × 4 samples at offsets
    // ±dx/8 and ±3dx/8, whose mean square is (1 + 9)/128 · dx².
    ViewBox view = new ViewBox(-1, 1, -1, 1);
    ContourLevels levels = new ContourLevels(new double[] {0.5}, false, 0, 1);
    SurfaceMesh mesh = SurfaceMesh.sample(formula("x^2 + 0*y"), view, 11, 11, levels,
        ColorMap.viridis());
    double dx = 0.2;
    assertEquals(10.0 / 128 * dx * dx, mesh.nodeHeight(5, 5), 1e-7);
    // a plane is its own average in the interior
    SurfaceMesh plane = SurfaceMesh.sample(formula("0.25*(x + 2) + 0*y"), view, 11, 11,
        levels, ColorMap.viridis());
    assertEquals(0.25 * (0.4 + 2), plane.nodeHeight(7, 3), 1e-7);
  }

  @Test
  void aNodeMostlyWithoutValuesHasNoHeight() {
    ViewBox view = new ViewBox(-1, 1, -1, 1);
    ContourLevels levels = new ContourLevels(new double[] {0.5}, false, 0, 1);
    SurfaceMesh mesh = SurfaceMesh.sample(formula("sqrt(x) + 0*y"), view, 11, 11, levels,
        ColorMap.viridis());
    assertTrue(Double.isNaN(mesh.nodeHeight(2, 5)));
    assertTrue(Double.isNaN(mesh.height(-0.5, 0)));
    assertEquals(Math.sqrt(0.6), mesh.nodeHeight(8, 5), 0.01);
  }
}
