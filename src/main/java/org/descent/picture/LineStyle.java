package org.descent.picture;

import java.util.List;

/**
 * The second cue of a run beside its colour: the dash pattern its path, its loss curves, its
 * legend entry and its card's swatch are drawn with, so that two runs stay apart for a
 * student who cannot tell their colours apart (1 in 12 men), on a grey projector and on a
 * black-and-white printout. A card keeps its style as it keeps its colour; the first is solid.
 *
 * <p>Patterns are in line widths, as the eye sees them: a wider line in presentation mode
 * gets longer dashes, so the pattern reads the same at every size.
 */
public enum LineStyle {
  SOLID("solid"),
  DASHED("dashed", 3.5, 2),
  DOTTED("dotted", 1, 1.6),
  DASH_DOT("dash-dot", 4, 1.8, 1, 1.8),
  LONG_DASH("long dash", 7, 2.2),
  DASH_DOT_DOT("dash-dot-dot", 4, 1.6, 1, 1.6, 1, 1.6);

  private final String words;
  private final double[] seen;

  LineStyle(String words, double... seen) {
    this.words = words;
    this.seen = seen;
  }

  /** The style of the n-th run (cycling). */
  public static LineStyle of(int n) {
    LineStyle[] all = values();
    return all[Math.floorMod(n, all.length)];
  }

  /** The first style not in use, or the n-th when all are taken. */
  public static LineStyle unused(List<LineStyle> inUse) {
    for (LineStyle s : values()) {
      if (!inUse.contains(s)) {
        return s;
      }
    }
    return of(inUse.size());
  }

  /** What a screen reader and a tooltip say: "dashed". */
  public String words() {
    return words;
  }

  /** The share of a line's length its colour covers: 1 for solid, 0.38 for dotted. */
  public double ink() {
    if (solid()) {
      return 1;
    }
    double on = 0;
    double all = 0;
    for (int i = 0; i < seen.length; i++) {
      on += i % 2 == 0 ? seen[i] : 0;
      all += seen[i];
    }
    return on / all;
  }

  public boolean solid() {
    return seen.length == 0;
  }

  /**
   * The dash array of a stroke of this width (null for solid). Round caps grow every dash by
   * a width and shrink every gap by one, so their array is shortened to give the same look
   * (a dot is a zero-length dash with round caps).
   */
  public float[] dashes(double width, boolean roundCaps) {
    if (solid()) {
      return null;
    }
    float[] out = new float[seen.length];
    for (int i = 0; i < seen.length; i++) {
      double v = seen[i] * width;
      if (roundCaps) {
        v += i % 2 == 0 ? -width : width;
      }
      // Java2D draws a zero-length dash with round caps as a dot, but a dash array must not
      // be all zeros.
      out[i] = (float) Math.max(i % 2 == 0 ? 0.01 : 0.5, v);
    }
    return out;
  }
}
