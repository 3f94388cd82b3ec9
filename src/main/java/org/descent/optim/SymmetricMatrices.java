package org.descent.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.descent.function.Eigen2;

/**
 * Eigen-decomposition of a symmetric matrix stored row-major in a flat array: closed form for
 * 2×2 (allocation-free, the landscape's hot path), Commons Math for larger ones.
 */
final class SymmetricMatrices {

  private SymmetricMatrices() {}

  /**
   * Writes the eigenvalues of the symmetric n×n matrix {@code h} into {@code values} and the
   * unit eigenvectors into the columns of {@code vectors} (row-major n×n).
   */
  static void eigen(double[] h, int n, double[] values, double[] vectors) {
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
  static void eigen2(double a, double b, double c, double[] values, double[] vectors) {
    Eigen2 e = Eigen2.of(a, b, c);
    values[0] = e.lambda1();
    values[1] = e.lambda2();
    vectors[0] = e.v1x();
    vectors[2] = e.v1y();
    vectors[1] = e.v2x();
    vectors[3] = e.v2y();
  }
}
