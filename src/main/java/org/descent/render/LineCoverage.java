package org.descent.render;

import java.util.Arrays;

/**
 * Anti-aliased strokes drawn in two passes: segments first record, per pixel, the largest
 * coverage any of them gives (1 inside the stroke, falling to 0 over one pixel at its edge),
 * then {@link #composite} blends one colour by that coverage. Taking the maximum rather than
 * blending each segment keeps the joints of a polyline from showing as darker dots.
 *
 * <p>A segment can be depth-tested against a z-buffer (larger depth is nearer), so lines on a
 * surface are hidden where the surface is in front of them. Not thread-safe; reused per frame.
 */
final class LineCoverage {

  // Longest piece covered at once, in pixels.
  private static final double MAX_PIECE = 6;

  private int width;
  private int height;
  private float[] coverage = new float[0];
  // The rectangle touched since the last composite, so clearing costs what drawing cost.
  private int minX;
  private int minY;
  private int maxX;
  private int maxY;

  /** Sizes the buffer for an image (keeping it if large enough) and clears it. */
  void reset(int width, int height) {
    this.width = width;
    this.height = height;
    if (coverage.length < width * height) {
      coverage = new float[width * height];
    } else {
      Arrays.fill(coverage, 0, width * height, 0f);
    }
    emptyBounds();
  }

  private void emptyBounds() {
    minX = Integer.MAX_VALUE;
    minY = Integer.MAX_VALUE;
    maxX = -1;
    maxY = -1;
  }

  /** A segment between pixel positions (pixel centres are at integer + 0.5), not depth-tested. */
  void segment(double x0, double y0, double x1, double y1, double lineWidth) {
    segment(x0, y0, 0, x1, y1, 0, lineWidth, null, 0);
  }

  /**
   * A segment whose depth runs linearly from z0 to z1, drawn only on pixels where it is no
   * more than {@code tolerance} behind {@code depth} (or everywhere if depth is null).
   */
  void segment(double x0, double y0, double z0, double x1, double y1, double z1,
      double lineWidth, float[] depth, double tolerance) {
    if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1)
        && Double.isFinite(y1))) {
      return;
    }
    double length = Math.hypot(x1 - x0, y1 - y0);
    if (length > MAX_PIECE) {
      // A long diagonal's bounding box is mostly empty: cover it in short pieces instead.
      int pieces = (int) Math.min(100_000, Math.ceil(length / MAX_PIECE));
      for (int k = 0; k < pieces; k++) {
        double s = (double) k / pieces;
        double t = (double) (k + 1) / pieces;
        piece(x0 + s * (x1 - x0), y0 + s * (y1 - y0), z0 + s * (z1 - z0),
            x0 + t * (x1 - x0), y0 + t * (y1 - y0), z0 + t * (z1 - z0), lineWidth, depth,
            tolerance);
      }
    } else {
      piece(x0, y0, z0, x1, y1, z1, lineWidth, depth, tolerance);
    }
  }

  private void piece(double x0, double y0, double z0, double x1, double y1, double z1,
      double lineWidth, float[] depth, double tolerance) {
    double r = Math.max(lineWidth, 0.5) / 2;
    // Thin lines keep their full width but fade, so a 0.5 px line looks half as strong.
    float strength = (float) Math.min(1, lineWidth);
    double reach = r + 1;
    int xa = (int) Math.max(0, Math.floor(Math.min(x0, x1) - reach));
    int xb = (int) Math.min(width - 1, Math.ceil(Math.max(x0, x1) + reach));
    int ya = (int) Math.max(0, Math.floor(Math.min(y0, y1) - reach));
    int yb = (int) Math.min(height - 1, Math.ceil(Math.max(y0, y1) + reach));
    if (xa > xb || ya > yb) {
      return;
    }
    double dx = x1 - x0;
    double dy = y1 - y0;
    double len2 = dx * dx + dy * dy;
    double outer2 = (r + 0.5) * (r + 0.5); // beyond: no coverage
    double inner2 = r > 0.5 ? (r - 0.5) * (r - 0.5) : -1; // within: full coverage
    for (int py = ya; py <= yb; py++) {
      double cy = py + 0.5;
      int row = py * width;
      for (int px = xa; px <= xb; px++) {
        double cx = px + 0.5;
        double t = len2 == 0 ? 0 : ((cx - x0) * dx + (cy - y0) * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        double ex = x0 + t * dx - cx;
        double ey = y0 + t * dy - cy;
        double d2 = ex * ex + ey * ey;
        if (d2 >= outer2) {
          continue;
        }
        double a = d2 <= inner2 ? 1 : r + 0.5 - Math.sqrt(d2);
        if (depth != null && z0 + t * (z1 - z0) < depth[row + px] - tolerance) {
          continue;
        }
        float c = (float) Math.min(1, a) * strength;
        if (c > coverage[row + px]) {
          coverage[row + px] = c;
        }
      }
    }
    minX = Math.min(minX, xa);
    maxX = Math.max(maxX, xb);
    minY = Math.min(minY, ya);
    maxY = Math.max(maxY, yb);
  }

  /**
   * Blends {@code argb} (its alpha scales the coverage) over the image wherever segments were
   * drawn since the last composite, then clears what it used.
   */
  void composite(int[] image, int argb) {
    int alpha = (argb >>> 24) & 255;
    int r = (argb >> 16) & 255;
    int g = (argb >> 8) & 255;
    int b = argb & 255;
    for (int py = minY; py <= maxY; py++) {
      int row = py * width;
      for (int px = minX; px <= maxX; px++) {
        float c = coverage[row + px];
        if (c > 0) {
          coverage[row + px] = 0;
          image[row + px] = blend(image[row + px], r, g, b, (int) (c * alpha + 0.5f));
        }
      }
    }
    emptyBounds();
  }

  /** Colour (r, g, b) with alpha a (0..255) over dst ("source over"); opaque dst stays so. */
  static int blend(int dst, int r, int g, int b, int a) {
    int da = (dst >>> 24) & 255;
    int dw = da * (255 - a) / 255; // the weight left to dst
    int oa = a + dw;
    if (oa == 0) {
      return 0;
    }
    int or = (r * a + ((dst >> 16) & 255) * dw + oa / 2) / oa;
    int og = (g * a + ((dst >> 8) & 255) * dw + oa / 2) / oa;
    int ob = (b * a + (dst & 255) * dw + oa / 2) / oa;
    return (oa << 24) | (or << 16) | (og << 8) | ob;
  }
}
