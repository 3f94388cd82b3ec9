package org.descent.picture;

import org.descent.trace.Trace;

/** One optimizer's run as the charts and the map show it: its label, colour and trace. */
public record ChartInput(String label, int argb, Trace trace) {}
