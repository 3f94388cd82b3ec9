package org.descent.app.landscape;

import java.util.ArrayList;
import java.util.List;

/** "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, about n per axis. */
final class Ticks {

  private Ticks() {}

  static List<Double> between(double min, double max, int n) {
    List<Double> ticks = new ArrayList<>();
    double span = max - min;
    if (!(span > 0) || !Double.isFinite(span)) {
      return ticks;
    }
    double raw = span / Math.max(1, n);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    double first = Math.ceil(min / step) * step;
    for (double t = first; t <= max + step * 1e-9; t += step) {
      ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
      if (ticks.size() > 100) {
        break;
      }
    }
    return ticks;
  }

  /** A tick value without float noise: 0.30000000000000004 becomes 0.3. */
  static String label(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v).replace('-', '−');
    }
    String s = String.format(java.util.Locale.ROOT, "%.6g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.replace('-', '−');
  }
}
