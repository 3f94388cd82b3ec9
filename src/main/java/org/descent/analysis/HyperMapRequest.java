package org.descent.analysis;

import java.util.List;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;

/**
 * A two-hyperparameter map of convergence: one run of {@code base} from {@code start} per cell
 * of an {@code x.count()} × {@code y.count()} grid of values of two of its hyperparameters
 * ({@code px} along x, {@code py} along y), everything else as configured.
 *
 * @param objective the exact function (each worker uses its own {@code copy()})
 * @param target f* for the tolerance (NaN: the tolerance applies to the gradient norm)
 * @param coarseToFine whether a map of about a quarter of the points per side comes first
 */
public record HyperMapRequest(Objective objective, double[] start, OptimizerSpec base, Param px,
    Axis x, Param py, Axis y, int steps, double noise, long seed, double target,
    double tolerance, boolean coarseToFine) {

  /** The most optimizer steps in all (cells × steps). */
  public static final long MAX_WORK = 400_000_000L;

  public HyperMapRequest {
    start = start.clone();
    if (start.length != objective.dimension()) {
      throw new IllegalArgumentException("the start has " + start.length
          + " coordinates, the function takes " + objective.dimension());
    }
    if (px == py) {
      throw new IllegalArgumentException("two different hyperparameters, got " + px.key()
          + " twice");
    }
    for (Param p : List.of(px, py)) {
      if (!base.type().params().contains(p)) {
        throw new IllegalArgumentException(base.type().key() + " has no hyperparameter "
            + p.key());
      }
      SweepRequest.checkSweepable(p);
    }
    SweepRequest.checkValues(px, x);
    SweepRequest.checkValues(py, y);
    SweepRequest.checkRuns(steps, tolerance);
    long work = (long) x.count() * y.count() * steps;
    if (work > MAX_WORK) {
      throw new IllegalArgumentException("too much work: " + x.count() + " x " + y.count()
          + " cells x " + steps + " steps = " + work + " steps; at most " + MAX_WORK
          + " (use fewer cells or fewer steps)");
    }
  }

  @Override
  public double[] start() {
    return start.clone();
  }

  /**
   * (learning rate, momentum) for momentum or Nesterov: lr log-spaced over [lrMin, lrMax],
   * momentum log-spaced in 1 − α over [0, 0.999] (0, 0.9, 0.99 ... evenly apart near 1).
   */
  public static HyperMapRequest learningRateMomentum(Objective f, double[] start,
      OptimizerSpec base, double lrMin, double lrMax, int cells, int steps, double target,
      double tolerance) {
    requireType(base, OptimizerType.MOMENTUM, OptimizerType.NESTEROV);
    return new HyperMapRequest(f, start, base, Param.LR, Axis.log("lr", lrMin, lrMax, cells),
        Param.MOMENTUM, new Axis("momentum", 0, 0.999, cells, Axis.Scale.LOG_ONE_MINUS), steps,
        0, 0, target, tolerance, true);
  }

  /** (β1, β2) for Adam, each log-spaced in 1 − β: β1 over [0, 0.999], β2 over [0.9, 0.99999]. */
  public static HyperMapRequest adamBetas(Objective f, double[] start, OptimizerSpec base,
      int cells, int steps, double target, double tolerance) {
    requireType(base, OptimizerType.ADAM);
    return new HyperMapRequest(f, start, base, Param.BETA1,
        new Axis("beta1", 0, 0.999, cells, Axis.Scale.LOG_ONE_MINUS), Param.BETA2,
        new Axis("beta2", 0.9, 0.99999, cells, Axis.Scale.LOG_ONE_MINUS), steps, 0, 0, target,
        tolerance, true);
  }

  private static void requireType(OptimizerSpec base, OptimizerType... types) {
    if (!List.of(types).contains(base.type())) {
      throw new IllegalArgumentException("this map is for " + String.join(" or ",
          List.of(types).stream().map(OptimizerType::key).toList()) + ", not "
          + base.type().key());
    }
  }

  public HyperMapRequest withNoise(double sigma, long newSeed) {
    return new HyperMapRequest(objective, start, base, px, x, py, y, steps, sigma, newSeed,
        target, tolerance, coarseToFine);
  }

  public HyperMapRequest withCoarseToFine(boolean on) {
    return new HyperMapRequest(objective, start, base, px, x, py, y, steps, noise, seed, target,
        tolerance, on);
  }

  /** Points per side of each pass: about a quarter first when coarse-to-fine. */
  List<int[]> passes() {
    if (!coarseToFine || Math.max(x.count(), y.count()) < 16) {
      return List.<int[]>of(new int[] {x.count(), y.count()});
    }
    return List.of(new int[] {Math.max(2, (x.count() + 3) / 4), Math.max(2, (y.count() + 3) / 4)},
        new int[] {x.count(), y.count()});
  }
}
