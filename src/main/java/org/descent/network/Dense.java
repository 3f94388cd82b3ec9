package org.descent.network;

import java.util.Arrays;

/**
 * The kernels of a dense layer z = W x + b over a batch, llm.c style: plain functions over flat
 * parameters and per-unit rows. A batch is held unit-major: row k of {@code x} holds input k for
 * every sample of the batch, so that every inner loop runs over the batch (hundreds long, and
 * each row a separate array indexed from 0, which is what lets C2 vectorize it) rather than
 * over a layer's few units. W is read from θ at {@code w} as units × inputs, row-major.
 *
 * <p>Array arguments: rows named {@code x}, {@code dz} and parameter arrays are read; outputs
 * are overwritten or, where the name says so ("add..."), accumulated into.
 */
final class Dense {

  private Dense() {}

  /**
   * z = W x + b.
   *
   * @param z overwritten, nOut rows
   * @param b offset of the bias in θ, or −1 for none
   */
  static void forward(double[][] z, double[][] x, double[] theta, int w, int b, int nIn,
      int nOut, int m) {
    for (int j = 0; j < nOut; j++) {
      Arrays.fill(z[j], 0, m, b < 0 ? 0 : theta[b + j]);
      addCombination(z[j], x, theta, w + j * nIn, 1, nIn, m);
    }
  }

  /**
   * R{z} = W R{x} + V_W x + V_b (Pearlmutter's R-operator: the directional derivative along
   * the parameter direction v).
   *
   * @param rx R{x}, or null where the input does not depend on θ (the first layer)
   * @param rz overwritten
   */
  static void rForward(double[][] rz, double[][] x, double[][] rx, double[] theta, double[] v,
      int w, int b, int nIn, int nOut, int m) {
    for (int j = 0; j < nOut; j++) {
      Arrays.fill(rz[j], 0, m, b < 0 ? 0 : v[b + j]);
      addCombination(rz[j], x, v, w + j * nIn, 1, nIn, m);
      if (rx != null) {
        addCombination(rz[j], rx, theta, w + j * nIn, 1, nIn, m);
      }
    }
  }

  /**
   * dx = Wᵀ dz.
   *
   * @param dx overwritten, nIn rows
   */
  static void inputGradient(double[][] dx, double[][] dz, double[] theta, int w, int nIn,
      int nOut, int m) {
    for (int k = 0; k < nIn; k++) {
      Arrays.fill(dx[k], 0, m, 0);
      addCombination(dx[k], dz, theta, w + k, nIn, nOut, m);
    }
  }

  /**
   * R{dx} = Wᵀ R{dz} + V_Wᵀ dz.
   *
   * @param rdx overwritten
   */
  static void rInputGradient(double[][] rdx, double[][] rdz, double[][] dz, double[] theta,
      double[] v, int w, int nIn, int nOut, int m) {
    for (int k = 0; k < nIn; k++) {
      Arrays.fill(rdx[k], 0, m, 0);
      addCombination(rdx[k], rdz, theta, w + k, nIn, nOut, m);
      addCombination(rdx[k], dz, v, w + k, nIn, nOut, m);
    }
  }

  /**
   * dW += dz xᵀ and db += Σ dz over the batch.
   *
   * @param grad accumulated into, in θ's layout
   */
  static void addParameterGradient(double[] grad, double[][] dz, double[][] x, int w, int b,
      int nIn, int nOut, int m) {
    addOuter(grad, w, nIn, dz, nOut, x, m);
    if (b >= 0) {
      for (int j = 0; j < nOut; j++) {
        grad[b + j] += sum(dz[j], m);
      }
    }
  }

  /** out += Σ_t c[off + t·stride] rows[t], four rows per pass over out. */
  static void addCombination(double[] out, double[][] rows, double[] c, int off, int stride,
      int count, int m) {
    int t = 0;
    for (; t + 3 < count; t += 4) {
      double c0 = c[off + t * stride];
      double c1 = c[off + (t + 1) * stride];
      double c2 = c[off + (t + 2) * stride];
      double c3 = c[off + (t + 3) * stride];
      double[] r0 = rows[t];
      double[] r1 = rows[t + 1];
      double[] r2 = rows[t + 2];
      double[] r3 = rows[t + 3];
      for (int i = 0; i < m; i++) {
        out[i] += c0 * r0[i] + c1 * r1[i] + c2 * r2[i] + c3 * r3[i];
      }
    }
    for (; t < count; t++) {
      double c0 = c[off + t * stride];
      double[] r0 = rows[t];
      for (int i = 0; i < m; i++) {
        out[i] += c0 * r0[i];
      }
    }
  }

  /**
   * g[off + j·nIn + k] += Σ_i a[j][i] b[k][i]: dot products over the batch, two rows of a by
   * four of b at a time so that eight independent sums keep the floating-point units busy (C2
   * does not vectorize a reduction). Every entry is one sum in the order of i, whichever block
   * it falls in.
   */
  static void addOuter(double[] g, int off, int nIn, double[][] a, int nOut, double[][] b,
      int m) {
    int j = 0;
    for (; j + 1 < nOut; j += 2) {
      double[] a0 = a[j];
      double[] a1 = a[j + 1];
      int r0 = off + j * nIn;
      int r1 = r0 + nIn;
      int k = 0;
      for (; k + 3 < nIn; k += 4) {
        double[] b0 = b[k];
        double[] b1 = b[k + 1];
        double[] b2 = b[k + 2];
        double[] b3 = b[k + 3];
        double s00 = 0;
        double s01 = 0;
        double s02 = 0;
        double s03 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        for (int i = 0; i < m; i++) {
          double x0 = b0[i];
          double x1 = b1[i];
          double x2 = b2[i];
          double x3 = b3[i];
          double d0 = a0[i];
          double d1 = a1[i];
          s00 += d0 * x0;
          s01 += d0 * x1;
          s02 += d0 * x2;
          s03 += d0 * x3;
          s10 += d1 * x0;
          s11 += d1 * x1;
          s12 += d1 * x2;
          s13 += d1 * x3;
        }
        g[r0 + k] += s00;
        g[r0 + k + 1] += s01;
        g[r0 + k + 2] += s02;
        g[r0 + k + 3] += s03;
        g[r1 + k] += s10;
        g[r1 + k + 1] += s11;
        g[r1 + k + 2] += s12;
        g[r1 + k + 3] += s13;
      }
      for (; k < nIn; k++) {
        double[] b0 = b[k];
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < m; i++) {
          s0 += a0[i] * b0[i];
          s1 += a1[i] * b0[i];
        }
        g[r0 + k] += s0;
        g[r1 + k] += s1;
      }
    }
    for (; j < nOut; j++) {
      // the last row of an odd count: sums in the same order as the rows above, so that
      // identical units (zero initialization) get bitwise identical gradients
      double[] a0 = a[j];
      int r0 = off + j * nIn;
      for (int k = 0; k < nIn; k++) {
        double[] b0 = b[k];
        double s0 = 0;
        for (int i = 0; i < m; i++) {
          s0 += a0[i] * b0[i];
        }
        g[r0 + k] += s0;
      }
    }
  }

  /** Σ_i a[i] b[i], four partial sums. */
  static double dot(double[] a, double[] b, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < m; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Σ_i a[i], four partial sums. */
  static double sum(double[] a, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
    for (; i < m; i++) {
      s0 += a[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
