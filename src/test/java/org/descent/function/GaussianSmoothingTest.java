package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Blurring a function: checked against closed forms of Gaussian expectations. */
class GaussianSmoothingTest {

  private static FormulaObjective formula(String text) throws FormulaException {
    return Formula.parse(text).objective();
  }

  @Test
  void theQuadratureIntegratesTheGaussianMoments() {
    double[] t = new double[GaussianSmoothing.NODES];
    double[] w = new double[GaussianSmoothing.NODES];
    GaussianSmoothing.hermiteRule(GaussianSmoothing.NODES, t, w);
    double w0 = 0;
    double w2 = 0;
    double w4 = 0;
    for (int i = 0; i < t.length; i++) {
      w0 += w[i];
      w2 += w[i] * t[i] * t[i];
      w4 += w[i] * Math.pow(t[i], 4);
    }
    // ∫ e^(−t²) dt = √π, ∫ t² e^(−t²) dt = √π / 2, ∫ t⁴ e^(−t²) dt = 3√π / 4
    assertEquals(Math.sqrt(Math.PI), w0, 1e-13);
    assertEquals(Math.sqrt(Math.PI) / 2, w2, 1e-13);
    assertEquals(3 * Math.sqrt(Math.PI) / 4, w4, 1e-13);
  }

  @Test
  void aBlurredQuadraticGainsSigmaSquaredAndKeepsItsShape() throws Exception {
    // E[(x + σz)² + 3(y + σz')²] = x² + 3y² + 4σ²; the gradient and Hessian are unchanged
    GaussianSmoothing s = new GaussianSmoothing(formula("x^2 + 3*y^2"), 0.7);
    double[] j = new double[6];
    s.jet(0.4, -1.2, j);
    assertEquals(0.16 + 3 * 1.44 + 4 * 0.49, j[0], 1e-12);
    assertEquals(0.8, j[1], 1e-12);
    assertEquals(-7.2, j[2], 1e-12);
    assertEquals(2, j[3], 1e-12);
    assertEquals(0, j[4], 1e-12);
    assertEquals(6, j[5], 1e-12);
  }

  @Test
  void blurredRastriginMatchesItsClosedForm() throws Exception {
    // E[cos(2π(x + σz))] = e^(−2π²σ²) cos(2πx): the ripples fade, the bowl stays.
    String rastrigin = "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)";
    double sigma = 0.3;
    GaussianSmoothing s = new GaussianSmoothing(formula(rastrigin), sigma);
    double damp = Math.exp(-2 * Math.PI * Math.PI * sigma * sigma);
    double[] j = new double[6];
    for (double x = -3; x <= 3; x += 0.7) {
      for (double y = -2.5; y <= 2.5; y += 0.9) {
        s.jet(x, y, j);
        double expected = 20 + x * x + y * y + 2 * sigma * sigma
            - 10 * damp * (Math.cos(2 * Math.PI * x) + Math.cos(2 * Math.PI * y));
        assertEquals(expected, j[0], 1e-7, "at " + x + ", " + y);
        double dx = 2 * x + 10 * damp * 2 * Math.PI * Math.sin(2 * Math.PI * x);
        assertEquals(dx, j[1], 1e-6);
      }
    }
  }

  @Test
  void aWideBlurLeavesRastriginWithOneMinimum() throws Exception {
    // With σ = 0.6 the ripples are damped by e^(−2π²·0.36) = 0.00082: f_xx = 2 + 0.00082·40π²
    // cos(2πx) ≥ 2 − 0.32 > 0 everywhere, so the blurred function is convex, one minimum.
    GaussianSmoothing s = new GaussianSmoothing(formula(
        "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)"), 0.6);
    double[] j = new double[6];
    for (double x = -4; x <= 4; x += 0.05) {
      s.jet(x, 0.37, j);
      assertTrue(j[3] > 0, "convex along x at " + x + ": " + j[3]);
    }
  }
}
