package org.descent.app.landscape;

import org.descent.function.FormulaObjective;
import org.descent.function.ViewBox;
import org.descent.render.ColorMap;
import org.descent.render.ContourLevels;
import org.descent.render.FilledContours;
import org.descent.render.ScalarGrid;

/**
 * The background of the contour view for one view and size: the filled contours with their
 * lines, as ARGB pixels, computed off the JavaFX thread.
 *
 * @param argb width × height pixels, row-major, top row first
 */
record ContourField(ViewBox view, int width, int height, int[] argb, ContourLevels levels) {

  static final int LEVELS = 18;

  /** Samples f at one node per pixel and draws the bands and their boundaries. */
  static ContourField compute(FormulaObjective f, ViewBox view, int width, int height,
      float lineWidth, boolean darkLines) {
    ScalarGrid grid = ScalarGrid.sample(f, view, width, height);
    ContourLevels levels = ContourLevels.choose(grid, LEVELS);
    int[] argb = FilledContours.render(grid, levels, ColorMap.viridis());
    FilledContours.drawLines(argb, grid, levels, darkLines ? 0x8C000000 : 0x99FFFFFF, lineWidth);
    return new ContourField(view, width, height, argb, levels);
  }
}
