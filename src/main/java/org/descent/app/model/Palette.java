package org.descent.app.model;

import java.util.List;
import javafx.scene.paint.Color;
import org.descent.app.Theme;
import org.descent.picture.Colors;

/** The optimizer colours of {@link Colors} as JavaFX colours. */
public final class Palette {

  private Palette() {}

  /** The colour of the n-th optimizer (cycling). */
  public static Color color(int n) {
    return fx(Colors.color(n));
  }

  /** The first palette colour not in use, or the n-th when all are taken. */
  public static Color unused(List<Color> inUse) {
    return fx(Colors.unused(inUse.stream().map(Theme::argb).toList()));
  }

  private static Color fx(int argb) {
    return Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255);
  }
}
