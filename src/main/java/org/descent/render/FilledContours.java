package org.descent.render;

/**
 * A filled contour map: one ARGB pixel per grid node, row-major ({@code [j * columns + i]}),
 * so a grid sampled at the view's pixel size is the picture. Each value is painted the colour
 * of its band (the middle of the band on the colour scale), which makes the bands read as
 * terraces whose edges are the contour lines; NaN is painted in grey stripes, so missing values
 * are visible as such whatever a viewer's colour vision.
 */
public final class FilledContours {

  /** Stripe colours for nodes without a value. */
  private static final int NO_DATA_LIGHT = ColorMap.NO_DATA;
  private static final int NO_DATA_DARK = 0xFF7A7A7A;

  private FilledContours() {}

  /** Each node in the colour of its band. */
  public static int[] render(ScalarGrid g, ContourLevels levels, ColorMap map) {
    int[] bandColour = new int[levels.size() + 1];
    for (int b = 0; b < bandColour.length; b++) {
      bandColour[b] = map.argb(levels.bandFraction(b));
    }
    int columns = g.columns();
    int[] out = new int[columns * g.rows()];
    for (int j = 0; j < g.rows(); j++) {
      for (int i = 0; i < columns; i++) {
        int band = levels.band(g.value(i, j));
        out[j * columns + i] = band < 0 ? noData(i, j) : bandColour[band];
      }
    }
    return out;
  }

  /** Each node in the colour of its own value (no bands): a smooth heat map. */
  public static int[] renderSmooth(ScalarGrid g, ContourLevels levels, ColorMap map) {
    int columns = g.columns();
    int[] out = new int[columns * g.rows()];
    for (int j = 0; j < g.rows(); j++) {
      for (int i = 0; i < columns; i++) {
        double v = g.value(i, j);
        out[j * columns + i] = Double.isNaN(v) ? noData(i, j) : map.argb(levels.fraction(v));
      }
    }
    return out;
  }

  // Diagonal stripes, 4 pixels wide.
  private static int noData(int i, int j) {
    return ((i + j) >> 2 & 1) == 0 ? NO_DATA_LIGHT : NO_DATA_DARK;
  }

  /**
   * Draws the contour lines of every level onto an image of the grid (as made by
   * {@link #render}), anti-aliased, in {@code argb} (its alpha makes them fainter) and
   * {@code width} pixels wide. For headless export; the app strokes the same segments itself.
   *
   * @param image modified: {@code columns × rows} pixels, row-major
   */
  public static void drawLines(int[] image, ScalarGrid g, ContourLevels levels, int argb,
      float width) {
    int columns = g.columns();
    int rows = g.rows();
    if (image.length != columns * rows) {
      throw new IllegalArgumentException(
          "image has " + image.length + " pixels, the grid " + columns * rows);
    }
    // Node i is the centre of pixel i, at i + 0.5.
    double sx = (columns - 1) / g.view().width();
    double sy = (rows - 1) / g.view().height();
    double xMin = g.view().xMin();
    double yMax = g.view().yMax();
    LineCoverage lines = new LineCoverage();
    lines.reset(columns, rows);
    for (double[] xy : MarchingSquares.segments(g, levels)) {
      for (int k = 0; k < xy.length; k += 4) {
        lines.segment((xy[k] - xMin) * sx + 0.5, (yMax - xy[k + 1]) * sy + 0.5,
            (xy[k + 2] - xMin) * sx + 0.5, (yMax - xy[k + 3]) * sy + 0.5, width);
      }
    }
    lines.composite(image, argb);
  }
}
