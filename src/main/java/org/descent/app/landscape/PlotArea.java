package org.descent.app.landscape;

import org.descent.function.ViewBox;

/**
 * The mapping between the world (x, y) of a view box and the pixels of a plot rectangle; y grows
 * upward in the world and downward on screen. The view is stretched to fill the rectangle,
 * so a lecturer's chosen window is always shown whole.
 */
record PlotArea(ViewBox view, double left, double top, double width, double height) {

  /**
   * The requested view, widened along one axis so that one unit is as long in x as in y:
   * angles stay true, so the gradient is drawn orthogonal to the level sets.
   */
  static PlotArea fit(ViewBox requested, double left, double top, double width, double height) {
    double w = Math.max(1, width);
    double h = Math.max(1, height);
    double cx = 0.5 * (requested.xMin() + requested.xMax());
    double cy = 0.5 * (requested.yMin() + requested.yMax());
    double unitsPerPixel = Math.max(requested.width() / w, requested.height() / h);
    double halfW = 0.5 * w * unitsPerPixel;
    double halfH = 0.5 * h * unitsPerPixel;
    return new PlotArea(new ViewBox(cx - halfW, cx + halfW, cy - halfH, cy + halfH), left, top,
        w, h);
  }

  double toScreenX(double x) {
    return left + (x - view.xMin()) / view.width() * width;
  }

  double toScreenY(double y) {
    return top + (view.yMax() - y) / view.height() * height;
  }

  double toWorldX(double sx) {
    return view.xMin() + (sx - left) / width * view.width();
  }

  double toWorldY(double sy) {
    return view.yMax() - (sy - top) / height * view.height();
  }

  boolean containsScreen(double sx, double sy) {
    return sx >= left && sx <= left + width && sy >= top && sy <= top + height;
  }

  /** World units per pixel, horizontally. */
  double xPerPixel() {
    return view.width() / width;
  }

  /** World units per pixel, vertically. */
  double yPerPixel() {
    return view.height() / height;
  }
}
