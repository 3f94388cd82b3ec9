package org.descent.render;

/**
 * A polyline to drape over the surface, such as an optimizer's iterates: world (x, y) pairs
 * {@code [x0, y0, x1, y1, ...]} (copied), a colour and a width in pixels. Non-finite points
 * and points outside the view break the line.
 */
public record SurfacePath(double[] xy, int argb, float width) {

  public SurfacePath {
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
        && Float.compare(width, p.width) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(xy) * 31 + argb * 7 + Float.hashCode(width);
  }

  @Override
  public String toString() {
    return "SurfacePath[" + size() + " points, #" + Integer.toHexString(argb) + ", " + width
        + " px]";
  }
}
