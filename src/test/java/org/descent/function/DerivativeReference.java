package org.descent.function;

import java.util.function.BiFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/** Exact value, gradient and Hessian from Commons Math, the independent reference. */
final class DerivativeReference {

  private DerivativeReference() {}

  /** [f, fx, fy, fxx, fxy, fyy] of f at (x, y). */
  static double[] jet(BiFunction<DerivativeStructure, DerivativeStructure, DerivativeStructure> f,
      double x, double y) {
    DerivativeStructure dx = new DerivativeStructure(2, 2, 0, x);
    DerivativeStructure dy = new DerivativeStructure(2, 2, 1, y);
    DerivativeStructure r = f.apply(dx, dy);
    return new double[] {r.getValue(), r.getPartialDerivative(1, 0), r.getPartialDerivative(0, 1),
        r.getPartialDerivative(2, 0), r.getPartialDerivative(1, 1), r.getPartialDerivative(0, 2)};
  }

  static DerivativeStructure sigmoid(DerivativeStructure u) {
    return u.negate().exp().add(1).reciprocal();
  }

  static DerivativeStructure softplus(DerivativeStructure u) {
    return u.exp().add(1).log();
  }

  /** Asserts that two jets agree to a relative tolerance. */
  static void assertClose(double[] expected, double[] actual, double tol, String what) {
    String[] names = {"f", "fx", "fy", "fxx", "fxy", "fyy"};
    for (int i = 0; i < 6; i++) {
      double e = expected[i];
      double a = actual[i];
      if (Double.isNaN(e) && Double.isNaN(a)) {
        continue;
      }
      double scale = Math.max(1.0, Math.abs(e));
      if (!(Math.abs(e - a) <= tol * scale)) {
        throw new AssertionError(what + ": " + names[i] + " expected " + e + " but was " + a);
      }
    }
  }
}
