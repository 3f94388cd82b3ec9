package org.descent.network;

/**
 * The passes of a multilayer perceptron over a batch held in a {@link Workspace}: forward
 * (training mode with batch statistics, or evaluation mode with the running averages), backward
 * (backprop into a gradient of θ's layout), and Pearlmutter's R-operator (1994): a forward pass
 * of the directional derivatives R{·} = d/dr (·)(θ + r v) at r = 0, and the backward pass
 * differentiated likewise, which yields the exact Hessian-vector product Hv at about the cost
 * of two gradients. Each pass is a loop over the layers calling the layer kernels
 * ({@link Dense}, {@link BatchNorm}, {@link Activation}, {@link SoftmaxCrossEntropy}).
 *
 * <p>The R-operator passes use what forward and backward left in the workspace, so the order
 * is: forward, backward, then any number of (rForward, rBackward) pairs at the same θ.
 *
 * <p>Array arguments: θ and v are read; gradients and Hv are accumulated into (the caller
 * zeroes them); the workspace is overwritten.
 */
final class Mlp {

  private final Architecture a;
  private final ParameterLayout p;
  private final int hidden;
  private final int layers;
  private final double[] stat = new double[3];

  Mlp(Architecture architecture) {
    this.a = architecture;
    this.p = architecture.layout();
    this.hidden = architecture.hidden().size();
    this.layers = architecture.layers();
  }

  Architecture architecture() {
    return a;
  }

  ParameterLayout layout() {
    return p;
  }

  /**
   * The forward pass of m samples (in[0] and labels already in the workspace).
   *
   * @param training batch statistics (true) or the running averages (false)
   * @param update whether a training pass moves the running averages towards its batch
   * @return Σ_i ℓ_i, the summed cross-entropy of the m samples
   */
  double forward(double[] theta, Workspace w, int m, boolean training, RunningStatistics running,
      boolean update) {
    for (int l = 0; l < layers; l++) {
      int nIn = a.inputsOf(l);
      int nOut = a.unitsOf(l);
      Dense.forward(w.z[l], w.in[l], theta, p.weight(l), p.bias(l), nIn, nOut, m);
      if (l == hidden) {
        break;
      }
      if (a.normalized(l)) {
        int g = p.scale(l);
        int b = p.shift(l);
        for (int j = 0; j < nOut; j++) {
          if (training) {
            BatchNorm.trainForward(w.z[l][j], w.xhat[l][j], w.u[l][j], theta[g + j],
                theta[b + j], m, stat);
            w.stats[l][j][0] = stat[0];
            w.stats[l][j][1] = stat[1];
            w.stats[l][j][2] = stat[2];
            if (update) {
              running.update(l, j, stat[0], stat[2], m);
            }
          } else {
            BatchNorm.evalForward(w.z[l][j], w.xhat[l][j], w.u[l][j], theta[g + j],
                theta[b + j], running.mean(l, j), running.variance(l, j), m);
          }
        }
      }
      for (int j = 0; j < nOut; j++) {
        a.activation().forward(w.u[l][j], w.act[l][j], w.scratch, m);
      }
      if (a.skips(l)) {
        addRows(w.in[l + 1], w.in[l], w.act[l], nOut, m);
      }
    }
    return SoftmaxCrossEntropy.forward(w.z[hidden], w.labels, w.probs, w.max, w.sum,
        a.classes(), m);
  }

  /**
   * Backprop of the loss scale · Σ_i ℓ_i (scale = 1/batch size for the mean) into grad.
   *
   * @param grad accumulated into
   */
  void backward(double[] theta, double[] grad, Workspace w, int m, double scale) {
    SoftmaxCrossEntropy.backward(w.dz[hidden], w.probs, w.labels, scale, a.classes(), m);
    for (int l = hidden; l >= 0; l--) {
      int nIn = a.inputsOf(l);
      int nOut = a.unitsOf(l);
      Dense.addParameterGradient(grad, w.dz[l], w.in[l], p.weight(l), p.bias(l), nIn, nOut, m);
      if (l == 0) {
        break;
      }
      int k = l - 1;
      Dense.inputGradient(w.dh[k], w.dz[l], theta, p.weight(l), nIn, nOut, m);
      if (a.skips(l)) { // the identity path: h_l = h_k + f(z_l) passes dh_l on to h_k
        addRows(w.dh[k], w.dh[k], w.dh[l], nIn, m);
      }
      for (int j = 0; j < nIn; j++) {
        a.activation().backward(w.du[k][j], w.dh[k][j], w.u[k][j], w.act[k][j], m);
      }
      if (a.normalized(k)) {
        int g = p.scale(k);
        int b = p.shift(k);
        for (int j = 0; j < nIn; j++) {
          BatchNorm.backward(w.dz[k][j], w.du[k][j], w.xhat[k][j], theta[g + j],
              w.stats[k][j][1], m, grad, g + j, b + j);
        }
      }
    }
  }

