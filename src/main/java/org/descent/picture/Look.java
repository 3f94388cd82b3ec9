package org.descent.picture;

/**
 * How a picture looks, shared by the app's views and headless export: the theme's colours
 * (ARGB), how much thicker lines and larger markers are (1 normally, 2 in presentation mode)
 * and the base font size in pixels.
 */
public record Look(int foreground, int background, int plotBackground, int axis, double scale,
    float fontSize, boolean highContrast) {

  /** The font every picture uses, so text is measured where it is drawn, on every machine. */
  public static final String FONT = "DejaVu Sans";

  public static final Look LIGHT = new Look(0xFF1D1D1F, 0xFFF6F6F8, 0xFFFFFFFF, 0xFF505058, 1,
      12, false);
  public static final Look DARK = new Look(0xFFE8E8EC, 0xFF1E1F24, 0xFF15161A, 0xFFA0A0AA, 1,
      12, false);
  public static final Look HIGH_CONTRAST = new Look(0xFF000000, 0xFFFFFFFF, 0xFFFFFFFF,
      0xFF000000, 1, 12, true);

  public Look {
    if (!(scale > 0) || !(fontSize > 0)) {
      throw new IllegalArgumentException("scale and font size must be positive");
    }
  }

  /** The same colours with other line and font sizes. */
  public Look scaled(double newScale, float newFontSize) {
    return new Look(foreground, background, plotBackground, axis, newScale, newFontSize,
        highContrast);
  }

  public java.awt.Color awt(int argb) {
    return new java.awt.Color(argb, true);
  }

  public java.awt.Font font(int style, double size) {
    return new java.awt.Font(FONT, style, Math.max(1, (int) Math.round(size)));
  }
}
