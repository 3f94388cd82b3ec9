package org.descent.picture;

import org.descent.function.FormulaObjective;
import org.descent.function.ViewBox;
import org.descent.render.ColorMap;
import org.descent.render.ContourLevels;
import org.descent.render.FilledContours;
import org.descent.render.ScalarGrid;

/**
 * The background of the contour map for one view and size: the filled contours with their
 * lines, as ARGB pixels. Computed off the JavaFX thread; the app and export draw the same one.
 *
 * @param argb width × height pixels, row-major, top row first
 * @param landscape an identity of the function it shows, so a view never shows another
 *     function's field
 */
public record MapField(ViewBox view, int width, int height, int[] argb, ContourLevels levels,
    Object landscape, boolean convexity, org.descent.analysis.BasinMap basins) {

  /** How many contour levels the map aims at. */
  public static final int LEVELS = 18;

  /**
   * Samples f at one node per pixel and draws the bands and their boundaries.
   *
   * @param logarithmic the kind of levels to use (the whole landscape's kind, kept on zoom),
   *     or null to choose from this view's range
   */
  public static MapField compute(FormulaObjective f, ViewBox view, int width, int height,
      float lineWidth, boolean darkLines, Boolean logarithmic, Object landscape) {
    return compute(f, view, width, height, lineWidth, darkLines, logarithmic, landscape, false);
  }

  /**
   * As {@link #compute(FormulaObjective, ViewBox, int, int, float, boolean, Boolean, Object)},
   * with the convexity overlay of {@link org.descent.render.Curvature} composed in when asked.
   */
  public static MapField compute(FormulaObjective f, ViewBox view, int width, int height,
      float lineWidth, boolean darkLines, Boolean logarithmic, Object landscape,
      boolean convexity) {
    return compute(f, view, width, height, lineWidth, darkLines, logarithmic, landscape,
        convexity, null);
  }

  /**
   * As above, with a basin map painted under the contour lines (null for none): each start's
   * basin colour instead of the bands, the lines drawn dark over the pale colours.
   */
  public static MapField compute(FormulaObjective f, ViewBox view, int width, int height,
      float lineWidth, boolean darkLines, Boolean logarithmic, Object landscape,
      boolean convexity, org.descent.analysis.BasinMap basins) {
    ScalarGrid grid = ScalarGrid.sample(f, view, width, height);
    ContourLevels levels = logarithmic == null ? ContourLevels.choose(grid, LEVELS)
        : ContourLevels.choose(grid.min(), grid.max(), LEVELS, logarithmic);
    int[] argb = FilledContours.render(grid, levels, ColorMap.viridis());
    if (basins != null) {
      BasinColours.paint(argb, width, height, view, basins);
    }
    FilledContours.drawLines(argb, grid, levels, darkLines || basins != null ? 0x8C000000
        : 0x99FFFFFF, lineWidth);
    if (convexity) {
      int[] overlay = org.descent.render.Curvature.overlay(org.descent.render.Curvature.classify(
          f, view, width, height), width, height, lineWidth);
      for (int k = 0; k < argb.length; k++) {
        argb[k] = over(argb[k], overlay[k]);
      }
    }
    return new MapField(view, width, height, argb, levels, landscape, convexity, basins);
  }

  // Source-over of a translucent overlay on an opaque pixel.
  private static int over(int dst, int src) {
    int a = src >>> 24;
    if (a == 0) {
      return dst;
    }
    int r = (((src >> 16) & 255) * a + ((dst >> 16) & 255) * (255 - a)) / 255;
    int g = (((src >> 8) & 255) * a + ((dst >> 8) & 255) * (255 - a)) / 255;
    int b = ((src & 255) * a + (dst & 255) * (255 - a)) / 255;
    return 0xFF000000 | (r << 16) | (g << 8) | b;
  }

  /** Whether the landscape over its own default view calls for logarithmic levels. */
  public static boolean logarithmicFor(FormulaObjective f, ViewBox defaultView) {
    ScalarGrid grid = ScalarGrid.sample(f, defaultView, 96, 96);
    return ContourLevels.choose(grid, LEVELS).logarithmic();
  }
}
