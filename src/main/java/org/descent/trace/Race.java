package org.descent.trace;

import java.util.ArrayList;
import java.util.List;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;

/**
 * Several optimizers from the same start on the same function: the unit of work redone on every
 * slider drag. Every optimizer draws its gradient noise from a generator with the same seed, so
 * two identical optimizers trace identical paths.
 */
public final class Race {

  private Race() {}

  /**
   * Runs each optimizer in turn on the calling thread.
   *
   * @param f used on the calling thread only
   */
  public static List<Trace> run(Objective f, List<OptimizerSpec> optimizers, double[] start,
      int steps, double noise, long seed) {
    List<Trace> traces = new ArrayList<>(optimizers.size());
    for (OptimizerSpec spec : optimizers) {
      traces.add(TraceRunner.run(spec, f, start, steps, noise, seed));
    }
    return traces;
  }
}
