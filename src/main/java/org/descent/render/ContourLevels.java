package org.descent.render;

import java.util.Arrays;

/**
 * The values at which contour lines are drawn, and the colour scale that goes with them.
 *
 * <p>Levels are round numbers a student can read off a label (multiples of 1, 2 or 5 × 10ᵏ, or
 * min + such a number). When the finite values span several decades — Rosenbrock on its view
 * goes from 0 to about 3,600, and everything interesting happens below 10 — equally spaced
 * levels would put the whole valley into the lowest band, so the levels are spaced
 * geometrically in f − min instead and the colour scale is logarithmic to match.
 *
 * <p>The colour scale ({@link #fraction}) maps min to 0 and max to 1: linearly, or through
 * log10(v − min + c) with c half the first level's offset, so that each level sits at its own
 * place on the scale and the band below the first level is about as wide as the others.
 * Logarithmic levels are offsets from the minimum rounded down to the offsets' precision (0 for
 * Rosenbrock, whose sampled minimum is 2.8·10⁻⁶), so that the levels are round numbers too.
 *
 * @param levels strictly increasing finite values (copied in and out)
 * @param logarithmic whether the levels and the colour scale are logarithmic in v − min
 * @param min the value at the bottom of the colour scale
 * @param max the value at the top of the colour scale
 */
public record ContourLevels(double[] levels, boolean logarithmic, double min, double max) {

  // log spacing when the range exceeds this many times the scale of the values near the bottom
  private static final double LOG_THRESHOLD = 30;
  // mantissas per decade for log levels, from sparse to dense
  private static final double[][] MANTISSAS = {{1}, {1, 3}, {1, 2, 5}, {1, 1.5, 2, 3, 5, 7}};

