package org.descent.render;

import java.util.Arrays;

/**
 * Contour lines of a {@link ScalarGrid} by marching squares: each cell's four corners are
 * classified as at-or-above the level or below it, and where an edge joins the two classes the
 * crossing is placed by linear interpolation along it. The result is a set of independent
 * segments (not joined into polylines): drawing them is all the views need.
 *
 * <p>A cell whose diagonal corners agree but differ from the other two (a saddle cell) is
 * ambiguous; the average of its corners, an estimate of the centre value, decides whether the
 * two high corners are connected through the middle. A cell with any non-finite corner is
 * skipped: there is no line to interpolate there.
 */
public final class MarchingSquares {

  private MarchingSquares() {}

  /**
   * The segments of the contour f = level, in world coordinates, as a flat array
   * [x0, y0, x1, y1, x0, y0, x1, y1, ...] (four numbers per segment); empty when the level is
   * outside the values or not finite.
   */
  public static double[] segments(ScalarGrid g, double level) {
    if (!Double.isFinite(level) || !(level >= g.min() && level <= g.max())) {
      return new double[0];
    }
    Segments out = new Segments();
    for (int j = 0; j + 1 < g.rows(); j++) {
      for (int i = 0; i + 1 < g.columns(); i++) {
        double a = g.value(i, j);
        double b = g.value(i + 1, j);
        double c = g.value(i + 1, j + 1);
        double d = g.value(i, j + 1);
        if (Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c)
            && Double.isFinite(d)) {
          cell(out, level, a, b, c, d, g.x(i), g.x(i + 1), g.y(j), g.y(j + 1));
        }
      }
    }
    return out.toArray();
  }

  /**
   * The segments of every level, indexed like {@link ContourLevels#level(int)}, in one pass:
   * each cell works only on the levels between its lowest and highest corner.
   */
  public static double[][] segments(ScalarGrid g, ContourLevels levels) {
    Segments[] out = new Segments[levels.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = new Segments();
    }
    for (int j = 0; j + 1 < g.rows(); j++) {
      double yTop = g.y(j);
      double yBottom = g.y(j + 1);
      for (int i = 0; i + 1 < g.columns(); i++) {
        double a = g.value(i, j);
        double b = g.value(i + 1, j);
        double c = g.value(i + 1, j + 1);
        double d = g.value(i, j + 1);
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c)
            && Double.isFinite(d))) {
          continue;
        }
        // A level crosses the cell when lowest corner < level <= highest corner.
        double lo = Math.min(Math.min(a, b), Math.min(c, d));
        double hi = Math.max(Math.max(a, b), Math.max(c, d));
        int first = levels.band(lo);
        if (first == out.length || levels.level(first) > hi) {
          continue;
        }
        int end = levels.band(hi);
        for (int k = first; k < end; k++) {
          cell(out[k], levels.level(k), a, b, c, d, g.x(i), g.x(i + 1), yTop, yBottom);
        }
      }
    }
    double[][] all = new double[out.length][];
    for (int k = 0; k < all.length; k++) {
      all[k] = out[k].toArray();
    }
    return all;
  }

  /**
   * The segments of one cell with corners a (top left), b (top right), c (bottom right) and
   * d (bottom left), all finite.
   */
  private static void cell(Segments out, double level, double a, double b, double c, double d,
      double xLeft, double xRight, double yTop, double yBottom) {
    int code = (a >= level ? 8 : 0) | (b >= level ? 4 : 0) | (c >= level ? 2 : 0)
        | (d >= level ? 1 : 0);
    switch (code) {
      case 0, 15 -> { }
      case 8, 7 -> out.add(xLeft, lerp(yTop, yBottom, a, d, level), // a alone
          lerp(xLeft, xRight, a, b, level), yTop);
      case 4, 11 -> out.add(lerp(xLeft, xRight, a, b, level), yTop, // b alone
          xRight, lerp(yTop, yBottom, b, c, level));
      case 2, 13 -> out.add(xRight, lerp(yTop, yBottom, b, c, level), // c alone
          lerp(xLeft, xRight, d, c, level), yBottom);
      case 1, 14 -> out.add(lerp(xLeft, xRight, d, c, level), yBottom, // d alone
          xLeft, lerp(yTop, yBottom, a, d, level));
      case 12, 3 -> out.add(xLeft, lerp(yTop, yBottom, a, d, level), // a, b against c, d
          xRight, lerp(yTop, yBottom, b, c, level));
      case 6, 9 -> out.add(lerp(xLeft, xRight, a, b, level), yTop, // b, c against a, d
          lerp(xLeft, xRight, d, c, level), yBottom);
      default -> { // 10 or 5: a saddle cell
        double topX = lerp(xLeft, xRight, a, b, level);
        double rightY = lerp(yTop, yBottom, b, c, level);
        double bottomX = lerp(xLeft, xRight, d, c, level);
        double leftY = lerp(yTop, yBottom, a, d, level);
        // If the centre is on the same side as a and c, then a and c are joined through the
        // middle and the lines cut off b and d; otherwise they cut off a and c.
        boolean centreHigh = (a + b + c + d) / 4 >= level;
        boolean acHigh = code == 10;
        if (centreHigh == acHigh) {
          out.add(topX, yTop, xRight, rightY);
          out.add(bottomX, yBottom, xLeft, leftY);
        } else {
          out.add(xLeft, leftY, topX, yTop);
          out.add(xRight, rightY, bottomX, yBottom);
        }
      }
    }
  }

  // Where the level crosses from p (value vp) to q (value vq); vp != vq when it is used.
  private static double lerp(double p, double q, double vp, double vq, double level) {
    double t = (level - vp) / (vq - vp);
    return p + (q - p) * t;
  }

  /** A growable list of segment coordinates. */
  private static final class Segments {
    private double[] xy = new double[256];
    private int n;

    void add(double x0, double y0, double x1, double y1) {
      if (n + 4 > xy.length) {
        xy = Arrays.copyOf(xy, xy.length * 2);
      }
      xy[n++] = x0;
      xy[n++] = y0;
      xy[n++] = x1;
      xy[n++] = y1;
    }

    double[] toArray() {
      return Arrays.copyOf(xy, n);
    }
  }
}
