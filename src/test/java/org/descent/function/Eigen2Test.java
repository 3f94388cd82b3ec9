package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class Eigen2Test {

  @Test
  void agreesWithCommonsMathOnRandomSymmetricMatrices() {
    Random r = new Random(3);
    for (int k = 0; k < 500; k++) {
      double a = r.nextGaussian() * 10;
      double b = r.nextGaussian() * 10;
      double c = r.nextGaussian() * 10;
      Eigen2 e = Eigen2.of(a, b, c);
      EigenDecomposition ref = new EigenDecomposition(
          new Array2DRowRealMatrix(new double[][] {{a, b}, {b, c}}));
      double[] values = ref.getRealEigenvalues();
      java.util.Arrays.sort(values);
      assertEquals(values[1], e.lambda1(), 1e-10);
      assertEquals(values[0], e.lambda2(), 1e-10);
      // A v = λ v for both eigenvectors, and they are unit and orthogonal.
      assertEquals(e.lambda1() * e.v1x(), a * e.v1x() + b * e.v1y(), 1e-9);
      assertEquals(e.lambda1() * e.v1y(), b * e.v1x() + c * e.v1y(), 1e-9);
      assertEquals(e.lambda2() * e.v2x(), a * e.v2x() + b * e.v2y(), 1e-9);
      assertEquals(1, Math.hypot(e.v1x(), e.v1y()), 1e-12);
      assertEquals(0, e.v1x() * e.v2x() + e.v1y() * e.v2y(), 1e-12);
    }
  }

  @Test
  void rosenbrockAtTheClassicStartHasThePublishedEigenvalues() {
    Eigen2 e = Eigen2.of(1330, 480, 200);
    assertEquals(1506.367, e.lambda1(), 1e-3);
    assertEquals(23.633, e.lambda2(), 1e-3);
    assertEquals(1506.367 / 23.633, e.conditionNumber(), 0.01);
  }

  @Test
  void conditionNumberIsInfiniteForASingularMatrix() {
    assertEquals(Double.POSITIVE_INFINITY, Eigen2.of(1, 0, 0).conditionNumber());
    assertEquals(1.0, Eigen2.of(2, 0, -2).conditionNumber());
  }
}
