package org.descent.render;

/**
 * A map from t in [0, 1] to an opaque colour. The maps offered are perceptual (lightness rises
 * steadily with t, so equal steps in value read as equal steps in colour, also in grey print)
 * and safe for the common forms of colour blindness.
 *
 * <p>A map is a table of 1,024 colours interpolated once from a few control points, so a lookup
 * is an array access: the surface renderer calls it per pixel.
 */
public final class ColorMap {

  /** Shown where there is no value (NaN): a neutral grey that no perceptual map contains. */
  public static final int NO_DATA = 0xFF9A9A9A;

  private static final int SIZE = 1024;

  // R's viridis(10) (viridisLite), matplotlib's default since 2.0, by van der Walt and Smith:
  // equal steps in CAM02-UCS lightness from dark blue-violet to yellow.
  private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E,
      0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725};

  private final int[] table;

  private ColorMap(int[] table) {
    this.table = table;
  }

  /** Viridis: dark violet (t = 0) through blue and green to yellow (t = 1). */
  public static ColorMap viridis() {
    return fromControlPoints(VIRIDIS);
  }

  /**
   * Equally spaced control points (0xRRGGBB), interpolated linearly in sRGB; with points as
   * close as viridis(10) this stays within a few units of 255 of the designed curve.
   */
  static ColorMap fromControlPoints(int[] rgb) {
    if (rgb.length < 2) {
      throw new IllegalArgumentException("a colour map needs at least 2 control points");
    }
    int[] table = new int[SIZE];
    int segments = rgb.length - 1;
    for (int k = 0; k < SIZE; k++) {
      double s = (double) k / (SIZE - 1) * segments;
      int i = Math.min((int) s, segments - 1);
      double u = s - i;
      table[k] = 0xFF000000 | mix(rgb[i], rgb[i + 1], u);
    }
    return new ColorMap(table);
  }

  private static int mix(int a, int b, double u) {
    int r = (int) Math.round(((a >> 16) & 255) * (1 - u) + ((b >> 16) & 255) * u);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - u) + ((b >> 8) & 255) * u);
    int bl = (int) Math.round((a & 255) * (1 - u) + (b & 255) * u);
    return (r << 16) | (g << 8) | bl;
  }

  /**
   * The colour at t, fully opaque, as 0xAARRGGBB; t is clamped to [0, 1], and NaN gives
   * {@link #NO_DATA}.
   */
  public int argb(double t) {
    if (Double.isNaN(t)) {
      return NO_DATA;
    }
    double c = t <= 0 ? 0 : t >= 1 ? 1 : t;
    return table[(int) (c * (SIZE - 1) + 0.5)];
  }

  /** The same colours in the opposite order (bright for low values). */
  public ColorMap reversed() {
    int[] r = new int[SIZE];
    for (int k = 0; k < SIZE; k++) {
      r[k] = table[SIZE - 1 - k];
    }
    return new ColorMap(r);
  }

  /**
   * Relative luminance of an sRGB colour (WCAG 2 / ITU-R BT.709 weights on linear light), in
   * [0, 1]: what the eye reads as lightness order, used to check the map is perceptual.
   */
  public static double luminance(int argb) {
    return 0.2126 * linear((argb >> 16) & 255) + 0.7152 * linear((argb >> 8) & 255)
        + 0.0722 * linear(argb & 255);
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
