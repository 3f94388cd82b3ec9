package org.descent.network;

/**
 * Counts of values in equal bins over [low, high]: the first and last bins also take what
 * lies below and above. Immutable.
 */
public final class Histogram {

  private final double low;
  private final double high;
  private final long[] counts;

  Histogram(double low, double high, long[] counts) {
    this.low = low;
    this.high = high;
    this.counts = counts.clone();
  }

  /** Bins [low, high] into {@code bins} bins and counts the values (NaN is not counted). */
  static Histogram of(double low, double high, int bins, double[][] rows, int m) {
    long[] c = new long[bins];
    double width = (high - low) / bins;
    for (double[] row : rows) {
      for (int i = 0; i < m; i++) {
        double v = row[i];
        if (v != v) {
          continue;
        }
        int b = width > 0 ? (int) ((v - low) / width) : 0;
        c[Math.max(0, Math.min(bins - 1, b))]++;
      }
    }
    return new Histogram(low, high, c);
  }

  Histogram plus(Histogram other) {
    long[] c = counts.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += other.counts[i];
    }
    return new Histogram(low, high, c);
  }

  public double low() {
    return low;
  }

  public double high() {
    return high;
  }

  /** The count of bin i. */
  public long count(int bin) {
    return counts[bin];
  }

  /** The lower edge of bin i. */
  public double binLow(int bin) {
    return low + (high - low) * bin / counts.length;
  }

  /** Values counted. */
  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }

  /** The counts (a copy). */
  public long[] counts() {
    return counts.clone();
  }
}
