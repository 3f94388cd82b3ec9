package org.descent.function;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Eigen-decomposition of a symmetric matrix stored row-major in a flat array: closed form for
 * 2×2 ({@link Eigen2}, allocation-free, the landscape's hot path), Commons Math for larger
 * ones. The one decomposition of Descent: the optimizers that need one and the stability
 * analysis read it here.
 */
public final class SymmetricMatrices {

  private SymmetricMatrices() {}

  /**
   * The eigenvalues of the n×n matrix {@code h} made symmetric, (H + Hᵀ)/2, in no particular
   * order; {@code h} is not modified.
   */
  public static double[] eigenvalues(double[] h, int n) {
    double[] values = new double[n];
    if (n == 2) {
      Eigen2 e = Eigen2.of(h[0], 0.5 * (h[1] + h[2]), h[3]);
      values[0] = e.lambda1();
      values[1] = e.lambda2();
    } else {
      eigen(h, n, values, new double[n * n]);
    }
    return values;
  }

  /**
   * Writes the eigenvalues of the symmetric n×n matrix {@code h} into {@code values} and the
   * unit eigenvectors into the columns of {@code vectors} (row-major n×n).
   */
  public static void eigen(double[] h, int n, double[] values, double[] vectors) {
    if (n == 1) {
      values[0] = h[0];
      vectors[0] = 1;
      return;
    }
    if (n == 2) {
      eigen2(h[0], h[1], h[3], values, vectors);
      return;
    }
    RealMatrix m = new Array2DRowRealMatrix(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m.setEntry(i, j, 0.5 * (h[i * n + j] + h[j * n + i]));
      }
    }
    EigenDecomposition e = new EigenDecomposition(m);
    for (int k = 0; k < n; k++) {
      values[k] = e.getRealEigenvalue(k);
      for (int i = 0; i < n; i++) {
        vectors[i * n + k] = e.getEigenvector(k).getEntry(i);
      }
    }
  }

  /**
   * Eigen-decomposition of [[a, b], [b, c]]: the larger eigenvalue first, its unit eigenvector in
   * the first column.
   */
  private static void eigen2(double a, double b, double c, double[] values, double[] vectors) {
    Eigen2 e = Eigen2.of(a, b, c);
    values[0] = e.lambda1();
    values[1] = e.lambda2();
    vectors[0] = e.v1x();
    vectors[2] = e.v1y();
    vectors[1] = e.v2x();
    vectors[3] = e.v2y();
  }
}
