package org.descent.network;

import java.util.Arrays;

/**
 * The running mean and variance of each batch-normalized unit, which evaluation uses instead
 * of batch statistics. They start at mean 0 and variance 1 and follow PyTorch's BatchNorm1d
 * with its default momentum 0.1: after a training batch of m &gt; 1 samples,
 * mean ← 0.9 mean + 0.1 μ_batch and var ← 0.9 var + 0.1 var_batch · m/(m − 1) (the unbiased
 * batch variance; a batch of one sample leaves them unchanged). Only training steps update
 * them (see {@link NetworkObjective#setBatch}); diagnostics never do. One instance belongs to
 * one run: it is state beside θ, not part of it.
 */
public final class RunningStatistics {

  /** The weight of the old value in the running averages. */
  public static final double KEEP = 0.9;

  private final double[][] mean;
  private final double[][] var;

  RunningStatistics(Architecture a) {
    int layers = a.hidden().size();
    mean = new double[layers][];
    var = new double[layers][];
    for (int l = 0; l < layers; l++) {
      mean[l] = new double[a.batchNorm() ? a.unitsOf(l) : 0];
      var[l] = new double[a.batchNorm() ? a.unitsOf(l) : 0];
      Arrays.fill(var[l], 1);
    }
  }

  private RunningStatistics(double[][] mean, double[][] var) {
    this.mean = mean;
    this.var = var;
  }

  /** An independent copy. */
  public RunningStatistics copy() {
    double[][] m = new double[mean.length][];
    double[][] v = new double[var.length][];
    for (int l = 0; l < mean.length; l++) {
      m[l] = mean[l].clone();
      v[l] = var[l].clone();
    }
    return new RunningStatistics(m, v);
  }

  /** The running mean of unit j of hidden layer l. */
  public double mean(int layer, int unit) {
    return mean[layer][unit];
  }

  /** The running variance of unit j of hidden layer l. */
  public double variance(int layer, int unit) {
    return var[layer][unit];
  }

  void update(int layer, int unit, double batchMean, double batchVar, int m) {
    if (m < 2) {
      return;
    }
    mean[layer][unit] = KEEP * mean[layer][unit] + (1 - KEEP) * batchMean;
    var[layer][unit] = KEEP * var[layer][unit] + (1 - KEEP) * batchVar * m / (m - 1);
  }
}
