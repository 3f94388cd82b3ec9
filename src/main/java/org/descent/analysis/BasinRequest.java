package org.descent.analysis;

import java.util.List;
import org.descent.function.CriticalPoint;
import org.descent.function.Landscape;
import org.descent.function.ViewBox;
import org.descent.optim.OptimizerSpec;

/**
 * What a basin-of-attraction map computes: an N×N grid of starts over a view (both ends of
 * each range included), each run for {@code steps} steps of one optimizer on the landscape's
 * function, and labelled by the minimum it ends nearest to. The work is bounded
 * ({@link #MAX_WORK}), so a request that would run for hours is refused with a message rather
 * than started.
 *
 * @param landscape the function and its minima (labels index {@link Landscape#minima()})
 * @param view the rectangle the starts cover
 * @param grid starts per side, from 2 to {@link #MAX_GRID}
 * @param noise gradient noise (0 for exact gradients); each start replays the same seed, as
 *     the optimizers of a race do
 * @param tolerance how close to its minimum an end point must be to count as converged; see
 *     {@link BasinMap.Status}
 * @param coarseToFine whether to compute a map of about N/8 per side first (shown while the
 *     full one is computed)
 */
public record BasinRequest(Landscape landscape, ViewBox view, int grid, OptimizerSpec optimizer,
    int steps, double noise, long seed, double tolerance, boolean coarseToFine) {

  /** The most starts per side (16 million starts). */
  public static final int MAX_GRID = 4096;
  /** The most steps per start, as in a scenario. */
  public static final int MAX_STEPS = 100_000;
  /**
   * The most optimizer steps in all (starts × steps) for the optimizers of the fast path: a few
   * seconds on two cores (1024×1024 starts × 500 steps is 5.2e8).
   */
  public static final long MAX_WORK = 4_000_000_000L;
  /**
   * The most for the others (second-order and line-search methods, noisy gradients): one start
   * at a time, some ten times slower per step.
   */
  public static final long MAX_WORK_SLOW = 400_000_000L;

  public BasinRequest {
    if (grid < 2 || grid > MAX_GRID) {
      throw new IllegalArgumentException("the grid must have between 2 and " + MAX_GRID
          + " starts per side, got " + grid);
    }
    if (steps < 0 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("steps must be between 0 and " + MAX_STEPS + ", got "
          + steps);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise must be zero or a positive standard deviation, "
          + "got " + noise);
    }
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("the tolerance must be a positive distance, got "
          + tolerance);
    }
    long work = (long) grid * grid * steps;
    boolean fast = LaneRun.supports(optimizer, noise);
    long max = fast ? MAX_WORK : MAX_WORK_SLOW;
    if (work > max) {
      throw new IllegalArgumentException("too much work: " + grid + " x " + grid + " starts x "
          + steps + " steps = " + String.format(java.util.Locale.ROOT, "%.3g", (double) work)
          + " optimizer steps; at most " + String.format(java.util.Locale.ROOT, "%.3g",
              (double) max) + (fast ? "" : " for " + optimizer.type().key()
              + (noise > 0 ? " with noise" : ""))
          + " (use a smaller grid or fewer steps)");
    }
  }

  /**
   * The default request: the landscape's own view, converged meaning within 1/1000 of the
   * view's larger side, coarse pass first.
   */
  public static BasinRequest of(Landscape landscape, int grid, OptimizerSpec optimizer,
      int steps) {
    return new BasinRequest(landscape, landscape.view(), grid, optimizer, steps, 0, 0,
        defaultTolerance(landscape.view()), true);
  }

  /** 1/1000 of the larger side of the view. */
  public static double defaultTolerance(ViewBox view) {
    return 1e-3 * Math.max(view.width(), view.height());
  }

  public BasinRequest withView(ViewBox v) {
    return new BasinRequest(landscape, v, grid, optimizer, steps, noise, seed, tolerance,
        coarseToFine);
  }

  public BasinRequest withNoise(double sigma, long newSeed) {
    return new BasinRequest(landscape, view, grid, optimizer, steps, sigma, newSeed, tolerance,
        coarseToFine);
  }

  public BasinRequest withCoarseToFine(boolean on) {
    return new BasinRequest(landscape, view, grid, optimizer, steps, noise, seed, tolerance,
        on);
  }

  /** The minima the labels refer to, in {@link Landscape#minima()} order. */
  public List<CriticalPoint> minima() {
    return landscape.minima();
  }

  /** Whether the structure-of-arrays fast path applies (same results, several times faster). */
  public boolean fastPath() {
    return fastPathFor(optimizer, noise);
  }

  /** Whether a map of this optimizer would take the fast path (a view sizes its grid by it). */
  public static boolean fastPathFor(OptimizerSpec optimizer, double noise) {
    return LaneRun.supports(optimizer, noise);
  }

  /** The grid sizes computed in turn: about N/8 first when coarse-to-fine, then N. */
  public List<Integer> passes() {
    if (!coarseToFine || grid < 32) {
      return List.of(grid);
    }
    return List.of(Math.max(2, (grid + 7) / 8), grid);
  }
}
