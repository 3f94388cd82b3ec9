package org.descent.picture;

import java.util.List;

/**
 * Optimizer colours (ARGB): the Okabe–Ito palette, distinguishable by colour-blind students,
 * ordered so the first ones stand out on the viridis map (purple to yellow) and on light and
 * dark backgrounds. Paths are drawn with a halo, so even the yellow stays readable.
 */
public final class Colors {

  private static final List<Integer> DEFAULTS = List.of(
      0xFFFF5A36,   // vermillion, brightened
      0xFF56B4E9,   // sky blue
      0xFFF0E442,   // yellow
      0xFFFFFFFF,   // white
      0xFFCC79A7,   // reddish purple
      0xFFE69F00,   // orange
      0xFF009E73,   // bluish green
      0xFF0072B2);  // blue

  private Colors() {}

  /** The colour of the n-th optimizer (cycling). */
  public static int color(int n) {
    return DEFAULTS.get(Math.floorMod(n, DEFAULTS.size()));
  }

  /** The first palette colour not in use, or the n-th when all are taken. */
  public static int unused(List<Integer> inUse) {
    for (int c : DEFAULTS) {
      if (!inUse.contains(c)) {
        return c;
      }
    }
    return color(inUse.size());
  }

  /** "#rrggbb" as an opaque ARGB colour. */
  public static int parse(String hex) {
    return 0xFF000000 | Integer.parseInt(hex.substring(1), 16);
  }
}
