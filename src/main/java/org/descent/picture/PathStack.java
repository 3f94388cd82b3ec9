package org.descent.picture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which the runs' bold paths are drawn and where each is widened, so that paths
 * that run along each other stay apart to the eye: the path that covers the most of the map
 * goes first (at the bottom) and shorter ones on top of it; where a stretch of a path lies
 * under paths drawn after it, that stretch alone is drawn wider, so it shows as a rim in its
 * colour on both sides of them, like the strands of a cable. Only the covered stretches: a
 * whole path widened because most of it is covered (a run that bounces along the others and
 * then is flung across the map) would be drawn as a band over everything it crosses.
 *
 * <p>Coverage is measured on a coarse grid of cells a path's width across: cheap enough for
 * every frame of playback.
 */
final class PathStack {

  /**
   * A path gets rims only if this share of its cells lies under later paths: one that shows
   * on its own over most of its length (Newton's long step across a valley the others follow)
   * needs none, and rims where it crosses them would only swell it there.
   */
  static final double COVERED = 0.45;
  /**
   * At most this many rims around one stretch. Each rim must be wider than the dark edge of
   * the path over it to show at all, so two would make a path three times its width where
   * three runs coincide: a band, not a line.
   */
  static final int MAX_LEVEL = 2;
  /**
   * A covered stretch shorter than this (in cells) gets no rim: a path crossing another covers
   * about three cells of it, and a rim there would be a knot at every crossing.
   */
  static final double MIN_STRETCH = 5;
  /** Gaps in the coverage shorter than this (in cells) are bridged: a rim does not flicker. */
  static final double MAX_GAP = 2;

  private PathStack() {}

  /** A stretch of a path drawn wider, {x0, y0, x1, y1, …}, by {@code level} rims. */
  record Rim(double[] points, int level) {}

  /**
   * @param order the runs' indices, first drawn first
   * @param rims per run, the stretches of its path drawn wider
   */
  record Layout(int[] order, List<List<Rim>> rims) {}

