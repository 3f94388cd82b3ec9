package org.descent.picture;

import java.util.Locale;

/** Numbers as the views show them: four significant digits, NaN and ∞ spelled out. */
public final class Numbers {

  private Numbers() {}

  public static String format(double v) {
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
      s = String.format(Locale.ROOT, "%.3e", v).replace("e+0", "e").replace("e-0", "e-")
          .replace("e+", "e");
    }
    return s.replace("-", "−");
  }

  /** The text, cut with an ellipsis to fit a width in the graphics' current font. */
  public static String fit(java.awt.Graphics2D g, String text, double width) {
    java.awt.FontMetrics m = g.getFontMetrics();
    if (m.stringWidth(text) <= width) {
      return text;
    }
    String t = text;
    while (!t.isEmpty() && m.stringWidth(t + "…") > width) {
      t = t.substring(0, t.length() - 1);
    }
    return t.strip() + "…";
  }
}
