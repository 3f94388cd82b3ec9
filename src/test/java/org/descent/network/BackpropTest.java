package org.descent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Backprop and the R-operator against finite differences: the gradient for every activation
 * with and without batch normalization, Hessian-vector products against differences of the
 * gradient, and the exact Hessian against its own columns.
 */
class BackpropTest {

  static Stream<Arguments> networks() {
    return Stream.of(Activation.values()).flatMap(a -> Stream.of(
        Arguments.of(a, false), Arguments.of(a, true)));
  }

  private static NetworkObjective objective(Activation act, boolean bn, int samples) {
    Architecture a = new Architecture(3, List.of(5, 4), 3, act, bn);
    return new NetworkObjective(a, TestNets.data(samples, 3, 3, 7));
  }

  @ParameterizedTest(name = "{0}, batch norm {1}")
  @MethodSource("networks")
  void backpropMatchesCentralDifferencesToOneInAMillion(Activation act, boolean bn) {
    NetworkObjective f = objective(act, bn, 20);
    double[] theta = TestNets.theta(f.architecture(), 0.7, 3);
    GradientCheck.Result r = GradientCheck.run(f, theta);
    System.out.println("gradcheck " + act + " bn " + bn + ": " + r.maxRelativeError());
    assertTrue(r.maxRelativeError() < 1e-6, act + " bn " + bn + ": " + r + " at "
        + f.layout().describe(r.worst()));
  }

  @ParameterizedTest(name = "{0}, batch norm {1}")
  @MethodSource("networks")
  void hessianVectorProductsMatchDifferencesOfTheGradient(Activation act, boolean bn) {
    NetworkObjective f = objective(act, bn, 20);
    double[] theta = TestNets.theta(f.architecture(), 0.7, 4);
    int n = theta.length;
    SplittableRandom r = new SplittableRandom(5);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    double[] hv = new double[n];
    double loss = f.hessianVectorProduct(theta, v, hv);
    assertEquals(f.value(theta), loss, 1e-15);
    double h = 1e-5;
    double[] plus = new double[n];
    double[] minus = new double[n];
    double[] tp = theta.clone();
    double[] tm = theta.clone();
    for (int i = 0; i < n; i++) {
      tp[i] += h * v[i];
      tm[i] -= h * v[i];
    }
    f.valueAndGradient(tp, plus);
    f.valueAndGradient(tm, minus);
    double err = 0;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      double fd = (plus[i] - minus[i]) / (2 * h);
      err = Math.max(err, Math.abs(fd - hv[i]));
      scale = Math.max(scale, Math.abs(hv[i]));
    }
    assertTrue(scale > 1e-3, "a non-trivial product");
    assertTrue(err / scale < 1e-5, act + " bn " + bn + ": relative error " + err / scale);
  }

  @ParameterizedTest(name = "{0}, batch norm {1}")
  @MethodSource("networks")
  void theExactHessianIsSymmetricAndItsColumnsAreHessianVectorProducts(Activation act,
      boolean bn) {
    NetworkObjective f = objective(act, bn, 12);
    double[] theta = TestNets.theta(f.architecture(), 0.7, 6);
    int n = theta.length;
    assertTrue(f.hasHessian());
    double[] hess = new double[n * n];
    double[] g = new double[n];
    f.valueGradientHessian(theta, g, hess);
    double[] g2 = new double[n];
    f.valueAndGradient(theta, g2);
    assertArrayEqualsWithin(g2, g, 1e-15);
    double[] e = new double[n];
    double[] col = new double[n];
    double worstAsymmetry = 0;
    double norm = 0;
    double worstColumn = 0;
    for (int i = 0; i < n; i++) {
      e[i] = 1;
      f.hessianVectorProduct(theta, e, col);
      e[i] = 0;
      for (int r = 0; r < n; r++) {
        norm = Math.max(norm, Math.abs(col[r]));
        worstColumn = Math.max(worstColumn, Math.abs(col[r] - hess[r * n + i]));
      }
      // H e_i against the i-th row of the raw products: symmetry before symmetrizing
      for (int r = 0; r < i; r++) {
        e[r] = 1;
        double[] other = new double[n];
        f.hessianVectorProduct(theta, e, other);
        e[r] = 0;
        worstAsymmetry = Math.max(worstAsymmetry, Math.abs(other[i] - col[r]));
      }
    }
    assertTrue(worstAsymmetry / norm < 1e-12, "asymmetry " + worstAsymmetry / norm);
    assertTrue(worstColumn / norm < 1e-12, "column mismatch " + worstColumn / norm);
  }

  @Test
  void theHessianIsRefusedAbove500ParametersButProductsWork() {
    Architecture a = new Architecture(2, List.of(30, 30), 2, Activation.TANH, false);
    NetworkObjective f = new NetworkObjective(a, TestNets.data(10, 2, 2, 1));
    assertTrue(a.parameterCount() > 500);
    assertFalse(f.hasHessian());
    int n = a.parameterCount();
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> f.valueGradientHessian(new double[n], new double[n], new double[n * n]));
    assertEquals("the Hessian of a network is built up to 500 parameters; this one has 1,082",
        e.getMessage());
    double[] hv = new double[n];
    f.hessianVectorProduct(TestNets.theta(a, 0.3, 1), TestNets.theta(a, 1, 2), hv);
    assertTrue(org.descent.optim.Vectors.allFinite(hv));
  }

  @Test
  void chunkedPassesEqualOnePass() {
    // 2,500 samples are three chunks without batch norm: the same mean loss and gradient as
    // the sum of per-sample terms
    Architecture a = new Architecture(4, List.of(6), 3, Activation.TANH, false);
    Dataset big = TestNets.data(2500, 4, 3, 9);
    NetworkObjective f = new NetworkObjective(a, big);
    double[] theta = TestNets.theta(a, 0.5, 1);
    double[] g = new double[theta.length];
    double loss = f.valueAndGradient(theta, g);
    double sum = 0;
    double[] gs = new double[theta.length];
    double[] gi = new double[theta.length];
    for (int i = 0; i < big.size(); i++) {
      f.setBatch(new int[] {i}, 0, 1);
      sum += f.valueAndGradient(theta, gi);
      for (int k = 0; k < gi.length; k++) {
        gs[k] += gi[k];
      }
    }
    assertEquals(sum / big.size(), loss, 1e-12);
    for (int k = 0; k < gs.length; k++) {
      assertEquals(gs[k] / big.size(), g[k], 1e-12);
    }
  }

  private static void assertArrayEqualsWithin(double[] a, double[] b, double tol) {
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], tol * Math.max(1, Math.abs(a[i])), "entry " + i);
    }
  }
}
