package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.function.Catalogue;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/** The stability analysis against the closed forms and against real traces. */
class QuadraticStabilityTest {

  /** ½(x² + 10y²) turned by 30°: eigenvalues 10 and 1 along rotated axes. */
  static QuadraticModel rotated() {
    double c = Math.cos(Math.PI / 6);
    double s = Math.sin(Math.PI / 6);
    double a = 1 * c * c + 10 * s * s;
    double b = (1 - 10) * c * s;
    double d = 1 * s * s + 10 * c * c;
    return new QuadraticModel(new double[] {a, b, b, d}, new double[] {0.5, -1});
  }

  @Test
  void eigenvaluesBoundAndFactorsAreTheClosedForms() {
    QuadraticStability q = rotated().stability();
    assertArrayEquals(new double[] {10, 1}, q.eigenvalues(), 1e-12);
    assertEquals(0.2, q.maxStableLearningRate(), 1e-14);
    assertEquals(10, q.conditionNumber(), 1e-12);
    assertArrayEquals(new double[] {1 - 0.15 * 10, 1 - 0.15}, q.factors(0.15), 1e-12);
    assertEquals(0.85, q.gradientDescentRate(0.15), 1e-12);
    assertEquals(2 / 11.0, q.optimalLearningRate(), 1e-14);
    assertEquals(9 / 11.0, q.gradientDescentRate(2 / 11.0), 1e-12); // (κ − 1)/(κ + 1)
    assertTrue(q.gradientDescentRate(0.21) > 1);
  }

  @Test
  void theObservedRateOfGradientDescentIsThePredictedOne() {
    QuadraticModel m = rotated();
    QuadraticStability q = m.stability();
    for (double lr : new double[] {0.05, 0.1, 0.15, 0.19}) {
      double observed = m.observedRate(OptimizerSpec.of(OptimizerType.SGD, Param.LR, lr),
          new double[] {2, 1}, 150, 20);
      assertEquals(q.gradientDescentRate(lr), observed, 1e-6, "lr " + lr);
    }
    // Above 2/λmax the distance grows by |1 − ελmax| per step.
    double observed = m.observedRate(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.25),
        new double[] {2, 1}, 60, 10);
    assertEquals(1.5, observed, 1e-6);
  }

  @Test
  void momentumsRateIsTheSpectralRadiusOfItsIterationMatrix() {
    QuadraticModel m = rotated();
    QuadraticStability q = m.stability();
    for (double alpha : new double[] {0, 0.3, 0.6, 0.9}) {
      double lr = 0.05;
      // Closed form of the real-root regime checked independently, and the complex one (√α).
      double expected = 0;
      for (double l : q.eigenvalues()) {
        double b = 1 + alpha - lr * l;
        double disc = b * b - 4 * alpha;
        expected = Math.max(expected, disc < 0 ? Math.sqrt(alpha)
            : (Math.abs(b) + Math.sqrt(disc)) / 2);
      }
      assertEquals(expected, q.momentumRate(lr, alpha), 1e-12);
      // Run until the error is about 1e-10, well above the rounding floor of θ.
      int steps = (int) Math.ceil(Math.log(1e-10) / Math.log(expected));
      double observed = m.observedRate(OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, lr,
          Param.MOMENTUM, alpha), new double[] {2, 1}, steps, steps / 2);
      // Complex roots make the distance oscillate: a window average is within a few 1e-3.
      assertEquals(expected, observed, 5e-3, "alpha " + alpha);
    }
    // α = 0 is gradient descent.
    assertEquals(q.gradientDescentRate(0.05), q.momentumRate(0.05, 0), 1e-12);
  }

  @Test
  void theOptimalMomentumBeatsEveryOtherOnAFineScan() {
    QuadraticStability q = rotated().stability();
    for (double lr : new double[] {0.02, 0.1, 0.3}) {
      double best = q.optimalMomentum(lr);
      double atBest = q.momentumRate(lr, best);
      assertEquals(q.optimalMomentumRate(lr), atBest, 1e-7); // √ of a rounded zero
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i <= 100_000; i++) {
        min = Math.min(min, q.momentumRate(lr, i * 0.99999 / 100_000));
      }
      assertEquals(min, atBest, 1e-4, "lr " + lr);
      assertTrue(atBest <= min + 1e-12);
    }
    // Heavy ball's classic optimum: ε = 4/(√L + √μ)², α = ((√κ − 1)/(√κ + 1))².
    double lr = 4 / Math.pow(Math.sqrt(10) + 1, 2);
    double k = (Math.sqrt(10) - 1) / (Math.sqrt(10) + 1);
    assertEquals(k * k, q.optimalMomentum(lr), 1e-12);
    assertEquals(k, q.optimalMomentumRate(lr), 1e-12);
    // Where ελ ≥ 4 no momentum makes it converge: the closed form does not apply.
    assertTrue(Double.isNaN(q.optimalMomentum(0.4)));
  }

  @Test
  void theLocalModelOfAFunctionIsItsHessianThere() {
    Landscape himmelblau = Catalogue.find("himmelblau").orElseThrow().instantiate();
    FormulaObjective f = himmelblau.formula().objective();
    QuadraticStability at = QuadraticStability.at(f, 3, 2);
    // fxx = 12x² + 4y − 42 = 74, fxy = 4(x + y) = 20, fyy = 4x + 12y² − 26 = 34.
    double mean = 54;
    double r = Math.hypot(20, 20);
    assertArrayEquals(new double[] {mean + r, mean - r}, at.eigenvalues(), 1e-9);
    QuadraticModel model = QuadraticModel.of(f, new double[] {3.1, 2.1});
    assertEquals(3, model.centre()[0], 0.02);
    assertEquals(2, model.centre()[1], 0.02);
    // A saddle has no stable bound from negative curvature alone.
    QuadraticStability saddle = QuadraticStability.at(Catalogue.find("saddle").orElseThrow()
        .instantiate().formula().objective(), 0, 0);
    assertEquals(1.0, saddle.maxStableLearningRate(), 1e-12);
    assertTrue(!saddle.positiveDefinite());
    assertTrue(Double.isNaN(saddle.optimalLearningRate()));
  }

  @Test
  void aLargerModelUsesTheGeneralEigenSolver() {
    double[] h = new double[16];
    for (int i = 0; i < 4; i++) {
      h[i * 4 + i] = i + 1;
    }
    QuadraticStability q = QuadraticStability.ofHessian(h, 4);
    assertArrayEquals(new double[] {4, 3, 2, 1}, q.eigenvalues(), 1e-12);
    assertEquals(0.5, q.maxStableLearningRate(), 1e-12);
  }
}
