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
      double yTop = g.y(j);
      double yBottom = g.y(j + 1);
      for (int i = 0; i + 1 < g.columns(); i++) {
        double a = g.value(i, j); // top left
        double b = g.value(i + 1, j); // top right
        double c = g.value(i + 1, j + 1); // bottom right
        double d = g.value(i, j + 1); // bottom left
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c)
            && Double.isFinite(d))) {
          continue;
        }
        int code = (a >= level ? 8 : 0) | (b >= level ? 4 : 0) | (c >= level ? 2 : 0)
            | (d >= level ? 1 : 0);
        if (code == 0 || code == 15) {
          continue;
        }
        double xLeft = g.x(i);
        double xRight = g.x(i + 1);
        // Crossings on the four edges (only the ones a case uses are meaningful).
        double topX = lerp(xLeft, xRight, a, b, level);
        double rightY = lerp(yTop, yBottom, b, c, level);
        double bottomX = lerp(xLeft, xRight, d, c, level);
        double leftY = lerp(yTop, yBottom, a, d, level);
        switch (code) {
          case 8, 7 -> out.add(xLeft, leftY, topX, yTop); // a alone
          case 4, 11 -> out.add(topX, yTop, xRight, rightY); // b alone
          case 2, 13 -> out.add(xRight, rightY, bottomX, yBottom); // c alone
          case 1, 14 -> out.add(bottomX, yBottom, xLeft, leftY); // d alone
          case 12, 3 -> out.add(xLeft, leftY, xRight, rightY); // a, b against c, d
          case 6, 9 -> out.add(topX, yTop, bottomX, yBottom); // b, c against a, d
          case 10, 5 -> {
            // Saddle. If the centre is on the same side as a and c, then a and c are joined
            // through the middle and the lines cut off b and d; otherwise they cut off a and c.
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
          default -> throw new AssertionError(code);
        }
      }
    }
    return out.toArray();
  }

  /** The segments of every level, indexed like {@link ContourLevels#level(int)}. */
  public static double[][] segments(ScalarGrid g, ContourLevels levels) {
    double[][] all = new double[levels.size()][];
    for (int k = 0; k < all.length; k++) {
      all[k] = segments(g, levels.level(k));
    }
    return all;
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
