package org.descent.app.model;

import java.util.ArrayList;
import java.util.List;
import org.descent.function.Landscape;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.trace.Continuation;
import org.descent.trace.ContinuationRunner;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;

/**
 * Everything one race is computed from, copied from the model on the JavaFX thread when the
 * race is asked for. Immutable, so the worker that computes it reads nothing that the JavaFX
 * thread may change meanwhile (the entries only name which card each trace belongs to).
 *
 * @param continuation the demo's continuation schedule for the card under its label, or null
 */
record RaceInputs(Landscape landscape, List<OptimizerEntry> entries, List<OptimizerSpec> specs,
    double[] start, int steps, double noise, long seed, long budget,
    Continuation continuation) {

  RaceInputs {
    entries = List.copyOf(entries);
    specs = List.copyOf(specs);
    start = start.clone();
  }

  /** The traces, on the calling thread: the same as {@code ScenarioTraces.race}. */
  RaceResult compute() {
    Objective f = landscape.formula().objective();
    List<Trace> traces = new ArrayList<>(specs.size());
    for (OptimizerSpec spec : specs) {
      if (continuation != null && spec.label().equals(continuation.optimizer())) {
        traces.add(ContinuationRunner.run(spec, landscape, continuation, start, steps, noise,
            seed).trace());
      } else {
        traces.add(TraceRunner.run(spec, f, start, steps, noise, seed, budget));
      }
    }
    return new RaceResult(landscape, entries, traces);
  }
}
