package org.descent.lesson;

import java.util.Locale;

/**
 * Numbers and lists in a verdict's reason. The views' own formatter lives in {@code picture},
 * which depends on {@code scenario} and so on this package; this one writes the same four
 * significant digits.
 */
final class Text {

  private Text() {}

  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    String s;
    if (a >= 1e-3 && a < 1e5) {
      s = String.format(Locale.ROOT, "%.4g", v);
      if (s.contains(".") && !s.contains("e")) {
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
    } else {
      s = String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e")
          .replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }
    return s.replace("-", "−");
  }
}
