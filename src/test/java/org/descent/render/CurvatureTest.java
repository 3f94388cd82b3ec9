package org.descent.render;

import static org.descent.render.ScalarGridTest.formula;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.descent.function.ViewBox;
import org.junit.jupiter.api.Test;

/** Convexity is read off the Hessian's determinant and trace, pixel by pixel. */
class CurvatureTest {

  @Test
  void theKindFollowsTheSignsOfTheEigenvalues() {
    assertEquals(Curvature.CONVEX, Curvature.kind(2, 0, 1));
    assertEquals(Curvature.SADDLE, Curvature.kind(2, 0, -1));
    assertEquals(Curvature.CONCAVE, Curvature.kind(-2, 0.5, -1));
    assertEquals(Curvature.SADDLE, Curvature.kind(1, 2, 1)); // eigenvalues 3 and -1
    assertEquals(Curvature.UNDEFINED, Curvature.kind(Double.NaN, 0, 1));
  }

  @Test
  void theDoubleWellIsConvexOutsideAndSaddleShapedBetweenItsMinima() {
    // f = x^4/4 - x^2/2 + y^2: f_xx = 3x^2 - 1 < 0 for |x| < 1/sqrt(3), f_yy = 2 > 0
    ViewBox view = new ViewBox(-2, 2, -1, 1);
    int w = 400;
    byte[] kinds = Curvature.classify(formula("x^4/4 - x^2/2 + y^2"), view, w, 1);
    int saddle = 0;
    for (int i = 0; i < w; i++) {
      double x = -2 + (i + 0.5) / w * 4;
      byte expected = Math.abs(x) < 1 / Math.sqrt(3) ? Curvature.SADDLE : Curvature.CONVEX;
      assertEquals(expected, kinds[i], "x = " + x);
      saddle += kinds[i] == Curvature.SADDLE ? 1 : 0;
    }
    // the saddle-shaped strip is 2/sqrt(3) wide of the view's 4: 28.9 % of the pixels
    assertEquals(2 / Math.sqrt(3) / 4, saddle / (double) w, 1.0 / w);
  }

  @Test
  void theOverlayLeavesConvexPartsClearAndDrawsTheBoundary() {
    byte[] kinds = {Curvature.CONVEX, Curvature.CONVEX, Curvature.CONCAVE, Curvature.CONCAVE};
    int[] argb = Curvature.overlay(kinds, 4, 1, 1);
    assertEquals(0, argb[0]);
    assertEquals(0xCC000000, argb[1], "the line where the kind changes");
    assertEquals(0x59E0403A, argb[3], "concave: a red tint");
  }
}