  /**
   * @param paths per run its bold path on screen as pieces {x0, y0, x1, y1, …} (none: no
   *     path)
   * @param cell the grid's cell size in pixels (about a path's width)
   */
  static Layout of(List<List<double[]>> paths, double cell) {
    int n = paths.size();
    List<Set<Long>> cells = new ArrayList<>();
    for (List<double[]> p : paths) {
      cells.add(cellsOf(p, cell));
    }
    Integer[] byFootprint = new Integer[n];
    for (int i = 0; i < n; i++) {
      byFootprint[i] = i;
    }
    // Largest first; ties keep the runs' own order.
    Arrays.sort(byFootprint, (a, b) -> Integer.compare(cells.get(b).size(),
        cells.get(a).size()));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = byFootprint[i];
    }
    List<List<Rim>> rims = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rims.add(new ArrayList<>());
    }
    // Per cell: 1 + the highest level of the paths drawn over it so far (top down).
    Map<Long, Integer> above = new HashMap<>();
    for (int i = n - 1; i >= 0; i--) {
      int run = order[i];
      List<Rim> own = rims.get(run);
      int under = 0;
      for (long c : cells.get(run)) {
        under += above.containsKey(c) ? 1 : 0;
      }
      if (under > 0 && under >= COVERED * cells.get(run).size()) {
        for (double[] piece : paths.get(run)) {
          own.addAll(rimsOf(piece, cell, above));
        }
      }
      // What this path covers: its cells and their neighbours (its width and halo), one level
      // higher where it has a rim.
      Map<Long, Integer> levels = new HashMap<>();
      for (long c : cells.get(run)) {
        levels.put(c, 0);
      }
      for (Rim r : own) {
        for (long c : cellsOf(List.of(r.points()), cell)) {
          levels.merge(c, r.level(), Math::max);
        }
      }
      for (Map.Entry<Long, Integer> e : levels.entrySet()) {
        int cx = (int) (e.getKey() >> 32);
        int cy = (int) (long) e.getKey();
        for (int dx = -1; dx <= 1; dx++) {
          for (int dy = -1; dy <= 1; dy++) {
            above.merge(key(cx + dx, cy + dy), e.getValue() + 1, Math::max);
          }
        }
      }
    }
    return new Layout(order, rims);
  }

  /** The stretches of one piece of a path that lie under the paths above it. */
  private static List<Rim> rimsOf(double[] p, double cell, Map<Long, Integer> above) {
    // Samples along the piece, half a cell apart: where they are and how covered.
    List<double[]> at = new ArrayList<>();
    for (int i = 0; i + 3 < p.length; i += 2) {
      double x0 = p[i];
      double y0 = p[i + 1];
      double x1 = p[i + 2];
      double y1 = p[i + 3];
      int samples = (int) Math.min(4000, Math.ceil(2 * Math.hypot(x1 - x0, y1 - y0) / cell));
      for (int k = i == 0 ? 0 : 1; k <= samples; k++) {
        double f = samples == 0 ? 0 : (double) k / samples;
        at.add(new double[] {x0 + (x1 - x0) * f, y0 + (y1 - y0) * f});
      }
    }
    int m = at.size();
    if (m < 2) {
      return List.of();
    }
    double[] along = new double[m];
    int[] covered = new int[m];
    for (int k = 0; k < m; k++) {
      double[] q = at.get(k);
      along[k] = k == 0 ? 0 : along[k - 1] + Math.hypot(q[0] - at.get(k - 1)[0],
          q[1] - at.get(k - 1)[1]);
      covered[k] = Math.min(MAX_LEVEL, above.getOrDefault(
          key((int) Math.floor(q[0] / cell), (int) Math.floor(q[1] / cell)), 0));
    }
    int[] level = new int[m];
    boolean[] below = new boolean[m];
    Arrays.fill(below, true);
    for (int q = 1; q <= MAX_LEVEL; q++) {
      boolean[] on = new boolean[m];
      for (int k = 0; k < m; k++) {
        on[k] = below[k] && covered[k] >= q;
      }
      clean(on, along, cell, below);
      for (int k = 0; k < m; k++) {
        if (on[k]) {
          level[k] = q;
        }
      }
      below = on;
    }
    // Runs of equal level, each a polyline through its samples.
    List<Rim> out = new ArrayList<>();
    int start = 0;
    for (int k = 1; k <= m; k++) {
      if (k == m || level[k] != level[start]) {
        if (level[start] > 0) {
          // Joined to the next stretch where that has a rim too, so that no gap shows.
          int last = k < m && level[k] > 0 ? k : k - 1;
          double[] pts = new double[2 * (last - start + 1)];
          for (int j = start; j <= last; j++) {
            pts[2 * (j - start)] = at.get(j)[0];
            pts[2 * (j - start) + 1] = at.get(j)[1];
          }
          out.add(new Rim(pts, level[start]));
        }
        start = k;
      }
    }
    return out;
  }

  /**
   * Bridges short gaps between covered samples, trims the covered stretches and drops the
   * short ones.
   */
  private static void clean(boolean[] on, double[] along, double cell, boolean[] allowed) {
    int m = on.length;
    int lastOn = -1;
    for (int k = 0; k < m; k++) {
      if (on[k]) {
        if (lastOn >= 0 && k - lastOn > 1 && along[k] - along[lastOn] < MAX_GAP * cell) {
          boolean ok = true;
          for (int j = lastOn + 1; j < k; j++) {
            ok &= allowed[j];
          }
          for (int j = lastOn + 1; j < k && ok; j++) {
            on[j] = true;
          }
        }
        lastOn = k;
      }
    }
    int k = 0;
    while (k < m) {
      if (!on[k]) {
        k++;
        continue;
      }
      int end = k;
      while (end + 1 < m && on[end + 1]) {
        end++;
      }
      // A cell off each end inside the piece: coverage counts a cell's neighbours (the
      // width of the path above), which along the path would let the rim run on past the
      // end of the path that covers it.
      int first = k;
      int last = end;
      while (first > 0 && first <= last && along[first] - along[k] < cell) {
        on[first++] = false;
      }
      while (end < m - 1 && last >= first && along[end] - along[last] < cell) {
        on[last--] = false;
      }
      if (first > last || along[last] - along[first] < MIN_STRETCH * cell) {
        Arrays.fill(on, k, end + 1, false);
      }
      k = end + 1;
    }
  }

  /** The distinct cells the pieces of a path pass through. */
  private static Set<Long> cellsOf(List<double[]> pieces, double cell) {
    Set<Long> out = new LinkedHashSet<>();
    for (double[] p : pieces) {
      if (p.length == 2) {
        out.add(key((int) Math.floor(p[0] / cell), (int) Math.floor(p[1] / cell)));
      }
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
    }
    return out;
  }

  private static long key(int cx, int cy) {
    return (long) cx << 32 | cy & 0xFFFFFFFFL;
  }
}
