package org.descent.render;

/**
 * A polyline to drape over the surface, such as an optimizer's iterates: world (x, y) pairs
 * {@code [x0, y0, x1, y1, ...]} (copied), a colour, a width in pixels and a dash pattern in
 * pixels along the screen (on, off, on, …, each segment drawn with round ends; null for a
 * solid line). Non-finite points and points outside the view break the line.
 */
public record SurfacePath(double[] xy, int argb, float width, float[] dashes) {

  /** A solid path. */
  public SurfacePath(double[] xy, int argb, float width) {
    this(xy, argb, width, null);
  }

  public SurfacePath {
    if (dashes != null) {
      dashes = dashes.clone();
      double period = 0;
      for (float d : dashes) {
        if (!(d >= 0)) {
          throw new IllegalArgumentException("a dash must be 0 or longer, got " + d);
        }
        period += d;
      }
      if (dashes.length % 2 != 0 || !(period > 0)) {
        throw new IllegalArgumentException("dashes come as on, off pairs of positive length");
      }
    }
    if (xy.length % 2 != 0) {
      throw new IllegalArgumentException("a path needs (x, y) pairs, got " + xy.length
          + " numbers");
    }
    if (!(width > 0)) {
      throw new IllegalArgumentException("path width must be positive, got " + width);
    }
    xy = xy.clone();
  }

  @Override
  public double[] xy() {
    return xy.clone();
  }

  @Override
  public float[] dashes() {
    return dashes == null ? null : dashes.clone();
  }

  /** The dash pattern without a copy (null: solid). */
  float[] pattern() {
    return dashes;
  }

  /** The number of points. */
  public int size() {
    return xy.length / 2;
  }

  double x(int k) {
    return xy[2 * k];
  }

  double y(int k) {
    return xy[2 * k + 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SurfacePath p && java.util.Arrays.equals(xy, p.xy) && argb == p.argb
        && Float.compare(width, p.width) == 0 && java.util.Arrays.equals(dashes, p.dashes);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(xy) * 31 + argb * 7 + Float.hashCode(width)
        + 13 * java.util.Arrays.hashCode(dashes);
  }

  @Override
  public String toString() {
    return "SurfacePath[" + size() + " points, #" + Integer.toHexString(argb) + ", " + width
        + " px]";
  }
}
