package org.descent.analysis;

import java.util.List;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/**
 * A map of convergence over two hyperparameters: cell (ix, iy) is the run with
 * {@code px = x.value(ix)} and {@code py = y.value(iy)}; cells are numbered y-major,
 * {@code iy * x.count() + ix}. A view colours a cell by {@link #stepsToTolerance} (−1: never
 * reached, drawn apart) or {@link #finalLoss}, marks diverged cells, and on a click sets
 * {@link #specAt} on the optimizer's card.
 */
public record HyperMap(OptimizerSpec base, Param px, Axis x, Param py, Axis y,
    List<RunOutcome> outcomes) {

  public HyperMap {
    outcomes = List.copyOf(outcomes);
    if (outcomes.size() != x.count() * y.count()) {
      throw new IllegalArgumentException("one outcome per cell");
    }
  }

  public RunOutcome outcome(int ix, int iy) {
    return outcomes.get(iy * x.count() + ix);
  }

  public int stepsToTolerance(int ix, int iy) {
    return outcome(ix, iy).stepsToTolerance();
  }

  public double finalLoss(int ix, int iy) {
    return outcome(ix, iy).finalLoss();
  }

  public boolean diverged(int ix, int iy) {
    return outcome(ix, iy).diverged();
  }

  /** The configuration cell (ix, iy) ran. */
  public OptimizerSpec specAt(int ix, int iy) {
    return base.with(px, SweepRequest.value(px, x.value(ix)))
        .with(py, SweepRequest.value(py, y.value(iy)));
  }

  /** The cell nearest to the hyperparameter values (vx, vy): [ix, iy] (a click on the map). */
  public int[] cellNear(double vx, double vy) {
    return new int[] {x.nearestIndex(vx), y.nearestIndex(vy)};
  }

  /**
   * The fastest cell: the fewest steps to the tolerance (ties: the lower final loss), among the
   * cells that reached it and did not diverge; null when none did.
   */
  public int[] fastest() {
    int[] best = null;
    RunOutcome b = null;
    for (int iy = 0; iy < y.count(); iy++) {
      for (int ix = 0; ix < x.count(); ix++) {
        RunOutcome o = outcome(ix, iy);
        if (o.reached() && !o.diverged() && (b == null
            || o.stepsToTolerance() < b.stepsToTolerance()
            || o.stepsToTolerance() == b.stepsToTolerance() && o.finalLoss() < b.finalLoss())) {
          b = o;
          best = new int[] {ix, iy};
        }
      }
    }
    return best;
  }
}
