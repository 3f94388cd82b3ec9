package org.descent.trace;

import java.util.List;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;

/**
 * Everything a race is computed from: the function, the optimizers, the start, the steps, the
 * gradient noise with its seed, and the evaluation budget. The same setup gives the same traces
 * bit for bit, which is what lets a view replay one step of one of them
 * ({@link StepReplay}).
 *
 * @param objective the exact function (a computation on another thread uses a {@code copy()})
 * @param steps the steps of every run; with a budget, the most steps a run takes
 * @param budget the most function + gradient evaluations per run, or
 *     {@link TraceRunner#NO_BUDGET}
 */
public record RaceSetup(Objective objective, List<OptimizerSpec> optimizers, double[] start,
    int steps, double noise, long seed, long budget) {

  public RaceSetup {
    optimizers = List.copyOf(optimizers);
    start = start.clone();
    if (start.length != objective.dimension()) {
      throw new IllegalArgumentException("the start has " + start.length
          + " coordinates, the function takes " + objective.dimension());
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be zero or more, got " + steps);
    }
    if (budget < 0) {
      throw new IllegalArgumentException("the budget must be zero (none) or positive, got "
          + budget);
    }
  }

  /** A race without a budget. */
  public RaceSetup(Objective objective, List<OptimizerSpec> optimizers, double[] start,
      int steps, double noise, long seed) {
    this(objective, optimizers, start, steps, noise, seed, TraceRunner.NO_BUDGET);
  }

  @Override
  public double[] start() {
    return start.clone();
  }

  /** The trace of optimizer i, computed on the calling thread. */
  public Trace trace(int i) {
    return TraceRunner.run(optimizers.get(i), objective, start, steps, noise, seed, budget);
  }
}