  public ContourLevels {
    levels = levels.clone();
    for (int k = 0; k < levels.length; k++) {
      if (!Double.isFinite(levels[k]) || (k > 0 && !(levels[k] > levels[k - 1]))) {
        throw new IllegalArgumentException(
            "levels must be finite and strictly increasing: " + Arrays.toString(levels));
      }
    }
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("scale needs min <= max, got " + min + ", " + max);
    }
  }

  /**
   * Given levels; the colour scale runs from the first level to the last (for logarithmic
   * levels, in log10 of the distance to the first level).
   */
  public ContourLevels(double[] levels, boolean logarithmic) {
    this(levels, logarithmic, levels.length == 0 ? 0 : levels[0],
        levels.length == 0 ? 0 : levels[levels.length - 1]);
  }

  /**
   * About {@code count} round levels strictly between min and max. Logarithmic when
   * max − min ≥ 30 · max(1, |min|), about a decade and a half: the values near the bottom,
   * where the minima are told apart, are then small next to the range (Rosenbrock, Beale,
   * Himmelblau, Booth, the six-hump camel's x⁶ walls); saddles and modest bowls stay linear.
   * The log levels start at the first round offset above max(range · 10⁻⁶,
   * 0.01 · max(1, |min|)). Non-finite bounds are ignored; with no finite range (min == max, or
   * nothing finite) there are no levels and every finite value sits in the middle of the scale.
   *
   * @throws IllegalArgumentException if count is less than 1
   */
  public static ContourLevels choose(double min, double max, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    boolean finiteMin = Double.isFinite(min);
    boolean finiteMax = Double.isFinite(max);
    if (!finiteMin && !finiteMax) {
      return new ContourLevels(new double[0], false, 0, 0);
    }
    if (!finiteMin || !finiteMax) {
      double only = finiteMin ? min : max;
      return new ContourLevels(new double[0], false, only, only);
    }
    double lo = Math.min(min, max);
    double hi = Math.max(min, max);
    double range = hi - lo;
    if (!(range > 0) || !Double.isFinite(range)) {
      return new ContourLevels(new double[0], false, lo, lo);
    }
    double scale = Math.max(1, Math.abs(lo));
    if (range >= LOG_THRESHOLD * scale) {
      return logarithmic(lo, hi, count, Math.max(range * 1e-6, 0.01 * scale));
    }
    return linear(lo, hi, count);
  }

  /** The levels and scale for the finite values of a grid. */
  public static ContourLevels choose(ScalarGrid grid, int count) {
    return choose(grid.min(), grid.max(), count);
  }

  /**
   * Levels of a given kind: what a zoomed or panned view uses, so that the scale chosen for
   * the whole landscape (logarithmic for Rosenbrock) is kept when the window shows only a part
   * of it, where the range alone would ask for linear levels.
   *
   * @param logarithmic the kind to keep; levels start at about a hundredth of the range
   */
  public static ContourLevels choose(double min, double max, int count, boolean logarithmic) {
    ContourLevels auto = choose(min, max, count);
    if (auto.logarithmic() == logarithmic || auto.levels.length == 0 && !(max > min)) {
      return auto;
    }
    if (!logarithmic) {
      return linear(Math.min(min, max), Math.max(min, max), count);
    }
    double range = auto.max - auto.min;
    double scale = Math.max(1, Math.abs(auto.min));
    return logarithmic(auto.min, auto.max, count, Math.max(range * 1e-4,
        Math.min(0.01 * scale, 0.005 * range)));
  }

  private static ContourLevels linear(double lo, double hi, int count) {
    // step = units · 10^exponent with units 10, 20, 25 or 50 (levels are exact decimals),
    // the candidate nearest (by ratio) to the range divided into count + 1 bands
    double raw = (hi - lo) / (count + 1);
    int exponent = (int) Math.floor(Math.log10(raw)) - 1;
    long units = 10;
    double bestRatio = Double.POSITIVE_INFINITY;
    for (long u : new long[] {10, 20, 25, 50, 100}) {
      double ratio = Math.abs(Math.log(decimal(u, exponent) / raw));
      if (ratio < bestRatio) {
        bestRatio = ratio;
        units = u;
      }
    }
    long first = (long) Math.floor(lo / decimal(units, exponent)) + 1;
    double[] out = new double[count * 3 + 2];
    int n = 0;
    for (long k = first; n < out.length; k++) {
      double v = decimal(k * units, exponent);
      if (v >= hi) {
        break;
      }
      if (v > lo && (n == 0 || v > out[n - 1])) {
        out[n++] = v;
      }
    }
    return new ContourLevels(Arrays.copyOf(out, n), false, lo, hi);
  }

  // units · 10^exponent, correctly rounded (dividing by an exact power of ten, not multiplying
  // by an inexact 0.1), so that 3 · 0.1 is 0.3 and a label reads "0.3".
  private static double decimal(long units, int exponent) {
    return exponent >= 0 ? units * Math.pow(10, exponent) : units / Math.pow(10, -exponent);
  }

  // Levels base + round offsets, base being min rounded down to a multiple of the lowest
  // offset's decade (0 for Rosenbrock's 2.8e-6), so that the levels themselves are round
  // numbers; among the mantissa sets, the one whose level count is nearest to count. The
  // colour scale still starts at min, so the minimum gets the first colour of the map.
  private static ContourLevels logarithmic(double lo, double hi, int count, double lowest) {
    // Everything in tenths of the lowest offset's decade, as integers, so base + offset is an
    // exact decimal ("-0.94", not "-0.9400000000000001").
    int exponent = (int) Math.floor(Math.log10(lowest)) - 1;
    double tenth = decimal(1, exponent);
    long baseUnits = (long) Math.floor(lo / tenth / 10) * 10;
    double base = decimal(baseUnits, exponent);
    if (!(base <= lo) || Math.abs(baseUnits) > 1L << 50) { // beyond exact integers: keep lo
      baseUnits = 0;
      base = lo;
    }
    if (lo >= 0 && lo < 5 * lowest) {
      // A sampled minimum just above zero (Rastrigin's grid misses its 0 by 0.03) is zero at
      // the resolution of the levels: offsets from 0 are the round levels 0.05, 0.1, 0.2...
      baseUnits = 0;
      base = 0;
    }
    double[] best = new double[0];
    for (double[] mantissas : MANTISSAS) {
      double[] offsets = roundOffsets(lowest, hi - base, mantissas);
      if (best.length == 0
          || Math.abs(offsets.length - count) <= Math.abs(best.length - count)) {
        best = offsets;
      }
    }
    double[] out = new double[best.length];
    int n = 0;
    for (double d : best) {
      double v = baseUnits == 0 ? base + d : decimal(baseUnits + Math.round(d / tenth), exponent);
      if (v > lo && v < hi && (n == 0 || v > out[n - 1])) {
        out[n++] = v;
      }
    }
    return new ContourLevels(Arrays.copyOf(out, n), true, lo, hi);
  }

  // Round offsets m·10^k with lowest ≤ offset < range (m in tenths, so 1.5 is exact).
  private static double[] roundOffsets(double lowest, double range, double[] mantissas) {
    double[] out = new double[64];
    int n = 0;
    for (int k = (int) Math.floor(Math.log10(lowest)); n < out.length; k++) {
      if (decimal(1, k) >= range) {
        break;
      }
      for (double m : mantissas) {
        double d = decimal(Math.round(m * 10), k - 1);
        if (d >= lowest && d < range && n < out.length) {
          out[n++] = d;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  @Override
  public double[] levels() {
    return levels.clone();
  }

  /** The number of levels. */
  public int size() {
    return levels.length;
  }

  /** Level k. */
  public double level(int k) {
    return levels[k];
  }

  /**
   * The band of v: the number of levels ≤ v, from 0 (below every level) to {@code size()}
   * (at or above the last); −∞ is in band 0, +∞ in the top band, and NaN in none (−1).
   */
  public int band(double v) {
    if (Double.isNaN(v)) {
      return -1;
    }
    int lo = 0;
    int hi = levels.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (levels[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Where v sits on the colour scale, in [0, 1] (clamped outside [min, max]): linear in v, or
   * logarithmic in v − min when the levels are. NaN stays NaN, so a colour map shows no data.
   * Without a range every finite value sits at 0.5.
   */
  public double fraction(double v) {
    if (Double.isNaN(v)) {
      return Double.NaN;
    }
    if (!(max > min)) {
      return v > max ? 1 : v < min ? 0 : 0.5;
    }
    if (v <= min) {
      return 0;
    }
    if (v >= max) {
      return 1;
    }
    if (!logarithmic) {
      return (v - min) / (max - min);
    }
    double c = shift();
    return Math.log10((v - min + c) / c) / Math.log10((max - min + c) / c);
  }

  /**
   * A height for the 3-D surface, in [0, 1]: {@link #fraction} for linear levels; for
   * logarithmic ones the same log scale started later, at a fiftieth of the range above min,
   * so the bottom of a bowl is a rounded floor a camera can see into rather than a funnel
   * narrower than a pixel, while walls that span decades stay compressed.
   */
  public double surfaceHeight(double v) {
    if (!logarithmic || Double.isNaN(v) || !(max > min)) {
      return fraction(v);
    }
    if (v <= min) {
      return 0;
    }
    if (v >= max) {
      return 1;
    }
    double c = Math.max(shift(), (max - min) / 50);
    return Math.log10((v - min + c) / c) / Math.log10((max - min + c) / c);
  }

  // Half the offset from min of the first level above it: where the logarithmic scale starts.
  private double shift() {
    for (double level : levels) {
      if (level > min) {
        return (level - min) / 2;
      }
    }
    return (max - min) * 1e-3;
  }

  /**
   * The middle of band k on the colour scale: the colour a filled contour paints the band.
   * Band 0 spans [0, fraction(first level)], the top band [fraction(last level), 1].
   */
  public double bandFraction(int band) {
    if (band < 0 || band > levels.length) {
      throw new IndexOutOfBoundsException("band " + band + " of 0.." + levels.length);
    }
    double lower = band == 0 ? 0 : fraction(levels[band - 1]);
    double upper = band == levels.length ? 1 : fraction(levels[band]);
    return (lower + upper) / 2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContourLevels other && Arrays.equals(levels, other.levels)
        && logarithmic == other.logarithmic && Double.compare(min, other.min) == 0
        && Double.compare(max, other.max) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(levels) + Boolean.hashCode(logarithmic)
        + 17 * Double.hashCode(min) + Double.hashCode(max);
  }

  @Override
  public String toString() {
    return (logarithmic ? "log" : "linear") + " levels " + Arrays.toString(levels) + " on ["
        + min + ", " + max + "]";
  }
}
