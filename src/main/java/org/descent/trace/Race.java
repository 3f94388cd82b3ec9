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
    forEach(f, optimizers, start, steps, noise, seed, traces::add);
    return traces;
  }

  /** Runs every optimizer of the setup in turn on the calling thread. */
  public static List<Trace> run(RaceSetup setup) {
    List<Trace> traces = new ArrayList<>(setup.optimizers().size());
    for (int i = 0; i < setup.optimizers().size(); i++) {
      traces.add(setup.trace(i));
    }
    return traces;
  }

  /**
   * Runs every optimizer of the setup in turn on the calling thread, handing over each trace as
   * soon as it is done.
   */
  public static <E extends Exception> void forEach(RaceSetup setup, TraceSink<E> sink)
      throws E {
    for (int i = 0; i < setup.optimizers().size(); i++) {
      sink.accept(setup.trace(i));
    }
  }

  /** What receives each trace as soon as it is computed. */
  @FunctionalInterface
  public interface TraceSink<E extends Exception> {
    void accept(Trace trace) throws E;
  }

  /**
   * Runs each optimizer in turn on the calling thread and hands over each trace as soon as it
   * is done, so that a caller that writes traces out holds one at a time, not all of them.
   *
   * @param f used on the calling thread only
   */
  public static <E extends Exception> void forEach(Objective f, List<OptimizerSpec> optimizers,
      double[] start, int steps, double noise, long seed, TraceSink<E> sink) throws E {
    for (OptimizerSpec spec : optimizers) {
      sink.accept(TraceRunner.run(spec, f, start, steps, noise, seed));
    }
  }
}
