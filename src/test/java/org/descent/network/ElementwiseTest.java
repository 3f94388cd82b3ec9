package org.descent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vectorizable tanh and logistic against the library's, to a few ulp. */
class ElementwiseTest {

  private static double[] samples() {
    SplittableRandom r = new SplittableRandom(1);
    double[] u = new double[200_000];
    double[] scales = {1e-9, 1e-4, 0.01, 0.5, 2, 10, 30, 800};
    for (int i = 0; i < u.length; i++) {
      u[i] = (2 * r.nextDouble() - 1) * scales[i % scales.length];
    }
    u[0] = 0;
    u[1] = -0.0;
    return u;
  }

  @Test
  void tanhIsWithinFourUlpOfMathTanhWithItsSign() {
    double[] u = samples();
    double[] h = new double[u.length];
    Elementwise.tanh(u, h, new double[u.length], u.length);
    for (int i = 0; i < u.length; i++) {
      double ref = Math.tanh(u[i]);
      assertTrue(Math.abs(h[i] - ref) <= 4 * Math.ulp(ref), "tanh(" + u[i] + ") = " + h[i]
          + ", not " + ref);
      assertEquals(Math.signum(ref), Math.signum(h[i]), "the sign of tanh(" + u[i] + ")");
    }
  }

  @Test
  void logisticIsWithinFourUlpOfTheDefinitionOnBothSides() {
    double[] u = samples();
    double[] h = new double[u.length];
    Elementwise.logistic(u, h, new double[u.length], u.length);
    for (int i = 0; i < u.length; i++) {
      double ref = u[i] >= 0 ? 1 / (1 + Math.exp(-u[i])) : Math.exp(u[i]) / (1 + Math.exp(u[i]));
      boolean underflow = u[i] < -708 && h[i] < 1e-307;
      assertTrue(underflow || Math.abs(h[i] - ref) <= 4 * Math.ulp(ref), "σ(" + u[i] + ") = "
          + h[i] + ", not " + ref);
    }
  }

  @Test
  void notANumberStaysNotANumberAndInfinitiesReachTheBounds() {
    double[] u = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] h = new double[3];
    Elementwise.tanh(u, h, new double[3], 3);
    assertTrue(Double.isNaN(h[0]));
    assertEquals(1, h[1]);
    assertEquals(-1, h[2]);
    Elementwise.logistic(u, h, new double[3], 3);
    assertTrue(Double.isNaN(h[0]));
    assertEquals(1, h[1]);
    assertTrue(h[2] < 1e-307);
  }
}
