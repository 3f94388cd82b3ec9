package org.descent.analysis;

/**
 * The values along one side of a map: {@code count} points from {@code min} to {@code max},
 * both ends included (as numpy's {@code linspace}). A LINEAR axis puts value i at
 * {@code min + i·step} with step = (max − min)/(count − 1), the last exactly at max, which is
 * numpy's formula, so a script can rebuild the same grid bit for bit. A LOG axis does that for
 * log10 of the values (learning rates, δ); a LOG_ONE_MINUS axis for log10(1 − value), which
 * spreads 0.9, 0.99, 0.999 evenly (momentum and decay rates, as the app's sliders do). The
 * ends of log axes are exactly min and max.
 *
 * @param name what the axis measures ("x", "lr", "momentum"), for legends and CSV headers
 */
public record Axis(String name, double min, double max, int count, Scale scale) {

  /** How the points are spread. */
  public enum Scale { LINEAR, LOG, LOG_ONE_MINUS }

  /** The most points on one axis. */
  public static final int MAX_COUNT = 100_000;

  public Axis {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("an axis needs between 1 and " + MAX_COUNT
          + " points, got " + count);
    }
    if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(max - min)) {
      throw new IllegalArgumentException(name + ": the range must be finite, got [" + min + ", "
          + max + "]");
    }
    if (count > 1 && !(min < max)) {
      throw new IllegalArgumentException(name + ": the range must go from low to high, got ["
          + min + ", " + max + "]");
    }
    if (scale == Scale.LOG && !(min > 0)) {
      throw new IllegalArgumentException(name + ": a log scale needs positive values, got "
          + min);
    }
    if (scale == Scale.LOG_ONE_MINUS && !(max < 1)) {
      throw new IllegalArgumentException(name + ": a scale of log(1 - value) needs values "
          + "below 1, got " + max);
    }
  }

  public static Axis linear(String name, double min, double max, int count) {
    return new Axis(name, min, max, count, Scale.LINEAR);
  }

  public static Axis log(String name, double min, double max, int count) {
    return new Axis(name, min, max, count, Scale.LOG);
  }

  /** The value of point i (0 ≤ i &lt; count). */
  public double value(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("point " + i + " of " + count);
    }
    if (count == 1 || i == 0) {
      return min;
    }
    if (i == count - 1) {
      return max;
    }
    return switch (scale) {
      case LINEAR -> i * ((max - min) / (count - 1)) + min;
      case LOG -> Math.pow(10, spread(Math.log10(min), Math.log10(max), i));
      case LOG_ONE_MINUS -> 1 - Math.pow(10, spread(Math.log10(1 - min), Math.log10(1 - max),
          i));
    };
  }

  private double spread(double a, double b, int i) {
    return i * ((b - a) / (count - 1)) + a;
  }

  /** Every value, in order. */
  public double[] values() {
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      v[i] = value(i);
    }
    return v;
  }

  /**
   * The index of the point nearest to {@code v} on this axis's scale (a click on a map), clamped
   * to the axis.
   */
  public int nearestIndex(double v) {
    if (count == 1) {
      return 0;
    }
    double t = switch (scale) {
      case LINEAR -> (v - min) / (max - min);
      case LOG -> (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
      case LOG_ONE_MINUS -> (Math.log10(1 - v) - Math.log10(1 - min))
          / (Math.log10(1 - max) - Math.log10(1 - min));
    };
    if (Double.isNaN(t)) {
      return 0;
    }
    long i = Math.round(t * (count - 1));
    return (int) Math.max(0, Math.min(count - 1, i));
  }

  /** The same axis with another number of points (a coarse pass). */
  public Axis withCount(int newCount) {
    return new Axis(name, min, max, newCount, scale);
  }
}
