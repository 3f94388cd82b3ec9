package org.descent.network;

/**
 * The output: softmax over the logits and the cross-entropy with the labels,
 * ℓ_i = log Σ_c e^(z_ci) − z_(y_i)i, computed with the largest logit subtracted so that no
 * exponential overflows. The loss of a batch is the mean of ℓ_i (the callers divide).
 *
 * <p>Array arguments: logits and labels are read; probabilities, gradients and scratch rows
 * overwritten.
 */
final class SoftmaxCrossEntropy {

  private SoftmaxCrossEntropy() {}

  /**
   * @param z the logits, classes rows
   * @param p overwritten with the class probabilities
   * @param max scratch of length m
   * @param sum scratch of length m
   * @return Σ_i ℓ_i over the m samples
   */
  static double forward(double[][] z, int[] labels, double[][] p, double[] max, double[] sum,
      int classes, int m) {
    System.arraycopy(z[0], 0, max, 0, m);
    for (int c = 1; c < classes; c++) {
      double[] zc = z[c];
      for (int i = 0; i < m; i++) {
        max[i] = Math.max(max[i], zc[i]);
      }
    }
    java.util.Arrays.fill(sum, 0, m, 0);
    for (int c = 0; c < classes; c++) {
      double[] zc = z[c];
      double[] pc = p[c];
      for (int i = 0; i < m; i++) {
        double e = Math.exp(zc[i] - max[i]);
        pc[i] = e;
        sum[i] += e;
      }
    }
    for (int c = 0; c < classes; c++) {
      double[] pc = p[c];
      for (int i = 0; i < m; i++) {
        pc[i] /= sum[i];
      }
    }
    double loss = 0;
    for (int i = 0; i < m; i++) {
      loss += Math.log(sum[i]) + max[i] - z[labels[i]][i];
    }
    return loss;
  }

  /**
   * dz = scale (p − onehot(y)).
   *
   * @param dz overwritten
   */
  static void backward(double[][] dz, double[][] p, int[] labels, double scale, int classes,
      int m) {
    for (int c = 0; c < classes; c++) {
      double[] d = dz[c];
      double[] pc = p[c];
      for (int i = 0; i < m; i++) {
        d[i] = scale * pc[i];
      }
    }
    for (int i = 0; i < m; i++) {
      dz[labels[i]][i] -= scale;
    }
  }

  /**
   * R{dz} = scale R{p}, with R{p_c} = p_c (R{z_c} − Σ_c′ p_c′ R{z_c′}).
   *
   * @param rdz overwritten
   * @param dot scratch of length m
   */
  static void rBackward(double[][] rdz, double[][] rz, double[][] p, double[] dot, double scale,
      int classes, int m) {
    java.util.Arrays.fill(dot, 0, m, 0);
    for (int c = 0; c < classes; c++) {
      double[] pc = p[c];
      double[] rzc = rz[c];
      for (int i = 0; i < m; i++) {
        dot[i] += pc[i] * rzc[i];
      }
    }
    for (int c = 0; c < classes; c++) {
      double[] pc = p[c];
      double[] rzc = rz[c];
      double[] out = rdz[c];
      for (int i = 0; i < m; i++) {
        out[i] = scale * pc[i] * (rzc[i] - dot[i]);
      }
    }
  }

  /** How many of the m samples have their label as the most probable class (ties: first). */
  static int correct(double[][] p, int[] labels, int classes, int m) {
    int n = 0;
    for (int i = 0; i < m; i++) {
      int best = 0;
      double bestP = p[0][i];
      for (int c = 1; c < classes; c++) {
        if (p[c][i] > bestP) {
          bestP = p[c][i];
          best = c;
        }
      }
      if (best == labels[i]) {
        n++;
      }
    }
    return n;
  }
}
