package org.descent.picture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the runs' bold paths are drawn and how wide each is, so that paths that
 * run along each other stay apart to the eye: the path that covers the most of the map goes
 * first (at the bottom) and shorter ones on top of it; a path that lies mostly under paths
 * drawn after it is drawn wider, one step per path above it, so it shows as a rim in its
 * colour on both sides of them, like the strands of a cable.
 *
 * <p>Coverage is measured on a coarse grid of cells a path's width across: cheap enough for
 * every frame of playback.
 */
final class PathStack {

  /** A path mostly under others (this share of its cells) is drawn as a rim around them. */
  static final double COVERED = 0.45;
  /** At most this many rims around one path: wider would hide the map. */
  static final int MAX_LEVEL = 3;

  private PathStack() {}

  /**
   * @param order the runs' indices, first drawn first
   * @param level per run, how many rims wide its path is drawn (0: the plain width)
   */
  record Layout(int[] order, int[] level) {}

  /**
   * @param paths per run its bold path on screen as {x0, y0, x1, y1, …} (empty for none)
   * @param cell the grid's cell size in pixels (about a path's width)
   */
  static Layout of(List<double[]> paths, double cell) {
    int n = paths.size();
    List<long[]> cells = new ArrayList<>();
    for (double[] p : paths) {
      cells.add(cellsOf(p, cell));
    }
    Integer[] byFootprint = new Integer[n];
    for (int i = 0; i < n; i++) {
      byFootprint[i] = i;
    }
    // Largest first; ties keep the runs' own order.
    java.util.Arrays.sort(byFootprint, (a, b) -> Integer.compare(cells.get(b).length,
        cells.get(a).length));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = byFootprint[i];
    }
    int[] level = new int[n];
    // Per cell: 1 + the highest level of the paths drawn over it so far (top down).
    Map<Long, Integer> above = new HashMap<>();
    for (int i = n - 1; i >= 0; i--) {
      int run = order[i];
      long[] own = cells.get(run);
      if (own.length > 0) {
        int[] atLeast = new int[MAX_LEVEL + 2];
        for (long c : own) {
          int l = Math.min(MAX_LEVEL + 1, above.getOrDefault(c, 0));
          for (int q = 1; q <= l; q++) {
            atLeast[q]++;
          }
        }
        for (int q = MAX_LEVEL; q >= 1; q--) {
          if (atLeast[q] >= COVERED * own.length) {
            level[run] = q;
            break;
          }
        }
      }
      // What this path covers: its cells and their neighbours (its width and halo).
      for (long c : own) {
        int cx = (int) (c >> 32);
        int cy = (int) c;
        for (int dx = -1; dx <= 1; dx++) {
          for (int dy = -1; dy <= 1; dy++) {
            above.merge(key(cx + dx, cy + dy), level[run] + 1, Math::max);
          }
        }
      }
    }
    return new Layout(order, level);
  }

  /** The distinct cells a polyline passes through. */
  private static long[] cellsOf(double[] p, double cell) {
    java.util.Set<Long> out = new java.util.LinkedHashSet<>();
    for (int i = 0; i + 3 < p.length; i += 2) {
      double x0 = p[i];
      double y0 = p[i + 1];
      double x1 = p[i + 2];
      double y1 = p[i + 3];
      double d = Math.hypot(x1 - x0, y1 - y0);
      int samples = (int) Math.min(4000, Math.ceil(2 * d / cell)) + 1;
      for (int k = 0; k <= samples; k++) {
        double x = x0 + (x1 - x0) * k / samples;
        double y = y0 + (y1 - y0) * k / samples;
        out.add(key((int) Math.floor(x / cell), (int) Math.floor(y / cell)));
      }
    }
    long[] a = new long[out.size()];
    int i = 0;
    for (long c : out) {
      a[i++] = c;
    }
    return a;
  }

  private static long key(int cx, int cy) {
    return (long) cx << 32 | cy & 0xFFFFFFFFL;
  }
}
