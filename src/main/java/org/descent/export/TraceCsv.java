package org.descent.export;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.descent.trace.Trace;

/**
 * Traces as CSV, one row per optimizer and step. The first columns are fixed
 * ({@code optimizer,step,x,y,loss,grad_norm,fevals,gevals}); the averaged iterate follows
 * (empty without averaging). Numbers are written in full precision, so a trace reads back bit
 * for bit. {@link #open} writes trace after trace as they come, so that a long race is never
 * held in memory whole.
 */
public final class TraceCsv implements Flushable, Closeable {

  public static final List<String> HEADER = List.of("optimizer", "step", "x", "y", "loss",
      "grad_norm", "fevals", "gevals", "avg_x", "avg_y");

  private final CSVPrinter csv;

  private TraceCsv(CSVPrinter csv) {
    this.csv = csv;
  }

  /** Writes the header; then {@link #append} each trace. Closing closes {@code out} too. */
  public static TraceCsv open(Appendable out) throws IOException {
    CSVFormat format = CsvText.format(HEADER);
    return new TraceCsv(new CSVPrinter(out, format));
  }

  /** The rows of one trace. */
  public void append(Trace t) throws IOException {
    for (int k = 0; k < t.length(); k++) {
      csv.printRecord(t.label(), k, num(t.x(k)), num(t.y(k)), num(t.loss(k)),
          num(t.gradNorm(k)), t.functionEvaluations(k), t.gradientEvaluations(k),
          t.hasAverage() ? num(t.averagedCoordinate(k, 0)) : "",
          t.hasAverage() ? num(t.averagedCoordinate(k, 1)) : "");
    }
  }

  @Override
  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }

  /** Every trace at once. */
  public static void write(List<Trace> traces, Appendable out) throws IOException {
    try (TraceCsv csv = open(out)) {
      for (Trace t : traces) {
        csv.append(t);
      }
      csv.flush();
    }
  }

  private static String num(double v) {
    return Double.toString(v);
  }
}
