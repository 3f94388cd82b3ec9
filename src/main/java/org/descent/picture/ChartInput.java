package org.descent.picture;

import org.descent.trace.Trace;

/**
 * One optimizer's run as the charts and the map show it: its label, colour, line style and
 * trace.
 */
public record ChartInput(String label, int argb, Trace trace, LineStyle style) {

  public ChartInput {
    style = style == null ? LineStyle.SOLID : style;
  }

  /** A run drawn solid. */
  public ChartInput(String label, int argb, Trace trace) {
    this(label, argb, trace, LineStyle.SOLID);
  }
}
