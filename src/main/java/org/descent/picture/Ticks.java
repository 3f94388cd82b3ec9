package org.descent.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis ticks at round numbers: steps of 1, 2 or 5 times a power of ten. */
public final class Ticks {

  private Ticks() {}

  /**
   * The ticks of the round step whose count inside [min, max] is nearest to {@code target}, and
   * never fewer than two (a step of 5 on [−3.4, 3.4] would leave only 0).
   */
  public static List<Double> between(double min, double max, int target) {
    double span = max - min;
    if (!(span > 0) || !Double.isFinite(span)) {
      return List.of();
    }
    int wanted = Math.max(2, target);
    int baseExponent = (int) Math.floor(Math.log10(span / wanted)) - 1;
    long bestMantissa = 0;
    int bestExponent = 0;
    int bestScore = Integer.MAX_VALUE;
    for (int e = baseExponent; e < baseExponent + 4; e++) {
      for (long m : new long[] {1, 2, 5}) {
        double step = decimal(m, e);
        int count = count(min, max, step);
        int score = Math.abs(count - wanted) * 2 + (count > wanted ? 1 : 0);
        if (count >= 2 && score < bestScore) {
          bestScore = score;
          bestMantissa = m;
          bestExponent = e;
        }
      }
    }
    List<Double> ticks = new ArrayList<>();
    if (bestMantissa == 0) {
      return ticks;
    }
    double step = decimal(bestMantissa, bestExponent);
    long first = (long) Math.ceil(min / step - 1e-9);
    for (long k = first; ticks.size() < 200; k++) {
      // k · m · 10^e as an exact decimal: 3 · 0.2 is 0.6, not 0.6000000000000001
      double t = decimal(k * bestMantissa, bestExponent);
      if (t > max + step * 1e-9) {
        break;
      }
      ticks.add(t == 0 ? 0.0 : t);
    }
    return ticks;
  }

  private static double decimal(long units, int exponent) {
    return exponent >= 0 ? units * Math.pow(10, exponent) : units / Math.pow(10, -exponent);
  }

  private static int count(double min, double max, double step) {
    return (int) (Math.floor(max / step + 1e-9) - Math.ceil(min / step - 1e-9) + 1);
  }

  /** A tick value without float noise: 0.30000000000000004 becomes 0.3; − for minus. */
  public static String label(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v).replace('-', '−');
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.replace('-', '−');
  }
}
