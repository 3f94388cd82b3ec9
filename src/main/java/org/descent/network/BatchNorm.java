package org.descent.network;

/**
 * The kernels of batch normalization (Ioffe and Szegedy 2015) for one unit over a batch:
 * x̂ = (z − μ)/σ with σ = √(var + ε), u = γ x̂ + β. In training the batch's own mean and
 * (biased) variance are used; in evaluation the running averages. ε = 1e-5, as PyTorch's
 * BatchNorm1d. The R-operator versions differentiate through the batch statistics, so the
 * Hessian of a batch-normalized network is exact too.
 *
 * <p>Array arguments: rows named as inputs are read, outputs overwritten; gradients in θ's
 * layout are accumulated into.
 */
final class BatchNorm {

  /** Added to the variance, as PyTorch. */
  static final double EPS = 1e-5;

  private BatchNorm() {}

  /**
   * Training mode: x̂ and u from the batch statistics of z.
   *
   * @param xhat overwritten
   * @param u overwritten
   * @param stats out: stats[0] = μ, stats[1] = 1/σ, stats[2] = the biased variance
   */
  static void trainForward(double[] z, double[] xhat, double[] u, double gamma, double beta,
      int m, double[] stats) {
    double mean = Dense.sum(z, m) / m;
    double ss = 0;
    for (int i = 0; i < m; i++) {
      double d = z[i] - mean;
      ss += d * d;
    }
    double var = ss / m;
    double inv = 1 / Math.sqrt(var + EPS);
    for (int i = 0; i < m; i++) {
      double x = (z[i] - mean) * inv;
      xhat[i] = x;
      u[i] = gamma * x + beta;
    }
    stats[0] = mean;
    stats[1] = inv;
    stats[2] = var;
  }

  /** Evaluation mode: x̂ and u from the running mean and variance. */
  static void evalForward(double[] z, double[] xhat, double[] u, double gamma, double beta,
      double runningMean, double runningVar, int m) {
    double inv = 1 / Math.sqrt(runningVar + EPS);
    for (int i = 0; i < m; i++) {
      double x = (z[i] - runningMean) * inv;
      xhat[i] = x;
      u[i] = gamma * x + beta;
    }
  }

  /**
   * dγ += Σ du x̂, dβ += Σ du, dz = (γ/σ)(du − mean(du) − x̂ mean(du x̂)).
   *
   * @param dz overwritten
   */
  static void backward(double[] dz, double[] du, double[] xhat, double gamma, double inv,
      int m, double[] grad, int scaleIndex, int shiftIndex) {
    double sumDu = Dense.sum(du, m);
    double sumDuX = Dense.dot(du, xhat, m);
    grad[scaleIndex] += sumDuX;
    grad[shiftIndex] += sumDu;
    double meanDu = sumDu / m;
    double meanDuX = sumDuX / m;
    double c = gamma * inv;
    for (int i = 0; i < m; i++) {
      dz[i] = c * (du[i] - meanDu - xhat[i] * meanDuX);
    }
  }

  /**
   * R{x̂} = (1/σ)(R{z} − mean(R{z}) − x̂ mean(x̂ R{z})) and R{u} = V_γ x̂ + γ R{x̂} + V_β.
   *
   * @param rxhat overwritten
   * @param ru overwritten
   * @return R{σ} = mean(x̂ R{z}), which the backward pass needs
   */
  static double rForward(double[] rz, double[] xhat, double[] rxhat, double[] ru, double gamma,
      double vGamma, double vBeta, double inv, int m) {
    double meanRz = Dense.sum(rz, m) / m;
    double rSigma = Dense.dot(xhat, rz, m) / m;
    for (int i = 0; i < m; i++) {
      double rx = inv * (rz[i] - meanRz - xhat[i] * rSigma);
      rxhat[i] = rx;
      ru[i] = vGamma * xhat[i] + gamma * rx + vBeta;
    }
    return rSigma;
  }

  /**
   * The R-operator of {@link #backward}: with d̂ = γ du and R{d̂} = V_γ du + γ R{du},
   * R{dγ} += Σ (R{du} x̂ + du R{x̂}), R{dβ} += Σ R{du}, and
   * R{dz} = −(R{σ}/σ) dz + (1/σ)(R{d̂} − mean(R{d̂}) − R{x̂} mean(d̂ x̂)
   * − x̂ mean(R{d̂} x̂ + d̂ R{x̂})).
   *
   * @param rdz overwritten
   * @param hv accumulated into
   */
  static void rBackward(double[] rdz, double[] rdu, double[] du, double[] dz, double[] xhat,
      double[] rxhat, double gamma, double vGamma, double inv, double rSigma, int m,
      double[] hv, int scaleIndex, int shiftIndex) {
    double sumRdu = Dense.sum(rdu, m);
    double sumRduX = Dense.dot(rdu, xhat, m);
    double sumDuRx = Dense.dot(du, rxhat, m);
    double sumDu = Dense.sum(du, m);
    double sumDuX = Dense.dot(du, xhat, m);
    hv[scaleIndex] += sumRduX + sumDuRx;
    hv[shiftIndex] += sumRdu;
    // d̂ = γ du and R{d̂} = V_γ du + γ R{du}: their means follow from the sums above
    double meanRd = (vGamma * sumDu + gamma * sumRdu) / m;
    double meanDX = gamma * sumDuX / m;
    double meanRdX = (vGamma * sumDuX + gamma * sumRduX + gamma * sumDuRx) / m;
    double a = -rSigma * inv;
    for (int i = 0; i < m; i++) {
      double rd = vGamma * du[i] + gamma * rdu[i];
      rdz[i] = a * dz[i] + inv * (rd - meanRd - rxhat[i] * meanDX - xhat[i] * meanRdX);
    }
  }
}
