package org.descent.optim;

import java.util.Arrays;

/** The running state of an {@link Averaging}: feed it every iterate, read the average. */
public final class IterateAverage {

  private final Averaging averaging;
  private final double[] mean;
  private long count;

  public IterateAverage(Averaging averaging, int dimension) {
    this.averaging = averaging;
    this.mean = new double[dimension];
  }

  /**
   * Takes the iterate of step t (0 is the start).
   *
   * @param theta read only
   */
  public void accept(int t, double[] theta) {
    if (averaging instanceof Averaging.Polyak p) {
      if (t < p.start()) {
        System.arraycopy(theta, 0, mean, 0, mean.length);
        return;
      }
      count++;
      for (int i = 0; i < mean.length; i++) {
        mean[i] += (theta[i] - mean[i]) / count;
      }
    } else if (averaging instanceof Averaging.Ema e) {
      if (t == 0) {
        System.arraycopy(theta, 0, mean, 0, mean.length);
        return;
      }
      for (int i = 0; i < mean.length; i++) {
        mean[i] += (theta[i] - mean[i]) / e.tau();
      }
    } else {
      System.arraycopy(theta, 0, mean, 0, mean.length);
    }
  }

  /** The averaged iterate so far (a copy). */
  public double[] average() {
    return Arrays.copyOf(mean, mean.length);
  }

  /** Copies the averaged iterate into {@code out}. */
  public void averageInto(double[] out) {
    System.arraycopy(mean, 0, out, 0, mean.length);
  }
}
