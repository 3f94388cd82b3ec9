package org.descent.render;

import org.descent.function.FormulaObjective;
import org.descent.function.ViewBox;

/**
 * A landscape prepared for the 3-D view, built once per function and view: the grid's values
 * as heights in [0, 1] on the scale of its {@link ContourLevels} (so a log-scaled landscape is
 * drawn log-scaled, and its valley is not a flat floor under one tall wall; see
 * {@link ContourLevels#surfaceHeight}), the
 * band colours by height, surface normals for shading, and the contour lines lifted to their
 * heights.
 *
 * <p>Build it with {@link #sample} from the formula (anti-aliased) or {@link #of} from a grid.
 *
 * <p>The mesh lives in a box: x and y map to [−1, 1] along the longer side of the view and
 * keep its proportions (up to 3 : 1), height h maps to z = h − 0.5. Each grid cell is two
 * triangles split along the diagonal from its top-left to its bottom-right node; {@link #height}
 * interpolates on exactly those triangles, so a path lifted with it lies on the drawn surface.
 */
public final class SurfaceMesh {

  static final int PALETTE_SIZE = 1024;
  private static final double MAX_ASPECT = 3;

  private final ViewBox view;
  private final int columns;
  private final int rows;
  private final float[] heights; // NaN where the value is NaN
  private final float[] normals; // (nx, ny, nz) per node, in box coordinates
  private final int[] palette; // band colour by height, PALETTE_SIZE entries over [0, 1]
  private final float[] contours; // (X0, Y0, h0, X1, Y1, h1) per segment, box coordinates
  private final double halfWidth;
  private final double halfDepth;

  private SurfaceMesh(ViewBox view, int columns, int rows, float[] heights,
      ContourLevels levels, ColorMap map) {
    this.view = view;
    this.columns = columns;
    this.rows = rows;
    this.heights = heights;
    double aspect = view.width() / view.height();
    aspect = Math.max(1 / MAX_ASPECT, Math.min(MAX_ASPECT, aspect));
    halfWidth = aspect >= 1 ? 1 : aspect;
    halfDepth = aspect >= 1 ? 1 / aspect : 1;
    normals = computeNormals();
    palette = new int[PALETTE_SIZE];
    for (int k = 0; k < PALETTE_SIZE; k++) {
      double h = (k + 0.5) / PALETTE_SIZE;
      int band = 0;
      while (band < levels.size() && levels.surfaceHeight(levels.level(band)) <= h) {
        band++;
      }
      palette[k] = map.argb(levels.bandFraction(band));
    }
    contours = contours(levels);
  }

  /**
   * The mesh of a grid (100 × 100 nodes is plenty for a frame), coloured by its levels; node
   * heights are {@code levels.surfaceHeight} of the node values.
   */
  public static SurfaceMesh of(ScalarGrid grid, ContourLevels levels, ColorMap map) {
    int columns = grid.columns();
    float[] heights = new float[columns * grid.rows()];
    for (int j = 0; j < grid.rows(); j++) {
      for (int i = 0; i < columns; i++) {
        heights[j * columns + i] = (float) levels.surfaceHeight(grid.value(i, j));
      }
    }
    return new SurfaceMesh(grid.view(), columns, grid.rows(), heights, levels, map);
  }

  /**
   * The mesh of f with each node's height averaged over 4 × 4 samples of its cell (on the
   * colour scale, so in log space for log levels). Sampling only at the nodes aliases narrow
   * features: Rosenbrock's log-scaled valley, a few nodes wide at 100 × 100, turns into a comb
   * of spikes; the average is what the cell looks like. A node is NaN when most of its samples
   * are. Uses f on the calling thread.
   */
  public static SurfaceMesh sample(FormulaObjective f, ViewBox view, int columns, int rows,
      ContourLevels levels, ColorMap map) {
    if (columns < 2 || rows < 2) {
      throw new IllegalArgumentException(
          "a mesh needs at least 2 x 2 nodes, got " + columns + " x " + rows);
    }
    int sub = 4;
    double dx = view.width() / (columns - 1);
    double dy = view.height() / (rows - 1);
    float[] heights = new float[columns * rows];
    for (int j = 0; j < rows; j++) {
      double y = view.yMax() - j * dy;
      for (int i = 0; i < columns; i++) {
        double x = view.xMin() + i * dx;
        double sum = 0;
        int finite = 0;
        for (int b = 0; b < sub; b++) {
          double sy = clamp(y + ((b + 0.5) / sub - 0.5) * dy, view.yMin(), view.yMax());
          for (int a = 0; a < sub; a++) {
            double sx = clamp(x + ((a + 0.5) / sub - 0.5) * dx, view.xMin(), view.xMax());
            double h = levels.surfaceHeight(f.value(sx, sy));
            if (!Double.isNaN(h)) {
              sum += h;
              finite++;
            }
          }
        }
        heights[j * columns + i] = 2 * finite > sub * sub ? (float) (sum / finite) : Float.NaN;
      }
    }
    return new SurfaceMesh(view, columns, rows, heights, levels, map);
  }

