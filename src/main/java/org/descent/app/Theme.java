package org.descent.app;

import javafx.scene.paint.Color;
import org.descent.picture.Look;

/**
 * The app's themes. Controls are styled by a stylesheet each; canvases and charts read the
 * colours of the theme's {@link Look}, the same the headless pictures use. High contrast is
 * for projectors in bright rooms: black on white, heavy lines.
 */
public enum Theme {
  LIGHT("Light", "/styles/light.css", Look.LIGHT),
  DARK("Dark", "/styles/dark.css", Look.DARK),
  HIGH_CONTRAST("High contrast", "/styles/high-contrast.css", Look.HIGH_CONTRAST);

  private final String title;
  private final String stylesheet;
  private final Look base;

  Theme(String title, String stylesheet, Look base) {
    this.title = title;
    this.stylesheet = stylesheet;
    this.base = base;
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
    return fx(base.foreground());
  }

  public Color background() {
    return fx(base.background());
  }

  public Color plotBackground() {
    return fx(base.plotBackground());
  }

  public Color axis() {
    return fx(base.axis());
  }

  public boolean dark() {
    return this == DARK;
  }

  /** This theme as the pictures (map, charts, export) see it. */
  public Look look(double scale, float fontSize) {
    return base.scaled(scale, fontSize);
  }

  /** A colour as 0xAARRGGBB. */
  public static int argb(Color c) {
    return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
        | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
  }

  private static Color fx(int argb) {
    return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255,
        ((argb >>> 24) & 255) / 255.0);
  }
}
