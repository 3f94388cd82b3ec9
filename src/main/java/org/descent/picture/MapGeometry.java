package org.descent.picture;

import org.descent.function.ViewBox;

/**
 * Where the contour map's plot lies in its picture, and the mapping between the world (x, y)
 * and the plot's pixels; y grows upward in the world and downward on screen. One unit is as
 * long in x as in y (the requested view is widened along one axis to fit), so angles are true
 * and the gradient is drawn at right angles to the level sets.
 */
public record MapGeometry(ViewBox view, double left, double top, double width, double height) {

  /**
   * The plot inside a picture of the given size, with room for the axes' ticks and titles on
   * the left and bottom and for the colour bar on the right, all scaled with the font; null
   * when the picture is too small to hold a plot.
   */
  public static MapGeometry layout(ViewBox requested, double pictureWidth,
      double pictureHeight, Look look) {
    MapGeometry plot = fill(requested, pictureWidth, pictureHeight, look);
    return plot == null ? null : fit(requested, plot.left, plot.top, plot.width, plot.height);
  }

  /**
   * As {@link #layout}, but the view fills the plot exactly, x and y each at its own scale:
   * for planes whose two axes are not lengths of the same kind.
   */
  public static MapGeometry fill(ViewBox requested, double pictureWidth,
      double pictureHeight, Look look) {
    double fs = look.fontSize();
    double left = 4.2 * fs + 10;
    double bottom = 2.7 * fs + 10;
    double top = Math.max(8, 0.6 * fs);
    double right = 16 * look.scale() + 3.4 * fs + 10;
    double w = pictureWidth - left - right;
    double h = pictureHeight - top - bottom;
    if (requested == null || w < 20 || h < 20) {
      return null;
    }
    return new MapGeometry(requested, left, top, w, h);
  }

  /** The requested view widened along one axis so that it fills the rectangle with true angles. */
  public static MapGeometry fit(ViewBox requested, double left, double top, double width,
      double height) {
    double w = Math.max(1, width);
    double h = Math.max(1, height);
    double cx = 0.5 * (requested.xMin() + requested.xMax());
    double cy = 0.5 * (requested.yMin() + requested.yMax());
    double unitsPerPixel = Math.max(requested.width() / w, requested.height() / h);
    double halfW = 0.5 * w * unitsPerPixel;
    double halfH = 0.5 * h * unitsPerPixel;
    return new MapGeometry(new ViewBox(cx - halfW, cx + halfW, cy - halfH, cy + halfH), left, top,
        w, h);
  }

  public double right() {
    return left + width;
  }

  public double bottom() {
    return top + height;
  }

  public double toScreenX(double x) {
    return left + (x - view.xMin()) / view.width() * width;
  }

  public double toScreenY(double y) {
    return top + (view.yMax() - y) / view.height() * height;
  }

  public double toWorldX(double sx) {
    return view.xMin() + (sx - left) / width * view.width();
  }

  public double toWorldY(double sy) {
    return view.yMax() - (sy - top) / height * view.height();
  }

  public boolean containsScreen(double sx, double sy) {
    return sx >= left && sx <= left + width && sy >= top && sy <= top + height;
  }

  /** World units per pixel, horizontally. */
  public double xPerPixel() {
    return view.width() / width;
  }

  /** World units per pixel, vertically. */
  public double yPerPixel() {
    return view.height() / height;
  }
}
