package org.descent.render;

import static org.descent.render.ScalarGridTest.formula;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.descent.function.ViewBox;
import org.junit.jupiter.api.Test;

class MarchingSquaresTest {

  private static final ViewBox SQUARE = new ViewBox(-2, 2, -2, 2);

  @Test
  void circleEndpointsLieOnTheCircleAndItsLengthIsTwoPiR() {
    ScalarGrid g = ScalarGrid.sample(formula("x^2 + y^2"), SQUARE, 81, 81);
    double r = 1.3;
    double[] s = MarchingSquares.segments(g, r * r);
    assertTrue(s.length > 0);
    double length = 0;
    for (int k = 0; k < s.length; k += 4) {
      assertEquals(r, Math.hypot(s[k], s[k + 1]), 2e-3);
      assertEquals(r, Math.hypot(s[k + 2], s[k + 3]), 2e-3);
      length += Math.hypot(s[k + 2] - s[k], s[k + 3] - s[k + 1]);
    }
    assertEquals(2 * Math.PI * r, length, 0.003 * 2 * Math.PI * r);
  }

  @Test
  void theCircleIsClosedEveryEndpointIsSharedByTwoSegments() {
    ScalarGrid g = ScalarGrid.sample(formula("x^2 + y^2"), SQUARE, 60, 45);
    double[] s = MarchingSquares.segments(g, 1.7);
    Map<String, Integer> ends = new HashMap<>();
    for (int k = 0; k < s.length; k += 2) {
      ends.merge(String.format("%.9f %.9f", s[k], s[k + 1]), 1, Integer::sum);
    }
    ends.forEach((point, n) -> assertEquals(2, n, point));
  }

  @Test
  void saddleContourAtZeroLiesOnTheDiagonals() {
    // x² − y² = 0 is the pair of lines y = ±x
    ScalarGrid g = ScalarGrid.sample(formula("x^2 - y^2"), SQUARE, 40, 37);
    double[] s = MarchingSquares.segments(g, 0);
    double cell = 4.0 / 36;
    int[] quadrants = new int[4];
    for (int k = 0; k < s.length; k += 2) {
      assertEquals(Math.abs(s[k]), Math.abs(s[k + 1]), cell, "(" + s[k] + ", " + s[k + 1] + ")");
      quadrants[(s[k] > 0 ? 0 : 1) + (s[k + 1] > 0 ? 0 : 2)]++;
    }
    for (int q : quadrants) {
      assertTrue(q > 20, "every quadrant has its arm: " + java.util.Arrays.toString(quadrants));
    }
  }

  @Test
  void aSaddleCellIsResolvedByItsCentreValue() {
    // One cell of f = x·y: corners −1 (top left), 1 (top right), −1 (bottom right), 1 (bottom
    // left); the centre is 0. At level 0.5 the high corners are separate hyperbola branches, so
    // the lines cut off the top-right and bottom-left corners; along each edge f is linear, so
    // the crossings are exact.
    ScalarGrid g = ScalarGrid.sample(formula("x*y"), new ViewBox(-1, 1, -1, 1), 2, 2);
    double[] high = MarchingSquares.segments(g, 0.5);
    assertArrayEquals(new double[] {0.5, 1, 1, 0.5, -0.5, -1, -1, -0.5}, high, 1e-15);
    // At level −0.5 the low corners are the separate ones: top left and bottom right.
    double[] low = MarchingSquares.segments(g, -0.5);
    assertArrayEquals(new double[] {-1, 0.5, -0.5, 1, 1, -0.5, 0.5, -1}, low, 1e-15);
  }

  @Test
  void hyperbolaBranchesStayInTheirQuadrantsThroughTheSaddle() {
    // The origin is the centre of a cell (even node counts): the saddle cell must not join
    // the branch in the first quadrant to the one in the third.
    // Both saddle cases are met: x·y puts the high corners top right and bottom left, −x·y
    // top left and bottom right.
    for (double sign : new double[] {1, -1}) {
      ScalarGrid g = ScalarGrid.sample(formula(sign + "*x*y"), SQUARE, 40, 40);
      for (double level : new double[] {0.002, -0.002, 0.05}) {
        double[] s = MarchingSquares.segments(g, level);
        assertTrue(s.length > 0);
        for (int k = 0; k < s.length; k += 4) {
          double mx = (s[k] + s[k + 2]) / 2;
          double my = (s[k + 1] + s[k + 3]) / 2;
          assertEquals(Math.signum(level), Math.signum(sign * mx * my), "segment through "
              + mx + ", " + my + " at level " + level + " of " + sign + "*x*y");
        }
      }
    }
  }

  @Test
  void aLevelOutsideTheValuesGivesNoSegments() {
    ScalarGrid g = ScalarGrid.sample(formula("x^2 + y^2"), SQUARE, 21, 21);
    assertEquals(0, MarchingSquares.segments(g, 9).length);
    assertEquals(0, MarchingSquares.segments(g, -1).length);
    assertEquals(0, MarchingSquares.segments(g, Double.NaN).length);
    assertEquals(0, MarchingSquares.segments(g, Double.POSITIVE_INFINITY).length);
  }

  @Test
  void cellsWithMissingOrInfiniteValuesAreSkipped() {
    // sqrt(x) is NaN left of the y axis; 1/(x - 1) is infinite on x = 1
    ScalarGrid g = ScalarGrid.sample(formula("sqrt(x) + 0*y"), new ViewBox(-1, 1, -1, 1), 41,
        41);
    double[] s = MarchingSquares.segments(g, 0.5);
    assertTrue(s.length > 0);
    for (int k = 0; k < s.length; k += 2) {
      assertEquals(0.25, s[k], 1e-2);
    }
    ScalarGrid inf = ScalarGrid.sample(formula("1/(x - 0.5)"), new ViewBox(-1, 1, -1, 1), 41,
        41);
    double[] t = MarchingSquares.segments(inf, 4);
    for (int k = 0; k < t.length; k += 2) {
      assertEquals(0.75, t[k], 1e-2); // 1/(x − 0.5) = 4 at x = 0.75
    }
    ScalarGrid nothing = ScalarGrid.of(SQUARE, 3, 3, new double[] {Double.NaN, 1, Double.NaN,
        1, Double.NaN, 1, Double.NaN, 1, Double.NaN});
    assertEquals(0, MarchingSquares.segments(nothing, 1).length);
  }

  @Test
  void allLevelsAtOnceGiveTheSameSegmentsAsOneByOne() {
    ScalarGrid g = ScalarGrid.sample(formula("(x^2 + y - 11)^2 + (x + y^2 - 7)^2"),
        new ViewBox(-5, 5, -5, 5), 90, 70);
    ContourLevels levels = ContourLevels.choose(g, 15);
    double[][] all = MarchingSquares.segments(g, levels);
    assertEquals(levels.size(), all.length);
    for (int k = 0; k < all.length; k++) {
      assertArrayEquals(MarchingSquares.segments(g, levels.level(k)), all[k], 0,
          "level " + levels.level(k));
    }
  }
}
