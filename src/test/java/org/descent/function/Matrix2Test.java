package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Matrix2Test {

  @Test
  void theInverseTimesTheMatrixIsTheIdentity() {
    double[] m = {2, 1, -3, 4};
    double[] inv = Matrix2.inverse(m);
    assertEquals(1, m[0] * inv[0] + m[1] * inv[2], 1e-15);
    assertEquals(0, m[0] * inv[1] + m[1] * inv[3], 1e-15);
    assertEquals(0, m[2] * inv[0] + m[3] * inv[2], 1e-15);
    assertEquals(1, m[2] * inv[1] + m[3] * inv[3], 1e-15);
    assertArrayEquals(new double[] {2, 1, -3, 4}, m, "the argument is left alone");
  }

  @Test
  void aSingularMatrixHasNoInverse() {
    assertNull(Matrix2.inverse(new double[] {1, 2, 2, 4}));
  }

  @Test
  void theInverseHessianOfAQuadraticIsItsConstantInverse() throws FormulaException {
    Objective f = Formula.parse("0.5*(4*x^2 + y^2) + x*y", Map.of()).objective();
    // H = [[4, 1], [1, 1]], det 3
    assertArrayEquals(new double[] {1 / 3.0, -1 / 3.0, -1 / 3.0, 4 / 3.0},
        Matrix2.inverseHessian(f, new double[] {0.3, -2}), 1e-12);
    assertNull(Matrix2.inverseHessian(Formula.parse("x^2", Map.of()).objective(),
        new double[] {1, 1}));
  }
}
