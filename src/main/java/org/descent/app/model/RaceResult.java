package org.descent.app.model;

import java.util.List;
import org.descent.function.Landscape;
import org.descent.trace.Trace;

/**
 * Traces computed for a list of entries on a landscape: views pair entries and traces by
 * position, so a result computed before an entry was removed is never misread.
 */
public record RaceResult(Landscape landscape, List<OptimizerEntry> entries, List<Trace> traces) {

  public RaceResult {
    entries = List.copyOf(entries);
    traces = List.copyOf(traces);
  }

  /** An optimizer and its trace. */
  public record Shown(OptimizerEntry entry, Trace trace) {}

  public static final RaceResult EMPTY = new RaceResult(null, List.of(), List.of());

  /** The trace of an entry, or null when it was not part of this computation. */
  public Trace traceOf(OptimizerEntry entry) {
    int i = entries.indexOf(entry);
    return i < 0 ? null : traces.get(i);
  }
}