  private static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : v > hi ? hi : v;
  }

  public ViewBox view() {
    return view;
  }

  public int columns() {
    return columns;
  }

  public int rows() {
    return rows;
  }

  /** The normalized height of node (i, j) in [0, 1], or NaN. */
  public double nodeHeight(int i, int j) {
    return heights[j * columns + i];
  }

  /**
   * The normalized height of the drawn surface above world (x, y): linear on the mesh's
   * triangles; NaN outside the view or where a corner has no value.
   */
  public double height(double x, double y) {
    if (!(x >= view.xMin() && x <= view.xMax() && y >= view.yMin() && y <= view.yMax())) {
      return Double.NaN;
    }
    double u = (x - view.xMin()) / view.width() * (columns - 1);
    double v = (view.yMax() - y) / view.height() * (rows - 1);
    int i = Math.min((int) u, columns - 2);
    int j = Math.min((int) v, rows - 2);
    double fu = u - i;
    double fv = v - j;
    double h00 = heights[j * columns + i];
    double h11 = heights[(j + 1) * columns + i + 1];
    if (fu >= fv) { // upper-right triangle: (i, j), (i + 1, j), (i + 1, j + 1)
      double h10 = heights[j * columns + i + 1];
      return h00 + fu * (h10 - h00) + fv * (h11 - h10);
    }
    double h01 = heights[(j + 1) * columns + i]; // lower-left: (i, j), (i + 1, j + 1), (i, j + 1)
    return h00 + fv * (h01 - h00) + fu * (h11 - h01);
  }

  /** Box x of world x. */
  double boxX(double x) {
    return (2 * (x - view.xMin()) / view.width() - 1) * halfWidth;
  }

  /** Box y of world y. */
  double boxY(double y) {
    return (2 * (y - view.yMin()) / view.height() - 1) * halfDepth;
  }

  /** Box x of column i. */
  double columnX(int i) {
    return (2.0 * i / (columns - 1) - 1) * halfWidth;
  }

  /** Box y of row j (row 0 is the far edge, y = yMax). */
  double rowY(int j) {
    return (1 - 2.0 * j / (rows - 1)) * halfDepth;
  }

  /** Radius of the sphere around the box, which the camera fits into the image. */
  double radius() {
    return Math.sqrt(halfWidth * halfWidth + halfDepth * halfDepth + 0.25);
  }

  float[] heights() {
    return heights;
  }

  float[] normals() {
    return normals;
  }

  private float[] computeNormals() {
    float[] n = new float[3 * columns * rows];
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < columns; i++) {
        // Central differences, one-sided at edges and next to missing values.
        double dzdx = slope(i > 0 ? j * columns + i - 1 : -1,
            i + 1 < columns ? j * columns + i + 1 : -1, j * columns + i,
            2.0 / (columns - 1) * halfWidth);
        // Row j − 1 is further +y than row j + 1.
        double dzdy = slope(j + 1 < rows ? (j + 1) * columns + i : -1,
            j > 0 ? (j - 1) * columns + i : -1, j * columns + i, 2.0 / (rows - 1) * halfDepth);
        double len = Math.sqrt(dzdx * dzdx + dzdy * dzdy + 1);
        int k = 3 * (j * columns + i);
        n[k] = (float) (-dzdx / len);
        n[k + 1] = (float) (-dzdy / len);
        n[k + 2] = (float) (1 / len);
      }
    }
    return n;
  }

  // dz per unit of box length from the node before to the node after (indices, −1 if none).
  private double slope(int before, int after, int here, double spacing) {
    boolean hasBefore = before >= 0 && !Float.isNaN(heights[before]);
    boolean hasAfter = after >= 0 && !Float.isNaN(heights[after]);
    boolean hasHere = !Float.isNaN(heights[here]);
    if (hasBefore && hasAfter) {
      return (heights[after] - heights[before]) / (2 * spacing);
    }
    if (hasAfter && hasHere) {
      return (heights[after] - heights[here]) / spacing;
    }
    if (hasBefore && hasHere) {
      return (heights[here] - heights[before]) / spacing;
    }
    return 0;
  }

  int[] palette() {
    return palette;
  }

  float[] contours() {
    return contours;
  }

  // Iso-lines of the heights at the levels' heights: where the drawn bands change colour.
  private float[] contours(ContourLevels levels) {
    double[] h = new double[heights.length];
    for (int k = 0; k < h.length; k++) {
      h[k] = heights[k];
    }
    ScalarGrid grid = ScalarGrid.of(view, columns, rows, h);
    double[][] all = new double[levels.size()][];
    float[] levelHeight = new float[levels.size()];
    int n = 0;
    for (int k = 0; k < all.length; k++) {
      levelHeight[k] = (float) levels.surfaceHeight(levels.level(k));
      all[k] = MarchingSquares.segments(grid, levelHeight[k]);
      n += all[k].length / 4;
    }
    float[] out = new float[6 * n];
    int m = 0;
    for (int k = 0; k < all.length; k++) {
      double[] s = all[k];
      for (int q = 0; q < s.length; q += 4) {
        out[m++] = (float) boxX(s[q]);
        out[m++] = (float) boxY(s[q + 1]);
        out[m++] = levelHeight[k];
        out[m++] = (float) boxX(s[q + 2]);
        out[m++] = (float) boxY(s[q + 3]);
        out[m++] = levelHeight[k];
      }
    }
    return out;
  }
}
