package org.descent.analysis;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.descent.function.CriticalPoint;
import org.descent.function.FormulaLanes;
import org.descent.function.FormulaObjective;
import org.descent.function.NoisyObjective;
import org.descent.function.Objective;
import org.descent.function.ViewBox;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;

/**
 * Computes basin-of-attraction maps in parallel. The starts are split into blocks of
 * consecutive cells that the worker threads take in turn; cancellation is seen between blocks
 * (and every few steps inside one). First-order methods without noise run many starts per call
 * ({@link LaneRun}, structure-of-arrays); every other optimizer runs start by start with its own
 * {@code optim} class. Both give the end point that {@code spec.create()} stepping from the
 * start gives, bit for bit.
 */
public final class BasinMaps {

  /** Starts per block on the fast path (a block's arrays stay in the L2 cache). */
  static final int LANES = 256;
  /** Starts per block on the start-by-start path. */
  static final int SLOW_BLOCK = 32;

  private BasinMaps() {}

  /**
   * Computes the map, coarse pass first when the request asks for it; each pass is handed to
   * {@code listener.pass} as it completes, the last one is returned.
   *
   * @throws CancellationException when cancelled (or the thread interrupted) before the end
   */
  public static BasinMap compute(BasinRequest request, Workers workers, Cancellation cancel,
      AnalysisListener<BasinMap> listener) {
    List<Integer> passes = request.passes();
    double total = 0;
    for (int n : passes) {
      total += (double) n * n;
    }
    double done = 0;
    BasinMap map = null;
    for (int n : passes) {
      double share = (double) n * n / total;
      map = computePass(request, n, workers, cancel, listener, done, done + share);
      done += share;
      listener.pass(map);
    }
    return map;
  }

  /** The full map in one pass, on a temporary pool (for the command line and tests). */
  public static BasinMap compute(BasinRequest request) {
    try (Workers workers = new Workers()) {
      return compute(request.withCoarseToFine(false), workers, new Cancellation(),
          AnalysisListener.none());
    }
  }

  private static BasinMap computePass(BasinRequest request, int n, Workers workers,
      Cancellation cancel, AnalysisListener<BasinMap> listener, double from, double to) {
    ViewBox view = request.view();
    Axis xs = Axis.linear("x", view.xMin(), view.xMax(), n);
    Axis ys = Axis.linear("y", view.yMin(), view.yMax(), n);
    double[] xv = xs.values();
    double[] yv = ys.values();
    int cells = n * n;
    double[] fx = new double[cells];
    double[] fy = new double[cells];
    int steps = request.steps();
    OptimizerSpec spec = request.optimizer();
    var formula = request.landscape().formula();
    if (request.fastPath()) {
      int blocks = (cells + LANES - 1) / LANES;
      workers.forEach(blocks, () -> new FastWorker(new LaneRun(spec, formula.lanes(LANES))),
          (w, b) -> {
            int first = b * LANES;
            int count = Math.min(LANES, cells - first);
            for (int j = 0; j < count; j++) {
              int c = first + j;
              w.cells[j] = c;
              w.sx[j] = xv[c % n];
              w.sy[j] = yv[c / n];
            }
            w.run.run(w.cells, w.sx, w.sy, count, steps, cancel, (c, ex, ey) -> {
              fx[c] = ex;
              fy[c] = ey;
            });
          }, cancel, listener, from, to);
    } else {
      int blocks = (cells + SLOW_BLOCK - 1) / SLOW_BLOCK;
      workers.forEach(blocks, formula::objective, (f, b) -> {
        int first = b * SLOW_BLOCK;
        int end = Math.min(cells, first + SLOW_BLOCK);
        double[] theta = new double[2];
        for (int c = first; c < end; c++) {
          theta[0] = xv[c % n];
          theta[1] = yv[c / n];
          endPoint(spec, f, theta, steps, request.noise(), request.seed(), cancel);
          fx[c] = theta[0];
          fy[c] = theta[1];
        }
      }, cancel, listener, from, to);
    }
    return label(request, xs, ys, fx, fy);
  }

  /** Scratch space of one fast-path worker. */
  private static final class FastWorker {
    final LaneRun run;
    final int[] cells = new int[LANES];
    final double[] sx = new double[LANES];
    final double[] sy = new double[LANES];

    FastWorker(LaneRun run) {
      this.run = run;
    }
  }

  /**
   * Steps {@code theta} in place as a trace of this optimizer would. A stateless optimizer (plain
   * gradient descent, Newton's methods) at a constant rate and without noise stops when a step
   * leaves θ unchanged: every later step would too.
   */
  static void endPoint(OptimizerSpec spec, FormulaObjective exact, double[] theta, int steps,
      double noise, long seed, Cancellation cancel) {
    Objective f = noise > 0 ? new NoisyObjective(exact, noise, seed) : exact;
    Optimizer optimizer = spec.create();
    boolean stateless = noise == 0 && spec.schedule() instanceof LearningRateSchedule.Constant
        && (spec.type() == OptimizerType.SGD || spec.type() == OptimizerType.NEWTON
            || spec.type() == OptimizerType.SADDLE_FREE_NEWTON);
    double px;
    double py;
    for (int k = 0; k < steps; k++) {
      px = theta[0];
      py = theta[1];
      optimizer.step(theta, f);
      if (stateless && Double.doubleToRawLongBits(px) == Double.doubleToRawLongBits(theta[0])
          && Double.doubleToRawLongBits(py) == Double.doubleToRawLongBits(theta[1])) {
        return;
      }
      if ((k & 1023) == 1023 && cancel.isCancelled()) {
        throw new CancellationException("cancelled");
      }
    }
  }

  /** Labels every end point by its nearest minimum and sorts it into the legend's classes. */
  static BasinMap label(BasinRequest request, Axis xs, Axis ys, double[] fx, double[] fy) {
    List<CriticalPoint> minima = request.minima();
    double[] mx = new double[minima.size()];
    double[] my = new double[minima.size()];
    for (int m = 0; m < mx.length; m++) {
      mx[m] = minima.get(m).x();
      my[m] = minima.get(m).y();
    }
    int cells = fx.length;
    int[] labels = new int[cells];
    byte[] statuses = new byte[cells];
    double tol = request.tolerance();
    for (int c = 0; c < cells; c++) {
      double x = fx[c];
      double y = fy[c];
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        labels[c] = -1;
        statuses[c] = (byte) BasinMap.Status.DIVERGED.ordinal();
        continue;
      }
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int m = 0; m < mx.length; m++) {
        double d = Math.hypot(x - mx[m], y - my[m]);
        if (d < bestD) {
          bestD = d;
          best = m;
        }
      }
      labels[c] = best;
      statuses[c] = (byte) (best >= 0 && bestD <= tol ? BasinMap.Status.CONVERGED
          : BasinMap.Status.NOT_CONVERGED).ordinal();
    }
    return new BasinMap(xs, ys, request.optimizer(), request.steps(), minima,
        request.tolerance(), labels, statuses, fx, fy);
  }
}
