package org.descent.function;

/** The rectangle of the (x, y) plane a landscape is drawn in. */
public record ViewBox(double xMin, double xMax, double yMin, double yMax) {

  public ViewBox {
    if (!(xMin < xMax) || !(yMin < yMax) || !Double.isFinite(xMin) || !Double.isFinite(xMax)
        || !Double.isFinite(yMin) || !Double.isFinite(yMax)
        || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
      throw new IllegalArgumentException(
          "a view needs finite ranges with min < max, got x [" + xMin + ", " + xMax + "], y ["
              + yMin + ", " + yMax + "]");
    }
  }

  public double width() {
    return xMax - xMin;
  }

  public double height() {
    return yMax - yMin;
  }

  public boolean contains(double x, double y) {
    return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
  }

  /** The same box scaled about its centre by {@code factor} (greater than 1 zooms out). */
  public ViewBox scaled(double factor, double cx, double cy) {
    return new ViewBox(cx + (xMin - cx) * factor, cx + (xMax - cx) * factor,
        cy + (yMin - cy) * factor, cy + (yMax - cy) * factor);
  }

  /** The same box moved by (dx, dy). */
  public ViewBox shifted(double dx, double dy) {
    return new ViewBox(xMin + dx, xMax + dx, yMin + dy, yMax + dy);
  }
}
