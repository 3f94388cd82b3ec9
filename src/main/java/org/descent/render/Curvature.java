package org.descent.render;

import org.descent.function.FormulaObjective;
import org.descent.function.ViewBox;

/**
 * Where a function is convex: each pixel of a view classified by its Hessian — positive
 * definite (locally convex), indefinite (saddle-shaped), negative definite (locally concave) —
 * and drawn as an overlay for the contour map: concave regions tinted red, saddle-shaped ones
 * hatched, convex ones left clear, with a line where the kind changes (det H = 0 or a sign of
 * the trace), so "convex" can be pointed at.
 */
public final class Curvature {

  /** The kinds, as stored per pixel. */
  public static final byte CONVEX = 0;
  public static final byte SADDLE = 1;
  public static final byte CONCAVE = 2;
  public static final byte UNDEFINED = 3;

  private static final int CONCAVE_TINT = 0x59E0403A; // red at 35 %
  private static final int SADDLE_HATCH = 0x8CFFFFFF; // white stripes at 55 %
  private static final int SADDLE_TINT = 0x26FF9F1C; // orange at 15 %
  private static final int BOUNDARY = 0xCC000000;

  private Curvature() {}

  /**
   * The kind of every pixel centre of a width × height picture of the view (row-major, top
   * row first). Uses {@code f} on the calling thread.
   */
  public static byte[] classify(FormulaObjective f, ViewBox view, int width, int height) {
    byte[] kinds = new byte[width * height];
    double[] jet = new double[6];
    for (int j = 0; j < height; j++) {
      double y = view.yMax() - (j + 0.5) / height * view.height();
      for (int i = 0; i < width; i++) {
        double x = view.xMin() + (i + 0.5) / width * view.width();
        f.jet(x, y, jet);
        kinds[j * width + i] = kind(jet[3], jet[4], jet[5]);
      }
    }
    return kinds;
  }

  /** The kind of the Hessian [[a, b], [b, c]]: by the signs of its determinant and trace. */
  public static byte kind(double a, double b, double c) {
    double det = a * c - b * b;
    double trace = a + c;
    if (!Double.isFinite(det) || !Double.isFinite(trace)) {
      return UNDEFINED;
    }
    if (det < 0) {
      return SADDLE;
    }
    if (det > 0) {
      return trace > 0 ? CONVEX : CONCAVE;
    }
    return trace >= 0 ? CONVEX : CONCAVE; // semi-definite: on the boundary, counted on its side
  }

  /** The overlay's ARGB pixels for the kinds (transparent where convex). */
  public static int[] overlay(byte[] kinds, int width, int height, float scale) {
    int[] argb = new int[width * height];
    int stripe = Math.max(6, Math.round(9 * scale));
    int line = Math.max(1, Math.round(1.5f * scale));
    for (int j = 0; j < height; j++) {
      for (int i = 0; i < width; i++) {
        int k = j * width + i;
        byte kind = kinds[k];
        int colour = 0;
        if (kind == CONCAVE) {
          colour = CONCAVE_TINT;
        } else if (kind == SADDLE) {
          colour = ((i + j) % stripe) < line ? SADDLE_HATCH : SADDLE_TINT;
        }
        // The boundary: a pixel whose right or lower neighbour is of another kind.
        if (i + 1 < width && kinds[k + 1] != kind || j + 1 < height && kinds[k + width] != kind) {
          colour = BOUNDARY;
        }
        argb[k] = colour;
      }
    }
    return argb;
  }
}
