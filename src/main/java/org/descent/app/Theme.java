package org.descent.app;

import javafx.scene.paint.Color;

/**
 * The app's themes. Controls are styled by a stylesheet each; canvases and charts read the
 * colours here. High contrast is for projectors in bright rooms: black on white, heavy lines.
 */
public enum Theme {
  LIGHT("Light", "/styles/light.css", Color.web("#1d1d1f"), Color.web("#f6f6f8"),
      Color.web("#ffffff"), Color.web("#505058")),
  DARK("Dark", "/styles/dark.css", Color.web("#e8e8ec"), Color.web("#1e1f24"),
      Color.web("#15161a"), Color.web("#a0a0aa")),
  HIGH_CONTRAST("High contrast", "/styles/high-contrast.css", Color.BLACK, Color.WHITE,
      Color.WHITE, Color.BLACK);

  private final String title;
  private final String stylesheet;
  private final Color foreground;
  private final Color background;
  private final Color plotBackground;
  private final Color axis;

  Theme(String title, String stylesheet, Color foreground, Color background,
      Color plotBackground, Color axis) {
    this.title = title;
    this.stylesheet = stylesheet;
    this.foreground = foreground;
    this.background = background;
    this.plotBackground = plotBackground;
    this.axis = axis;
  }

  public String title() {
    return title;
  }

  /** The stylesheet's URL as a string, for {@code Scene.getStylesheets()}. */
  public String stylesheetUrl() {
    var url = Theme.class.getResource(stylesheet);
    if (url == null) {
      throw new IllegalStateException("missing stylesheet " + stylesheet);
    }
    return url.toExternalForm();
  }

  public Color foreground() {
    return foreground;
  }

  public Color background() {
    return background;
  }

  public Color plotBackground() {
    return plotBackground;
  }

  public Color axis() {
    return axis;
  }

  public boolean dark() {
    return this == DARK;
  }

  /** This theme as the pictures (map, charts, export) see it. */
  public org.descent.picture.Look look(double scale, float fontSize) {
    return new org.descent.picture.Look(argb(foreground), argb(background), argb(plotBackground),
        argb(axis), scale, fontSize, this == HIGH_CONTRAST);
  }

  /** A colour as 0xAARRGGBB. */
  public static int argb(Color c) {
    return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
        | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
  }
}