  /** The R-operator's forward pass along v (training mode). */
  void rForward(double[] theta, double[] v, Workspace w, int m) {
    for (int l = 0; l < layers; l++) {
      int nIn = a.inputsOf(l);
      int nOut = a.unitsOf(l);
      Dense.rForward(w.rZ[l], w.in[l], l == 0 ? null : w.rIn[l], theta, v, p.weight(l),
          p.bias(l), nIn, nOut, m);
      if (l == hidden) {
        break;
      }
      if (a.normalized(l)) {
        int g = p.scale(l);
        int b = p.shift(l);
        for (int j = 0; j < nOut; j++) {
          w.rSigma[l][j] = BatchNorm.rForward(w.rZ[l][j], w.xhat[l][j], w.rXhat[l][j],
              w.rU[l][j], theta[g + j], v[g + j], v[b + j], w.stats[l][j][1], m);
        }
      }
      for (int j = 0; j < nOut; j++) {
        a.activation().rForward(w.rAct[l][j], w.rU[l][j], w.u[l][j], w.act[l][j], m);
      }
      if (a.skips(l)) {
        addRows(w.rIn[l + 1], w.rIn[l], w.rAct[l], nOut, m);
      }
    }
  }

  /**
   * The R-operator's backward pass: accumulates H v (of the loss scale · Σ ℓ_i) into hv.
   *
   * @param hv accumulated into
   */
  void rBackward(double[] theta, double[] v, double[] hv, Workspace w, int m, double scale) {
    SoftmaxCrossEntropy.rBackward(w.rDz[hidden], w.rZ[hidden], w.probs, w.max, scale,
        a.classes(), m);
    for (int l = hidden; l >= 0; l--) {
      int nIn = a.inputsOf(l);
      int nOut = a.unitsOf(l);
      Dense.addParameterGradient(hv, w.rDz[l], w.in[l], p.weight(l), p.bias(l), nIn, nOut, m);
      if (l == 0) {
        break;
      }
      Dense.addOuter(hv, p.weight(l), nIn, w.dz[l], nOut, w.rIn[l], m);
      int k = l - 1;
      Dense.rInputGradient(w.rDh[k], w.rDz[l], w.dz[l], theta, v, p.weight(l), nIn, nOut, m);
      if (a.skips(l)) {
        addRows(w.rDh[k], w.rDh[k], w.rDh[l], nIn, m);
      }
      for (int j = 0; j < nIn; j++) {
        a.activation().rBackward(w.rDu[k][j], w.rDh[k][j], w.dh[k][j], w.rU[k][j], w.u[k][j],
            w.act[k][j], m);
      }
      if (a.normalized(k)) {
        int g = p.scale(k);
        int b = p.shift(k);
        for (int j = 0; j < nIn; j++) {
          BatchNorm.rBackward(w.rDz[k][j], w.rDu[k][j], w.du[k][j], w.dz[k][j], w.xhat[k][j],
              w.rXhat[k][j], theta[g + j], v[g + j], w.stats[k][j][1], w.rSigma[k][j], m, hv,
              g + j, b + j);
        }
      }
    }
  }

  /** out = a + b, row by row over m samples (out may be a). */
  private static void addRows(double[][] out, double[][] a, double[][] b, int rows, int m) {
    for (int j = 0; j < rows; j++) {
      double[] o = out[j];
      double[] x = a[j];
      double[] y = b[j];
      for (int i = 0; i < m; i++) {
        o[i] = x[i] + y[i];
      }
    }
  }
}
