package org.descent.app.model;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * Optimizer colours: the Okabe–Ito palette, distinguishable by colour-blind students, ordered
 * so the first ones stand out on the viridis map (purple to yellow) and on light and dark
 * backgrounds. Paths are drawn with a halo, so even the yellow stays readable.
 */
public final class Palette {

  private static final List<Color> COLORS = List.of(
      Color.web("#ff5a36"),   // vermillion, brightened
      Color.web("#56b4e9"),   // sky blue
      Color.web("#f0e442"),   // yellow
      Color.web("#ffffff"),   // white
      Color.web("#cc79a7"),   // reddish purple
      Color.web("#e69f00"),   // orange
      Color.web("#009e73"),   // bluish green
      Color.web("#0072b2"));  // blue

  private Palette() {}

  /** The colour of the n-th optimizer (cycling). */
  public static Color color(int n) {
    return COLORS.get(Math.floorMod(n, COLORS.size()));
  }

  /** The first palette colour not in use, or the n-th when all are taken. */
  public static Color unused(List<Color> inUse) {
    for (Color c : COLORS) {
      if (!inUse.contains(c)) {
        return c;
      }
    }
    return color(inUse.size());
  }
}
